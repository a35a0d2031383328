import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { encryptedLogGroup } from "../shared/logGroup";
import { ComponentScope } from "../shared/scope";
import { wafRules, wafVisibility } from "./policies";

export interface RegionalWafArgs {
  /** Logical name of the Edge component; children are named `<name>-api-waf`. */
  name: string;
  /** The edge's scope: parent, naming and account of the web ACL and its log group. */
  scope: ComponentScope;
  /** The internal ALB the web ACL is associated with. */
  alb: aws.lb.LoadBalancer;
  /** The data layer's logs key in this region. */
  logsKeyArn: pulumi.Input<string>;
  /** Retention of the WAF log group, days (a value CloudWatch accepts). */
  logRetentionDays: number;
}

/**
 * A REGIONAL web ACL on the internal ALB: every request to the regional API names (the health
 * check's, the failover pair's, an accelerator's) passes the same managed rules and rate limit as
 * CloudFront's, not only those that come through CloudFront. HTTP APIs cannot carry a web ACL;
 * the ALB behind their VPC link can.
 */
export function protectWithWaf(a: RegionalWafArgs): aws.wafv2.WebAcl {
  const opts = { parent: a.scope.parent };
  // WAF delivers only to log groups whose names start with aws-waf-logs-.
  const logs = encryptedLogGroup(
    `${a.name}-api-waf`,
    {
      logGroupName: `aws-waf-logs-${a.scope.namePrefix}-api`,
      retentionInDays: a.logRetentionDays,
      key: { kind: "shared", arn: a.logsKeyArn },
    },
    opts,
  ).group;
  const acl = new aws.wafv2.WebAcl(
    `${a.name}-api-waf`,
    {
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      rules: wafRules("forwarded-ip"),
      visibilityConfig: wafVisibility(`${a.scope.namePrefix}-api`),
    },
    opts,
  );
  new aws.wafv2.WebAclAssociation(
    `${a.name}-api-waf`,
    { resourceArn: a.alb.arn, webAclArn: acl.arn },
    opts,
  );
  new aws.wafv2.WebAclLoggingConfiguration(
    `${a.name}-api-waf`,
    { resourceArn: acl.arn, logDestinationConfigs: [logs.arn] },
    opts,
  );
  return acl;
}
