import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudwatch-loggroup-missing-kms-key",
    description: "CloudWatch log groups encrypt their events with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.3.2"],
    topic: "encryption-at-rest",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    remediation: "Set kmsKeyId to a key whose policy lets logs.<region>.amazonaws.com use it.",
  },
  (props) =>
    isSet(props, "kmsKeyId")
      ? undefined
      : "log events are not encrypted with a customer managed key (kmsKeyId is empty)",
);
