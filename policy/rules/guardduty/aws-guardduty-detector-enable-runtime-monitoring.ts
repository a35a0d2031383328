import { asArray } from "../../lib/props";
import { Props, stackRule } from "../../lib/rule";

const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
/** Either plan covers EKS; the API accepts only one of them (DetectorFeatureConfiguration). */
const RUNTIME = ["EKS_RUNTIME_MONITORING", "RUNTIME_MONITORING"];
const AGENT = "EKS_ADDON_MANAGEMENT";

export default stackRule(
  {
    name: "aws-guardduty-detector-enable-runtime-monitoring",
    description:
      "Every enabled GuardDuty detector runs (EKS) Runtime Monitoring with the GuardDuty-managed agent add-on, and EKS audit-log monitoring.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §11.5.1"],
    topic: "governance",
    types: [DETECTOR, FEATURE],
    remediation:
      "Add aws.guardduty.DetectorFeature resources on the detector: EKS_RUNTIME_MONITORING (ENABLED, additionalConfigurations EKS_ADDON_MANAGEMENT ENABLED) and EKS_AUDIT_LOGS (ENABLED).",
  },
  (stack) =>
    stack
      .ofType(DETECTOR)
      .filter((d) => d.props?.enable !== false && d.props?.enable !== "false")
      .flatMap((resource) => {
        const features = stack
          .referencing(resource, [FEATURE], "detectorId")
          .map((f) => f.props as Props)
          .filter((f) => f.status === "ENABLED");
        const runtime = features.find((f) => RUNTIME.includes(f.name));
        const agent = asArray<Props>(runtime?.additionalConfigurations).some(
          (a) => a.name === AGENT && a.status === "ENABLED",
        );
        const problems = [
          runtime ? undefined : "runtime monitoring is off",
          runtime && !agent
            ? `runtime monitoring without ${AGENT}: no agent reaches the nodes`
            : undefined,
          features.some((f) => f.name === "EKS_AUDIT_LOGS")
            ? undefined
            : "EKS audit-log monitoring is off",
        ];
        return problems
          .filter((m): m is string => Boolean(m))
          .map((message) => ({ resource, message }));
      }),
);
