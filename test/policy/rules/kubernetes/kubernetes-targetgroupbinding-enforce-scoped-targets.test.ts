import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-targetgroupbinding-enforce-scoped-targets";
const TGB = "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding";

describeResourceRule(RULE, {
  passes: [
    passes(
      TGB,
      "a private CIDR peer",
      (p) => (p.spec.networking.ingress[0].from = [{ ipBlock: { cidr: "10.10.0.0/16" } }]),
    ),
  ],
  violations: [
    violates(
      TGB,
      "instance targets",
      (p) => (p.spec.targetType = "instance"),
      /targetType instance is not ip/,
    ),
    violates(
      TGB,
      "the internet admitted",
      (p) => (p.spec.networking.ingress[0].from = [{ ipBlock: { cidr: "0.0.0.0/0" } }]),
      /admits 0.0.0.0\/0 to the targets/,
    ),
    violates(
      TGB,
      "targetType left out",
      (p) => delete p.spec.targetType,
      /targetType \(unset\) is not ip/,
    ),
    violates(
      TGB,
      "::/0 admitted",
      (p) => p.spec.networking.ingress[0].from.push({ ipBlock: { cidr: "::/0" } }),
      /admits ::\/0 to the targets/,
    ),
  ],
});
