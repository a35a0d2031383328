import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope } from "../shared/scope";

/**
 * A security group for one data store: its port open only to the network's workloads group (the
 * cluster's nodes and pods), and no egress at all (stores initiate nothing).
 */
export function storeSecurityGroup(
  scope: ComponentScope,
  store: string,
  port: number,
  vpcId: pulumi.Input<string>,
  workloadSecurityGroupId: pulumi.Input<string>,
): aws.ec2.SecurityGroup {
  const sg = new aws.ec2.SecurityGroup(
    `${scope.name}-${store}`,
    {
      vpcId,
      description: `${store}: port ${port} from the workloads group only`,
      egress: [],
      tags: { Name: `${scope.namePrefix}-${store}` },
    },
    { parent: scope.parent },
  );
  new aws.vpc.SecurityGroupIngressRule(
    `${scope.name}-${store}-from-workloads`,
    {
      securityGroupId: sg.id,
      referencedSecurityGroupId: workloadSecurityGroupId,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
      description: "the shop's pods and nodes",
    },
    { parent: scope.parent },
  );
  return sg;
}
