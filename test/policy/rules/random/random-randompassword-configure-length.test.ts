import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "random-randompassword-configure-length";

describeResourceRule(RULE, {
  passes: [
    passes(
      "random:index/randomPassword:RandomPassword",
      "exactly the default minimum of 32",
      (p) => (p.length = 32),
    ),
    passes(
      "random:index/randomPassword:RandomPassword",
      "a configured minimum",
      (p) => (p.length = 16),
      { config: { minimumLength: 16 } },
    ),
  ],
  violations: [
    violates(
      "random:index/randomPassword:RandomPassword",
      "short",
      (p) => (p.length = 16),
      /length 16 is below 32/,
    ),
    violates(
      "random:index/randomPassword:RandomPassword",
      "no digits",
      (p) => (p.numeric = false),
      /numeric characters are turned off/,
    ),
    violates(
      "random:index/randomPassword:RandomPassword",
      "one below the default minimum",
      (p) => (p.length = 31),
      /length 31 is below 32/,
    ),
    violates(
      "random:index/randomPassword:RandomPassword",
      "no length",
      (p) => delete p.length,
      /length unset is below 32/,
    ),
    violates(
      "random:index/randomPassword:RandomPassword",
      "no upper case",
      (p) => (p.upper = false),
      /upper characters are turned off/,
    ),
    violates(
      "random:index/randomPassword:RandomPassword",
      "no lower case",
      (p) => (p.lower = false),
      /lower characters are turned off/,
    ),
  ],
});
