import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "eks-component-configure-api-authentication";

describeResourceRule(RULE, {
  violations: [
    violates(
      "eks:index:Cluster",
      "aws-auth ConfigMap",
      (p) => (p.authenticationMode = "API_AND_CONFIG_MAP"),
      /authenticationMode is API_AND_CONFIG_MAP/,
    ),
    violates(
      "eks:index:Cluster",
      "authentication mode left to the default",
      (p) => delete p.authenticationMode,
      /authenticationMode is CONFIG_MAP \(default\)/,
    ),
  ],
});
