import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope } from "../shared/scope";
import { budgetCostFilters } from "./policies";

export interface BudgetSettings {
  monthlyUsd: number;
  /** Alert on actual spend past this percentage of the budget. */
  actualPercent: number;
  /** Alert on the month's forecast past this percentage. */
  forecastPercent: number;
  /** The cost allocation tag the budget filters by. */
  tag: { key: string; value: string };
  /** Regions whose costs count (the stack's, plus `global` and us-east-1 for the primary's edge). */
  regions: string[];
}

/**
 * A monthly cost budget for this stack's share of the account: costs carrying the project's tag in
 * the stack's regions, with an actual and a forecast alert to the alarm topic. Budgets is a global
 * service (the resource takes no region).
 */
export function createBudget(
  scope: ComponentScope,
  budget: BudgetSettings,
  alarmTopicArn: pulumi.Input<string>,
): aws.budgets.Budget {
  const alert = (notificationType: "ACTUAL" | "FORECASTED", threshold: number) => ({
    notificationType,
    comparisonOperator: "GREATER_THAN",
    threshold,
    thresholdType: "PERCENTAGE",
    subscriberSnsTopicArns: [alarmTopicArn],
  });
  return new aws.budgets.Budget(
    `${scope.name}-budget`,
    {
      name: `${scope.namePrefix}-monthly`,
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: String(budget.monthlyUsd),
      limitUnit: "USD",
      costFilters: budgetCostFilters(budget.tag, budget.regions),
      notifications: [
        alert("ACTUAL", budget.actualPercent),
        alert("FORECASTED", budget.forecastPercent),
      ],
    },
    { parent: scope.parent },
  );
}

/**
 * Cost Anomaly Detection for the account: a monitor per AWS service (the dimensional monitor AWS
 * recommends) and an immediate subscription to the alarm topic for anomalies whose total impact
 * reaches `thresholdUsd` (individual IMMEDIATE alerts go to SNS subscribers; DAILY and WEEKLY
 * summaries only to e-mail).
 */
export function createAnomalyDetection(
  scope: ComponentScope,
  thresholdUsd: number,
  alarmTopicArn: pulumi.Input<string>,
): aws.costexplorer.AnomalySubscription {
  const monitor = new aws.costexplorer.AnomalyMonitor(
    `${scope.name}-anomaly-monitor`,
    {
      name: `${scope.namePrefix}-services`,
      monitorType: "DIMENSIONAL",
      monitorDimension: "SERVICE",
    },
    { parent: scope.parent },
  );
  return new aws.costexplorer.AnomalySubscription(
    `${scope.name}-anomaly-alerts`,
    {
      name: `${scope.namePrefix}-anomalies`,
      frequency: "IMMEDIATE",
      monitorArnLists: [monitor.arn],
      subscribers: [{ type: "SNS", address: alarmTopicArn }],
      thresholdExpression: {
        dimension: {
          key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
          matchOptions: ["GREATER_THAN_OR_EQUAL"],
          values: [String(thresholdUsd)],
        },
      },
    },
    { parent: scope.parent },
  );
}
