/** What the observability tests share: resource types and small readers of the plans. */
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { ofType } from "../../helpers";

export type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const T = {
  release: "kubernetes:helm.sh/v3:Release",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  topic: "aws:sns/topic:Topic",
  topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
  subscription: "aws:sns/topicSubscription:TopicSubscription",
  key: "aws:kms/key:Key",
  password: "random:index/randomPassword:RandomPassword",
  secret: "kubernetes:core/v1:Secret",
  configMap: "kubernetes:core/v1:ConfigMap",
  association: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
};

export const inObservability = (r: PlannedResource) =>
  r.urn.includes("ecommerce:observability:Observability$");

export const children = (p: StackPlan, type: string) => ofType(p, type).filter(inObservability);

export const dataKey = (p: StackPlan, purpose: string) =>
  ofType(p, T.key)
    .concat(ofType(p, "aws:kms/replicaKey:ReplicaKey"))
    .find((k) => k.name === `data-${purpose}`)?.outputs.arn;

/** One run with every observability setting changed (one synthesis instead of five). */
export const TUNED = [
  'prod-mumbai:ecommerce:observability={"logRetentionDays":731,"prometheus":{"retentionDays":30,"storageGiB":400},"alertEmail":"oncall@shop.example.com"}',
  'prod-mumbai:ecommerce:mesh={"tracing":{"service":"traces.observability.svc.cluster.local","port":4320}}',
  'dr-singapore:ecommerce:observability={"alarms":{"auroraReplicationLagMs":500,"alb5xxPercent":2,"apiP99LatencyMs":800}}',
];
