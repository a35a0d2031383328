import { isSet, peek } from "../../lib/known";
import { stackRule } from "../../lib/rule";
import { PROJECT } from "./aws-codebuild-project-enforce-private-vpc";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

export default stackRule(
  {
    name: "aws-codebuild-project-enable-encrypted-logs",
    description:
      "CodeBuild projects log every build: to a CloudWatch log group of this stack that has a customer managed key, or to S3 with encryption on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.2.1", "PCI-DSS 4.0 §10.3.2"],
    topic: "logging",
    types: [PROJECT, LOG_GROUP],
    remediation:
      "Set logsConfig.cloudwatchLogs { status: ENABLED, groupName } naming a keyed aws.cloudwatch.LogGroup created first (or s3Logs ENABLED without encryptionDisabled).",
  },
  (stack) =>
    stack.ofType(PROJECT).flatMap((project) => {
      const logs = project.props?.logsConfig ?? {};
      const cw = logs.cloudwatchLogs ?? {};
      const s3 = logs.s3Logs ?? {};
      // @pulumi/aws 7.48.0 ProjectLogsConfig: cloudwatchLogs.status defaults to ENABLED (into a
      // /aws/codebuild/<project> group the project creates, without a key), s3Logs.status to
      // DISABLED, s3Logs.encryptionDisabled to false.
      const cwOn = (cw.status ?? "ENABLED") === "ENABLED";
      const s3On = s3.status === "ENABLED";
      const problems: string[] = [];
      if (!cwOn && !s3On) problems.push("build logs are off");
      if (cwOn) {
        const name = peek(cw, "groupName");
        const deps = new Set(project.propertyDependencies?.logsConfig?.map((d) => d.urn) ?? []);
        const group = stack
          .ofType(LOG_GROUP)
          .find((g) => deps.has(g.urn) || (name !== undefined && peek(g.props, "name") === name));
        if (!isSet(cw, "groupName") || !group)
          problems.push(
            "CloudWatch logs go to a default group of no key and retention (name a log group of this stack)",
          );
        else if (!isSet(group.props, "kmsKeyId"))
          problems.push(`log group ${group.name} has no customer managed key`);
      }
      if (s3On && s3.encryptionDisabled === true) problems.push("S3 build logs are unencrypted");
      return problems.map((message) => ({ resource: project, message }));
    }),
);
