import { asArray } from "../../lib/props";
import { Props, resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-budgets-budget-configure-notifications",
    description:
      "Budgets alert someone: at least one actual-spend and one forecast notification, each with a subscriber.",
    severity: "low",
    enforcementLevel: "advisory",
    frameworks: [],
    topic: "governance",
    types: ["aws:budgets/budget:Budget"],
    remediation:
      "Add notifications of type ACTUAL and FORECASTED with subscriberSnsTopicArns or subscriberEmailAddresses.",
  },
  (props) => {
    const notifications = asArray<Props>(props.notifications);
    const subscribed = (n: Props) =>
      asArray(n.subscriberSnsTopicArns).length + asArray(n.subscriberEmailAddresses).length > 0;
    return ["ACTUAL", "FORECASTED"].map((type) =>
      notifications.some((n) => n.notificationType === type && subscribed(n))
        ? undefined
        : `no ${type.toLowerCase()} notification with a subscriber`,
    );
  },
);
