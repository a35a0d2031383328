import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "eks-component-configure-control-plane-log-group";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const group = (props: Record<string, unknown> = {}) =>
  res(LOGS, "cp-logs", {
    name: "/aws/eks/shop/cluster",
    retentionInDays: 365,
    kmsKeyId: "arn:aws:kms:ap-south-1:123456789012:key/k",
    ...props,
  });
const cluster = (
  deps: Record<string, string[]> = { dependsOn: ["cp-logs"] },
  props: Record<string, unknown> = {},
  type = "eks:index:Cluster",
) => res(type, "shop", { name: "shop", enabledClusterLogTypes: ["audit"], ...props }, deps);

describeRule(RULE, () => {
  it("passes a cluster that depends on its keyed, retained log group", async () => {
    expect(await messages(RULE, [group(), cluster()])).to.deep.equal([]);
  });

  it("passes a log group whose key ARN is computed during a preview", async () => {
    expect(await messages(RULE, [group({ kmsKeyId: UNKNOWN }), cluster()])).to.deep.equal([]);
  });

  it("passes a cluster without control-plane logs, which needs no log group", async () => {
    expect(await messages(RULE, [cluster({}, { enabledClusterLogTypes: [] })])).to.deep.equal([]);
  });

  for (const [title, resources, message] of [
    ["no log group", [cluster({})], /no log group \/aws\/eks\/shop\/cluster/],
    ["no retention", [group({ retentionInDays: undefined }), cluster()], /has no retentionInDays$/],
    ["no key", [group({ kmsKeyId: undefined }), cluster()], /has no kmsKeyId/],
    [
      "neither retention nor key",
      [group({ retentionInDays: undefined, kmsKeyId: undefined }), cluster()],
      /log group \/aws\/eks\/shop\/cluster has no retentionInDays or kmsKeyId/,
    ],
    ["no dependency", [group(), cluster({})], /does not depend on/],
    [
      "a cluster without an explicit name",
      [group(), cluster(undefined, { name: undefined })],
      /no explicit cluster name: its log group cannot be declared/,
    ],
    [
      "an aws.eks.Cluster without its log group",
      [cluster({}, {}, "aws:eks/cluster:Cluster")],
      /no log group \/aws\/eks\/shop\/cluster: EKS creates one without retention or key/,
    ],
  ] as const) {
    it(`flags ${title}`, async () => {
      const found = await messages(RULE, [...resources]);
      expect(found).to.have.length(1);
      expect(found[0]).to.match(/^shop: /);
      expect(found[0]).to.match(message);
    });
  }
});
