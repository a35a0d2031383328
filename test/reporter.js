// Mocha's spec reporter, plus the totals written to $MOCHA_STATS_FILE for scripts/test.mjs, which
// prints the closing "N passed, N failed" line CI reads.
"use strict";
const fs = require("fs");
const Mocha = require("mocha");

class StatsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env.MOCHA_STATS_FILE;
      if (file) {
        const { passes, failures, pending, tests } = runner.stats;
        fs.writeFileSync(file, JSON.stringify({ passes, failures, pending, tests }));
      }
    });
  }
}

module.exports = StatsReporter;
