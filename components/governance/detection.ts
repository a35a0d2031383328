import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope } from "../shared/scope";
import { GUARDDUTY_FEATURES, HIGH_SEVERITY, findingPattern, securityStandards } from "./policies";

/**
 * GuardDuty in this region: the detector (findings published every 15 minutes) and each
 * protection plan as its own feature resource (the detector's `datasources` block is deprecated
 * in @pulumi/aws 7.x), and an EventBridge rule sending high-severity findings to the alarm topic.
 */
export function createGuardDuty(
  scope: ComponentScope,
  alarmTopicArn: pulumi.Input<string>,
): aws.guardduty.Detector {
  const parent = { parent: scope.parent };
  const detector = new aws.guardduty.Detector(
    `${scope.name}-guardduty`,
    { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" },
    parent,
  );
  for (const feature of GUARDDUTY_FEATURES) {
    new aws.guardduty.DetectorFeature(
      `${scope.name}-guardduty-${feature.name.toLowerCase().replace(/_/g, "-")}`,
      {
        detectorId: detector.id,
        name: feature.name,
        status: "ENABLED",
        ...(feature.additional
          ? {
              additionalConfigurations: feature.additional.map((a) => ({
                name: a,
                status: "ENABLED",
              })),
            }
          : {}),
      },
      parent,
    );
  }
  const rule = new aws.cloudwatch.EventRule(
    `${scope.name}-guardduty-findings`,
    {
      name: `${scope.namePrefix}-guardduty-high`,
      description: `GuardDuty findings of severity ${HIGH_SEVERITY} or more, to on-call`,
      eventPattern: JSON.stringify(findingPattern(HIGH_SEVERITY)),
    },
    parent,
  );
  new aws.cloudwatch.EventTarget(
    `${scope.name}-guardduty-findings`,
    { rule: rule.name, arn: alarmTopicArn },
    parent,
  );
  return detector;
}

/**
 * Security Hub in this region with consolidated control findings and three standards (the default
 * ones are not auto-enabled: CIS 1.2.0 would duplicate 3.0.0). In the aggregation region, a
 * finding aggregator links the other regions' findings into it.
 */
export function createSecurityHub(
  scope: ComponentScope,
  aggregateRegions: string[] | undefined,
): aws.securityhub.Account {
  const parent = { parent: scope.parent };
  const hub = new aws.securityhub.Account(
    `${scope.name}-securityhub`,
    {
      enableDefaultStandards: false,
      autoEnableControls: true,
      controlFindingGenerator: "SECURITY_CONTROL",
    },
    parent,
  );
  for (const [id, arn] of Object.entries(securityStandards(scope.region))) {
    new aws.securityhub.StandardsSubscription(
      `${scope.name}-securityhub-${id}`,
      { standardsArn: arn },
      { parent: scope.parent, dependsOn: [hub] },
    );
  }
  if (aggregateRegions && aggregateRegions.length > 0) {
    new aws.securityhub.FindingAggregator(
      `${scope.name}-securityhub-aggregator`,
      { linkingMode: "SPECIFIED_REGIONS", specifiedRegions: aggregateRegions },
      { parent: scope.parent, dependsOn: [hub] },
    );
  }
  return hub;
}

/** IAM Access Analyzer: an account analyzer in this region (findings for external access). */
export function createAccessAnalyzer(scope: ComponentScope): aws.accessanalyzer.Analyzer {
  return new aws.accessanalyzer.Analyzer(
    `${scope.name}-access-analyzer`,
    { analyzerName: `${scope.namePrefix}-account`, type: "ACCOUNT" },
    { parent: scope.parent },
  );
}

/**
 * Macie in this region and a weekly classification job over the shop's buckets (sensitive data,
 * such as card numbers, where it should not be). Objects under the storage key are classified
 * once its key policy admits Macie's service-linked role (README, "Governance").
 */
export function createMacie(
  scope: ComponentScope,
  bucketNames: pulumi.Input<string[]>,
): aws.macie2.ClassificationJob {
  const account = new aws.macie2.Account(
    `${scope.name}-macie`,
    { status: "ENABLED", findingPublishingFrequency: "FIFTEEN_MINUTES" },
    { parent: scope.parent },
  );
  return new aws.macie2.ClassificationJob(
    `${scope.name}-macie-buckets`,
    {
      name: `${scope.namePrefix}-buckets`,
      description: "Weekly sensitive-data discovery in the shop's buckets",
      jobType: "SCHEDULED",
      scheduleFrequency: { weeklySchedule: "SUNDAY" },
      // Only objects changed since the previous run, after a first full pass.
      initialRun: true,
      s3JobDefinition: {
        bucketDefinitions: [{ accountId: scope.accountId, buckets: bucketNames }],
      },
    },
    { parent: scope.parent, dependsOn: [account] },
  );
}
