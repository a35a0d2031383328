import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { StackPlan } from "../../offline/plan";
import { plan } from "../helpers";
import { WITH_DRILLS } from "../iam/planDocuments";
import { MODEL_SOURCES, NOT_VALIDATED, modelPath, schemaErrors } from "./models";

/** Every DR mode the standby can be in, and the primary with its drills on. */
const RUNS: { title: string; overrides: string[] }[] = [
  { title: "defaults, FIS drills on", overrides: WITH_DRILLS },
  ...["drill", "failover"].map((mode) => ({
    title: `dr.mode=${mode}`,
    overrides: [`dr-singapore:ecommerce:dr.mode=${mode}`],
  })),
];

describe("Kubernetes objects against upstream schemas (kubernetes-models)", () => {
  it("pins every schema package exactly", () => {
    const root = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    for (const pkg of Object.keys(MODEL_SOURCES)) {
      expect(root.devDependencies[pkg], pkg).to.match(/^\d+\.\d+\.\d+$/);
    }
  });

  describe("the check", () => {
    it("maps type tokens to the packages", () => {
      expect(modelPath("kubernetes:core/v1:Namespace")?.specifier).to.equal("kubernetes-models/v1");
      expect(modelPath("kubernetes:apps/v1:Deployment")?.specifier).to.equal(
        "kubernetes-models/apps/v1",
      );
      expect(modelPath("kubernetes:security.istio.io/v1:PeerAuthentication")?.specifier).to.equal(
        "@kubernetes-models/istio/security.istio.io/v1",
      );
      expect(modelPath("kubernetes:karpenter.sh/v1:NodePool")?.specifier).to.equal(
        "@kubernetes-models/karpenter/karpenter.sh/v1",
      );
      expect(modelPath("kubernetes:monitoring.coreos.com/v1:ServiceMonitor")?.specifier).to.equal(
        "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
      );
      expect(modelPath("kubernetes:example.com/v1:Thing")).to.equal(undefined);
    });

    it("rejects a wrong type, an unknown enum value and a missing required field", async () => {
      expect(
        await schemaErrors("kubernetes:core/v1:Namespace", { metadata: { labels: { a: 1 } } }),
      ).to.have.length(1);
      expect(
        await schemaErrors("kubernetes:security.istio.io/v1:PeerAuthentication", {
          metadata: { name: "default" },
          spec: { mtls: { mode: "STRICTEST" } },
        }),
      ).to.have.length(1);
      expect(
        await schemaErrors("kubernetes:karpenter.sh/v1:NodePool", {
          metadata: { name: "general" },
          spec: { template: { spec: { requirements: [] } } },
        }),
      ).to.have.length(1);
      expect(
        await schemaErrors("kubernetes:security.istio.io/v1:PeerAuthentication", {
          metadata: { name: "default" },
          spec: { mtls: { mode: "STRICT" } },
        }),
      ).to.deep.equal([]);
    });
  });

  for (const run of RUNS) {
    describe(run.title, () => {
      for (const stack of ["prod-mumbai", "dr-singapore"]) {
        it(`${stack}: every object validates against its upstream schema`, async () => {
          const p: StackPlan = await plan(stack, run.overrides);
          const objects = p.resources.filter(
            (r) => r.type.startsWith("kubernetes:") && r.custom && !NOT_VALIDATED[r.type],
          );
          expect(objects.length).to.be.greaterThan(50);
          const problems: string[] = [];
          for (const r of objects) {
            const errors = modelPath(r.type)
              ? await schemaErrors(r.type, r.inputs)
              : [`no schema for ${r.type}: add its package, or list it in NOT_VALIDATED`];
            problems.push(...errors.map((e) => `${r.type} ${r.name}: ${e}`));
          }
          expect(problems, problems.join("\n")).to.deep.equal([]);
        });
      }
    });
  }
});
