import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-serviceentry-disallow-wildcard-hosts";
const SE = "kubernetes:networking.istio.io/v1:ServiceEntry";

describeResourceRule(RULE, {
  passes: [
    passes(SE, "DynamoDB's account-based endpoints beside S3's buckets", (p) =>
      p.spec.hosts.push("*.ddb.ap-south-1.amazonaws.com"),
    ),
    passes(SE, "internal wildcard entries", (p) => {
      p.spec.location = "MESH_INTERNAL";
      p.spec.hosts = ["*.shop.svc.cluster.local"];
    }),
  ],
  violations: [
    violates(
      SE,
      "a wildcard domain",
      (p) => p.spec.hosts.push("*.amazonaws.com"),
      /MESH_EXTERNAL host \*\.amazonaws\.com is a wildcard/,
    ),
    violates(
      SE,
      "a host that only starts like DynamoDB's (the patterns are anchored)",
      (p) => p.spec.hosts.push("*.ddb.ap-south-1.amazonaws.com.example.org"),
      /host \*\.ddb\.ap-south-1\.amazonaws\.com\.example\.org is a wildcard/,
    ),
    violates(
      SE,
      "location left out (MESH_EXTERNAL) with a bare wildcard",
      (p) => {
        delete p.spec.location;
        p.spec.hosts = ["*"];
      },
      /host \* is a wildcard/,
    ),
    violates(
      SE,
      "S3's wildcard once the patterns are emptied",
      () => undefined,
      /MESH_EXTERNAL host \*\.s3\.ap-south-1\.amazonaws\.com is a wildcard outside wildcardHostPatterns/,
      { config: { wildcardHostPatterns: [] } },
    ),
  ],
});
