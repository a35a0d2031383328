import { resourceRule } from "../../lib/rule";

export default resourceRule<{ minimumDays: number }>(
  {
    name: "aws-rds-cluster-configure-backup-retention",
    description:
      "Aurora/RDS clusters keep automated backups for at least the configured number of days.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:rds/cluster:Cluster"],
    remediation:
      "Set backupRetentionPeriod to at least minimumDays (default 7; the platform uses 14).",
    configSchema: { properties: { minimumDays: { type: "integer", default: 7 } } },
  },
  (props, { config }) => {
    const days = Number(props.backupRetentionPeriod ?? 1);
    return days >= config.minimumDays
      ? undefined
      : `backups kept ${days} day(s), below the minimum of ${config.minimumDays}`;
  },
);
