// Preloaded by scripts/bench.mjs: on exit, appends this process's peak RSS (KiB) to $PEAK_RSS_FILE.
"use strict";
const fs = require("fs");
process.on("exit", () => {
  if (process.env.PEAK_RSS_FILE) {
    fs.writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
  }
});
