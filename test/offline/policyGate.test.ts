import * as aws from "@pulumi/aws";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as startCli } from "../../offline/cli";
import { PlannedResource, StackPlan } from "../../offline/plan";
import { main as policyCli } from "../../offline/policyCli";
import { evaluatePlan } from "../../offline/policyGate";
import { rules } from "../../policy/rules";
import { plan, synth } from "../helpers";

const DR_VARIANTS: [string, string[]][] = [
  ["default config", []],
  ["standby in drill mode", ["dr-singapore:ecommerce:dr.mode=drill"]],
  ["standby in failover mode", ["dr-singapore:ecommerce:dr.mode=failover"]],
  ["primary running a traffic drill", ["prod-mumbai:ecommerce:dr.drill=true"]],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Props = Record<string, any>;

/** A deep copy of a real plan with one resource changed (inputs and outputs alike). */
function mutated(
  p: StackPlan,
  pick: (r: PlannedResource) => boolean,
  change: (props: Props) => void,
): StackPlan {
  const copy: StackPlan = JSON.parse(JSON.stringify(p));
  const target = copy.resources.find(pick);
  if (!target) throw new Error("mutation target not found");
  change(target.inputs);
  change(target.outputs);
  return copy;
}
const byName = (name: string) => (r: PlannedResource) => r.name === name;
const wildcard = (principal: unknown) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "*", Resource: "*" }],
  });

/** Mutations of the real prod-mumbai plan, each breaking what one mandatory rule guards. */
const MUTATIONS: [string, string, (p: StackPlan) => StackPlan][] = [
  [
    "a private subnet maps public IPs",
    "aws-ec2-subnet-disallow-public-ip",
    (p) => mutated(p, byName("network-private-1"), (x) => (x.mapPublicIpOnLaunch = true)),
  ],
  [
    "the flow log is removed",
    "aws-vpc-vpc-missing-flow-log",
    (p) => ({ ...p, resources: p.resources.filter((r) => r.type !== "aws:ec2/flowLog:FlowLog") }),
  ],
  [
    "the flow log keeps only rejected traffic",
    "aws-vpc-vpc-missing-flow-log",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:ec2/flowLog:FlowLog",
        (x) => (x.trafficType = "REJECT"),
      ),
  ],
  [
    "the flow-log group loses its key",
    "aws-cloudwatch-loggroup-missing-kms-key",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:cloudwatch/logGroup:LogGroup",
        (x) => delete x.kmsKeyId,
      ),
  ],
  [
    "the flow-log group keeps events forever",
    "aws-cloudwatch-loggroup-configure-retention",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:cloudwatch/logGroup:LogGroup",
        (x) => delete x.retentionInDays,
      ),
  ],
  [
    "the flow-log key stops rotating",
    "aws-kms-key-enable-rotation",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:kms/key:Key",
        (x) => (x.enableKeyRotation = false),
      ),
  ],
  [
    "the flow-log key is granted to anyone",
    "aws-kms-key-disallow-public-principal",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:kms/key:Key",
        (x) => (x.policy = wildcard("*")),
      ),
  ],
  [
    "the endpoint group opens 443 to the world",
    "aws-vpc-securitygroupingressrule-disallow-public-ingress",
    (p) => mutated(p, byName("network-endpoints-https"), (x) => (x.cidrIpv4 = "0.0.0.0/0")),
  ],
  [
    "the workloads group gets SSH from anywhere",
    "aws-ec2-securitygroup-disallow-public-ingress",
    (p) =>
      mutated(
        p,
        byName("network-workloads"),
        (x) =>
          (x.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22, protocol: "tcp" }]),
      ),
  ],
  [
    "the default security group gets a rule",
    "aws-ec2-defaultsecuritygroup-disallow-rules",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        (x) => (x.ingress = [{ self: true, protocol: "-1", fromPort: 0, toPort: 0 }]),
      ),
  ],
  [
    "the flow-log role may do anything",
    "aws-iam-policy-disallow-wildcard-admin",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:iam/rolePolicy:RolePolicy",
        (x) =>
          (x.policy = JSON.stringify({
            Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
          })),
      ),
  ],
  [
    "anyone may assume the flow-log role",
    "aws-iam-role-disallow-wildcard-trust",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:iam/role:Role",
        (x) => (x.assumeRolePolicy = wildcard("*")),
      ),
  ],
  [
    "the flow-log role gets AdministratorAccess",
    "aws-iam-role-disallow-administrator-access",
    (p) =>
      mutated(
        p,
        (r) => r.type === "aws:iam/role:Role",
        (x) => (x.managedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"]),
      ),
  ],
  [
    "the data route table gets a route to the internet gateway",
    "aws-vpc-subnet-disallow-internet-route-on-data-tier",
    (p) => {
      const copy: StackPlan = JSON.parse(JSON.stringify(p));
      const table = copy.resources.find(byName("network-data-rt"));
      const igw = copy.resources.find((r) => r.type === "aws:ec2/internetGateway:InternetGateway");
      const template = copy.resources.find(byName("network-public-internet"));
      if (!table || !igw || !template) throw new Error("network resources not found");
      const props = {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: igw.id,
      };
      copy.resources.push({
        ...template,
        urn: `${template.urn}-leak`,
        name: "network-data-leak",
        inputs: props,
        outputs: props,
        propertyDependencies: { routeTableId: [table.urn], gatewayId: [igw.urn] },
      });
      return copy;
    },
  ],
  [
    "the API 5xx alarm notifies no one",
    "aws-cloudwatch-metricalarm-missing-actions",
    (p) => mutated(p, byName("observability-api-5xx"), (x) => (x.alarmActions = [])),
  ],
];

