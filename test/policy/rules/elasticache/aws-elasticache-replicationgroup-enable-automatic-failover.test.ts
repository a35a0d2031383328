import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-elasticache-replicationgroup-enable-automatic-failover";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "node count left to the cluster mode's own",
      (p) => delete p.numCacheClusters,
    ),
  ],
  violations: [
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "no failover",
      (p) => (p.automaticFailoverEnabled = false),
      /automatic failover is off/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "single AZ",
      (p) => (p.multiAzEnabled = false),
      /Multi-AZ is off/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "one node",
      (p) => (p.numCacheClusters = 1),
      /fewer than two nodes/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "failover and Multi-AZ left to the defaults (off)",
      (p) => {
        delete p.automaticFailoverEnabled;
        delete p.multiAzEnabled;
      },
      /automatic failover is off\n.*Multi-AZ is off/,
    ),
  ],
});
