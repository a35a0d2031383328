import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "eks-component-enforce-private-endpoint";

describeResourceRule(RULE, {
  passes: [
    passes("eks:index:Cluster", "a public endpoint limited to operator CIDRs", (p) => {
      p.endpointPublicAccess = true;
      p.publicAccessCidrs = ["203.0.113.0/24"];
    }),
  ],
  violations: [
    violates(
      "eks:index:Cluster",
      "public endpoint by default",
      (p) => delete p.endpointPublicAccess,
      /public endpoint open to the internet/,
    ),
    violates(
      "eks:index:Cluster",
      "private endpoint off",
      (p) => (p.endpointPrivateAccess = false),
      /private endpoint access is off/,
    ),
    violates(
      "eks:index:Cluster",
      "public to 0.0.0.0/0",
      (p) => {
        p.endpointPublicAccess = true;
        p.publicAccessCidrs = ["0.0.0.0/0"];
      },
      /public endpoint open to the internet/,
    ),
  ],
});
