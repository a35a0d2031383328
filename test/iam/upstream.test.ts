import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { BEYOND_UPSTREAM } from "../../components/cluster/iamPolicies";
import { KARPENTER_CHART } from "../../components/cluster/karpenter";
import { CHARTS } from "../../components/cluster/platform";
import { StackPlan } from "../../offline/plan";
import { ofType, plan } from "../helpers";
import { WITH_DRILLS } from "./planDocuments";
import { Document, expandAction } from "./catalog";
import { documentOf } from "./planDocuments";
import { allowedActions, compareWithUpstream } from "./upstream";

const root = path.join(__dirname, "../..");
const fixture = (file: string): Document =>
  JSON.parse(fs.readFileSync(path.join(root, file), "utf8"));
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** The reasons' actions, expanded and lower-cased like the comparison's. */
async function explained(reasons: Record<string, string>): Promise<string[]> {
  const actions = await Promise.all(Object.keys(reasons).map(expandAction));
  return actions
    .flat()
    .map((a) => a.toLowerCase())
    .sort();
}

/** Each controller: its role policy in the plans, its upstream files, its version pin. */
const CONTROLLERS = [
  {
    name: "Karpenter",
    rolePolicy: "cluster-karpenter",
    files: [`components/cluster/upstream/karpenter-v${KARPENTER_CHART.version}.json`],
    beyond: BEYOND_UPSTREAM.karpenter,
  },
  {
    name: "AWS Load Balancer Controller",
    rolePolicy: "cluster-lb-controller",
    files: [
      `components/cluster/upstream/aws-load-balancer-controller-${CHARTS.loadBalancerController.appVersion}.json`,
    ],
    beyond: BEYOND_UPSTREAM.loadBalancerController,
  },
  {
    name: "EBS CSI driver",
    rolePolicy: "cluster-ebs-csi",
    files: (version: string) => [
      `components/cluster/upstream/aws-ebs-csi-driver-${version}.json`,
      `components/cluster/upstream/aws-ebs-csi-driver-${version}-kms.json`,
    ],
    beyond: BEYOND_UPSTREAM.ebsCsi,
  },
];

/** The EBS CSI add-on's upstream version in a plan: `v1.44.0-eksbuild.1` → `v1.44.0`. */
function ebsCsiVersion(p: StackPlan): string {
  const addon = ofType(p, "aws:eks/addon:Addon").find(
    (a) => a.inputs.addonName === "aws-ebs-csi-driver",
  );
  return String(addon?.inputs.addonVersion).replace(/-eksbuild\.\d+$/, "");
}

describe("controller permissions against the upstream policy of the pinned version", () => {
  for (const stack of ["prod-mumbai", "dr-singapore"]) {
    describe(stack, () => {
      let p: StackPlan;
      before(async () => {
        p = await plan(stack, WITH_DRILLS);
      });

      for (const c of CONTROLLERS) {
        it(`${c.name}: every upstream action, and nothing beyond without a listed reason`, async () => {
          const files = typeof c.files === "function" ? c.files(ebsCsiVersion(p)) : c.files;
          // A pin moved without its upstream file: the file for the new version is missing.
          for (const f of files) expect(fs.existsSync(path.join(root, f)), f).to.equal(true);
          const ours = documentOf(p, ROLE_POLICY, c.rolePolicy);
          const { missing, beyond } = await compareWithUpstream(ours, files.map(fixture));
          expect(missing, "upstream actions we do not grant").to.deep.equal([]);
          expect(beyond, "actions beyond upstream").to.deep.equal(await explained(c.beyond));
        });
      }

      it("FIS: every permission the templates' actions need, and nothing else", async () => {
        const reference = JSON.parse(
          fs.readFileSync(path.join(root, "components/drills/upstream/fis-actions.json"), "utf8"),
        ) as { actions: Record<string, string[]> };
        const templates = ofType(p, "aws:fis/experimentTemplate:ExperimentTemplate");
        expect(templates.length).to.be.greaterThan(0);
        const used = templates.flatMap((t) =>
          (t.inputs.actions as { actionId: string }[]).map((a) => a.actionId),
        );
        const needed = new Set<string>();
        for (const id of used) {
          expect(reference.actions, `${id} is missing from fis-actions.json`).to.have.property(id);
          reference.actions[id].forEach((a) => needed.add(a.toLowerCase()));
        }
        const granted = await allowedActions(documentOf(p, ROLE_POLICY, "drills-fis"));
        expect(
          [...needed].filter((a) => !granted.includes(a)),
          "missing",
        ).to.deep.equal([]);
        expect(
          granted.filter((a) => !needed.has(a)),
          "beyond",
        ).to.deep.equal([]);
      });
    });
  }

  it("each file names the version its pin deploys", () => {
    expect(KARPENTER_CHART.version).to.equal("1.8.1");
    const listed = fs.readdirSync(path.join(root, "components/cluster/upstream"));
    expect(listed).to.include(`karpenter-v${KARPENTER_CHART.version}.json`);
    expect(listed).to.include(
      `aws-load-balancer-controller-${CHARTS.loadBalancerController.appVersion}.json`,
    );
  });
});