describe("offline policy gate", () => {
  for (const [title, overrides] of DR_VARIANTS) {
    it(`reports no violation on either stack: ${title}`, async () => {
      const result = await synth(overrides);
      for (const p of result.plans) {
        const gate = result.gates.get(p.stack);
        expect(gate?.rules).to.equal(rules.length);
        expect(gate?.violations, p.stack).to.deep.equal([]);
        expect(p.policy).to.deep.equal({ rules: rules.length, violations: [] });
      }
    });
  }

  it("checks the network's resources with the rules that apply to them", async () => {
    const gate = (await synth()).gates.get("prod-mumbai");
    const checked = (name: string) => gate?.verdicts.find((v) => v.policy === name)?.checked;
    expect(checked("aws-ec2-subnet-disallow-public-ip")).to.equal(9);
    expect(checked("aws-vpc-subnet-disallow-internet-route-on-data-tier")).to.equal(9);
    // The flow-log key, the six data keys, the cluster's secrets and volume keys, the WAF logs
    // and CloudFront logs keys, the key of the us-east-1 alarm topic and the governance layer's
    // audit key.
    expect(checked("aws-kms-key-enable-rotation")).to.equal(13);
  });

  describe("rejects a real plan with a guarded setting broken, naming the rule", () => {
    for (const [title, rule, mutate] of MUTATIONS) {
      it(`${rule}: ${title}`, async () => {
        const broken = mutate(await plan("prod-mumbai"));
        const gate = await evaluatePlan(broken);
        expect(gate.mandatoryViolations.map((v) => v.policy)).to.include(rule);
        expect(rules.find((r) => r.name === rule)?.enforcementLevel).to.equal("mandatory");
      });
    }

    it("covers at least 12 distinct mandatory rules", () => {
      expect(new Set(MUTATIONS.map(([, rule]) => rule)).size).to.be.at.least(12);
    });
  });

  describe("npm run policy (saved plans)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-policy-"));
    const run = async (files: string[]) => {
      const lines: string[] = [];
      const code = await policyCli(files, (l) => lines.push(l));
      return { code, out: lines.join("\n") };
    };

    it("passes a saved plan and fails a broken copy of it", async () => {
      const good = path.join(dir, "prod-mumbai.json");
      const bad = path.join(dir, "prod-mumbai-broken.json");
      const p = await plan("prod-mumbai");
      fs.writeFileSync(good, JSON.stringify(p));
      fs.writeFileSync(bad, JSON.stringify(MUTATIONS[0][2](p)));
      const ok = await run([good]);
      expect(ok.code).to.equal(0);
      expect(ok.out).to.match(
        /Policy pack ecommerce-guardrails on prod-mumbai: \d+ rules, 0 mandatory and 0 advisory violation\(s\)/,
      );
      const failed = await run([good, bad]);
      expect(failed.code).to.equal(1);
      expect(failed.out).to.match(
        /\[mandatory\] aws-ec2-subnet-disallow-public-ip: network-private-1: maps public IPs on launch in the private tier/,
      );
      expect(failed.out).to.match(/error: 1 mandatory policy violation\(s\)/);
    });

    it("refuses files that are not plans, and no arguments", async () => {
      const junk = path.join(dir, "junk.json");
      fs.writeFileSync(junk, "{}");
      expect((await run([junk])).code).to.equal(2);
      expect((await run([])).code).to.equal(2);
    });
  });

  it("makes npm start exit 1 and print the violation when a program breaks a mandatory rule", async () => {
    const lines: string[] = [];
    const program = async () => {
      new aws.cloudwatch.LogGroup("bare", { retentionInDays: 365 });
      return {};
    };
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
    const code = await startCli(
      ["--stack", "prod-mumbai", "--out", out],
      (l) => lines.push(l),
      program,
    );
    expect(code).to.equal(1);
    const text = lines.join("\n");
    expect(text).to.match(/FAIL {2}aws-cloudwatch-loggroup-missing-kms-key/);
    expect(text).to.match(/error: 1 mandatory policy violation\(s\)/);
    const saved = JSON.parse(fs.readFileSync(path.join(out, "prod-mumbai.json"), "utf8"));
    expect(saved.policy.violations).to.deep.equal([
      {
        policy: "aws-cloudwatch-loggroup-missing-kms-key",
        urn: "urn:pulumi:prod-mumbai::ecommerce-platform::aws:cloudwatch/logGroup:LogGroup::bare",
        level: "mandatory",
        message:
          "bare: log events are not encrypted with a customer managed key (kmsKeyId is empty)",
      },
    ]);
  });
});
