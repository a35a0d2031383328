/**
 * The EBS CSI driver's least-privilege policy, as data (see iamPolicies.ts for the other
 * controllers and what each grants beyond upstream).
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../shared/iamDocuments";
import { ControllerScope, ec2VolumeKeyStatements } from "./iamPolicies";

/**
 * The EBS CSI driver, after upstream v1.44.0's `docs/example-iam-policy.json` and the KMS statement
 * of its `docs/install.md` (kept as `upstream/aws-ebs-csi-driver-v1.44.0.json` and compared by a
 * test): volumes and snapshots it creates and tags for the cluster; the cluster's volume key only,
 * through EC2 only (upstream's example allows every key in the account).
 */
export function ebsCsiPolicy(
  s: Pick<ControllerScope, "accountId" | "region"> & { volumeKeyArn: string },
): PolicyDocument {
  const ec2 = `arn:aws:ec2:${s.region}:${s.accountId}`;
  const volumes = `${ec2}:volume/*`;
  const snapshots = `arn:aws:ec2:${s.region}::snapshot/*`;
  const tagged = { "aws:ResourceTag/ebs.csi.aws.com/cluster": "true" };
  const statements: PolicyStatement[] = [
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInstances",
        "ec2:DescribeSnapshots",
        "ec2:DescribeTags",
        "ec2:DescribeVolumes",
        "ec2:DescribeVolumesModifications",
      ],
      Resource: "*",
    },
    // What the driver creates carries the cluster tag. The request tag describes only the resource
    // being created, so the source of a snapshot (a volume) or of a restore (a snapshot) is granted
    // apart, as upstream's policy does, narrowed here to sources the driver created.
    {
      Sid: "CreateTagged",
      Effect: "Allow",
      Action: ["ec2:CreateVolume", "ec2:CreateSnapshot"],
      Resource: [volumes, snapshots],
      Condition: { StringEquals: { "aws:RequestTag/ebs.csi.aws.com/cluster": "true" } },
    },
    {
      Sid: "SnapshotTaggedVolumes",
      Effect: "Allow",
      Action: "ec2:CreateSnapshot",
      Resource: volumes,
      Condition: { StringEquals: tagged },
    },
    {
      Sid: "RestoreTaggedSnapshots",
      Effect: "Allow",
      Action: "ec2:CreateVolume",
      Resource: snapshots,
      Condition: { StringEquals: tagged },
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: [volumes, snapshots],
      Condition: { StringEquals: { "ec2:CreateAction": ["CreateVolume", "CreateSnapshot"] } },
    },
    {
      Sid: "AttachToNodes",
      Effect: "Allow",
      Action: ["ec2:AttachVolume", "ec2:DetachVolume"],
      Resource: [volumes, `${ec2}:instance/*`],
      Condition: { StringEquals: tagged },
    },
    {
      Sid: "AttachToInstances",
      Effect: "Allow",
      Action: ["ec2:AttachVolume", "ec2:DetachVolume"],
      Resource: `${ec2}:instance/*`,
    },
    {
      Sid: "ManageTagged",
      Effect: "Allow",
      Action: [
        "ec2:ModifyVolume",
        "ec2:DeleteVolume",
        "ec2:DeleteSnapshot",
        "ec2:DeleteTags",
        "ec2:EnableFastSnapshotRestores",
      ],
      Resource: [volumes, snapshots],
      Condition: { StringEquals: tagged },
    },
    ...ec2VolumeKeyStatements("VolumeKey", s.volumeKeyArn, s.region),
  ];
  return policyDocument(statements);
}
