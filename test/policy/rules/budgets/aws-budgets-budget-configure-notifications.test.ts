import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-budgets-budget-configure-notifications";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:budgets/budget:Budget",
      "an actual alert to e-mail only",
      (p) =>
        (p.notifications[0] = {
          notificationType: "ACTUAL",
          threshold: 80,
          subscriberEmailAddresses: ["a@b.c"],
        }),
    ),
  ],
  violations: [
    violates(
      "aws:budgets/budget:Budget",
      "no forecast alert",
      (p) => p.notifications.pop(),
      /no forecasted notification with a subscriber/,
    ),
    violates(
      "aws:budgets/budget:Budget",
      "an actual alert nobody receives",
      (p) => delete p.notifications[0].subscriberSnsTopicArns,
      /no actual notification with a subscriber/,
    ),
    violates(
      "aws:budgets/budget:Budget",
      "no notifications at all",
      (p) => delete p.notifications,
      /no actual notification with a subscriber\n.*no forecasted notification with a subscriber/,
    ),
  ],
});
