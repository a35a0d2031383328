import { stackRule } from "../../lib/rule";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

export default stackRule<{ minimumInstances: number }>(
  {
    name: "aws-rds-cluster-enforce-multi-az",
    description:
      "Each Aurora cluster has at least the configured number of instances, spread over at least two AZs.",
    severity: "high",
    enforcementLevel: "advisory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: [CLUSTER, INSTANCE],
    remediation:
      "Add cluster instances (clusterIdentifier = the cluster) with availabilityZone set to different AZs.",
    configSchema: { properties: { minimumInstances: { type: "integer", default: 2 } } },
  },
  (stack, config) =>
    stack.ofType(CLUSTER).flatMap((cluster) => {
      const instances = stack.referencing(cluster, [INSTANCE], "clusterIdentifier");
      const azs = new Set(instances.map((i) => i.props?.availabilityZone ?? i.name));
      const problems = [];
      if (instances.length < config.minimumInstances)
        problems.push(
          `${instances.length} instance(s); at least ${config.minimumInstances} are needed for a failover target`,
        );
      else if (azs.size < 2) problems.push("all instances are in one AZ");
      return problems.map((message) => ({ resource: cluster, message }));
    }),
);
