import { expect } from "chai";
import { runGameday } from "../../../offline/gameday/cli";
import { Invariant } from "../../../offline/gameday/invariants";
import { SCENARIOS, play } from "../../../offline/gameday/scenarios";
import { PlanSets, pulumiUp } from "../../../offline/gameday/world";
import { HOME, STANDBY, breakSets, fixedSets, res } from "./fixture";

/** The distinct violations of one scenario (or all), as `invariant: message`. */
function broken(sets: PlanSets, scenario?: string): { invariant: Invariant; message: string }[] {
  return runGameday(sets, scenario ? [scenario] : []).violations;
}

const only = (sets: PlanSets, scenario: string, invariant: Invariant) =>
  broken(sets, scenario).filter((v) => v.invariant === invariant);

describe("offline/gameday (scenarios against the plans)", () => {
  it("the fixed design keeps every invariant at every step of every scenario", () => {
    const result = runGameday(fixedSets());
    expect(result.violations).to.deep.equal([]);
    expect(result.text).to.match(/Game day: 5 scenario\(s\), every invariant held at every step\./);
    expect(result.text).to.include("Region switch plan: dr-switch in dr-singapore (2 workflow(s))");
    expect(result.text).to.include("PRIMARY ← Region switch plan, SECONDARY ← Region switch plan");
  });

  it("walks each scenario as a timeline with the model's worst-case times", () => {
    const entries = play(
      SCENARIOS.find((s) => s.name === "returns-after-failover")!,
      fixedSets(),
    );
    expect(entries.map((e) => e.label)).to.deep.equal([
      "at rest",
      `${HOME} lost`,
      `${HOME} unhealthy; Route 53 health checks and DNS settle`,
      `Region switch failover → ${STANDBY}: ManualApproval approve`,
      `Region switch failover → ${STANDBY}: AuroraGlobalDatabase aurora`,
      `Region switch failover → ${STANDBY}: EKSResourceScaling scale`,
      `Region switch failover → ${STANDBY}: Route53HealthCheck dns`,
      "pulumi up dr-singapore (failover)",
      `${HOME} returns`,
      `${HOME} healthy again; Route 53 health checks and DNS settle`,
    ]);
    const times = entries.map((e) => e.t);
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(times[times.length - 1]).to.be.greaterThan(30 * 60);
    // DNS stays with the switch when Mumbai comes back; one writer throughout.
    expect(entries[entries.length - 1]).to.include({ writers: STANDBY });
    expect(entries[entries.length - 1].dns).to.equal(`api.shop.example.com→${STANDBY}`);
  });

  describe("breaking the design on purpose fails the specific invariant", () => {
    it("failover records that follow their endpoint's health, not the switch: Mumbai's return takes writes back from the writer", () => {
      const sets = breakSets(fixedSets(), (r, p) => {
        if (r.type !== "aws:route53/record:Record") return r;
        r.inputs.healthCheckId = `hc-${p.region}`;
        return [
          r,
          res(
            "aws:route53/healthCheck:HealthCheck",
            `hc-${p.region}`,
            {
              type: "HTTPS",
              fqdn: `api-${p.region}.shop.example.com`,
            },
            { id: `hc-${p.region}` },
          ),
        ];
      });
      const v = only(sets, "returns-after-failover", "writesToWriter");
      expect(v.map((x) => x.message)).to.deep.equal([
        `Route 53 answers api.shop.example.com with ${HOME} (PRIMARY; PRIMARY ← endpoint check hc-${HOME} on ${HOME}, SECONDARY ← endpoint check hc-${STANDBY} on ${STANDBY}) while the writer is in ${STANDBY}; writes from ${HOME}: global writer endpoint → ${STANDBY}`,
      ]);
    });

    it("a detached standby while the primary is still a writer: a pulumi up that removes membership (not ignored) leaves two writers once Mumbai is back", () => {
      // The detach itself is the promotion (RemoveFromGlobalCluster), with no managed failover.
      const sets = breakSets(fixedSets(), (r, p, posture) => {
        if (r.type === "aws:arcregionswitch/plan:Plan") return undefined;
        if (r.type === "aws:rds/cluster:Cluster" && p.region === STANDBY && posture === "failover")
          r.ignoreChanges = [];
        return r;
      });
      const entries = play(
        {
          name: "detach",
          title: "detach",
          steps: (c) => [
            { label: `${HOME} lost`, seconds: 0, run: (w) => (w.lost.add(HOME), { ok: true }) },
            {
              label: "pulumi up dr-singapore (failover)",
              seconds: 900,
              run: (w) => pulumiUp(w, c.standbyStack, "failover"),
            },
            {
              label: `${HOME} returns`,
              seconds: 0,
              run: (w) => (w.lost.delete(HOME), { ok: true }),
            },
          ],
        },
        sets,
      );
      const last = entries[entries.length - 1];
      expect(
        last.violations.filter((v) => v.invariant === "oneWriter").map((v) => v.message),
      ).to.deep.equal([
        `2 Aurora writers: prod-mumbai/data-aurora in ${HOME} (global primary) and dr-singapore/data-aurora in ${STANDBY} (detached from the global cluster)`,
      ]);
      expect(entries[2].violations.map((v) => v.invariant)).to.include("pathBack");
    });

    it("a pulumi up that changes write forwarding on a secondary cannot run with Mumbai lost (the detach never runs)", () => {
      const sets = breakSets(fixedSets(), (r, p, posture) => {
        if (r.type === "aws:arcregionswitch/plan:Plan") return undefined;
        if (r.type === "aws:rds/cluster:Cluster" && p.region === STANDBY) {
          r.ignoreChanges = [];
          r.inputs.enableGlobalWriteForwarding = posture === "drill";
        }
        return r;
      });
      const entries = play(
        {
          name: "drill-then-up",
          title: "drill, then pulumi up failover with Mumbai gone",
          steps: (c) => [
            {
              label: "pulumi up dr-singapore (drill)",
              seconds: 900,
              run: (w) => pulumiUp(w, c.standbyStack, "drill"),
            },
            { label: `${HOME} lost`, seconds: 0, run: (w) => (w.lost.add(HOME), { ok: true }) },
            {
              label: "pulumi up dr-singapore (failover)",
              seconds: 900,
              run: (w) => pulumiUp(w, c.standbyStack, "failover"),
            },
          ],
        },
        sets,
      );
      expect(
        entries
          .flatMap((e) => e.violations)
          .filter((v) => v.invariant === "stepRuns")
          .map((v) => v.message),
      ).to.deep.equal([
        `pulumi up dr-singapore (failover): ModifyDBCluster on singapore-aurora (enableGlobalWriteForwarding) fails while its global writer's Region ${HOME} is lost`,
      ]);
    });

    it("an issuer in ap-south-1 on the standby's serving path", () => {
      const sets = breakSets(fixedSets(), (r, p) => {
        if (r.type === "aws:apigatewayv2/authorizer:Authorizer" && p.region === STANDBY)
          r.inputs.jwtConfiguration = {
            issuer: `https://cognito-idp.${HOME}.amazonaws.com/${HOME}_Pool`,
          };
        return r;
      });
      expect(only(sets, "lost-at-rest", "noLostDependency").map((v) => v.message)).to.deep.equal([
        `token validation (API Gateway) served from ${STANDBY}: dr-singapore authorizer edge-jwt fetches keys from https://cognito-idp.${HOME}.amazonaws.com/${HOME}_Pool needs ${HOME}`,
        `sign-in served from ${STANDBY}: dr-singapore accepts tokens issued by https://cognito-idp.${HOME}.amazonaws.com/${HOME}_Pool needs ${HOME}`,
      ]);
    });

    it("a mesh that fetches Mumbai's keys, and a storefront without an origin group", () => {
      const sets = breakSets(fixedSets(), (r, p) => {
        if (
          r.type === "kubernetes:security.istio.io/v1:RequestAuthentication" &&
          p.region === STANDBY
        )
          r.inputs.spec = {
            jwtRules: [{ jwksUri: `https://cognito-idp.${HOME}.amazonaws.com/x/jwks.json` }],
          };
        if (r.type === "aws:cloudfront/distribution:Distribution") {
          r.inputs.originGroups = [];
          r.inputs.defaultCacheBehavior = { targetOriginId: "web-home" };
        }
        return r;
      });
      const messages = only(sets, "lost-at-rest", "noLostDependency").map((v) => v.message);
      expect(messages).to.have.length(2);
      expect(messages[0]).to.match(
        /^token validation \(mesh\) served from ap-southeast-1: .*jwks\.json needs ap-south-1$/,
      );
      expect(messages[1]).to.equal(
        "storefront served from ap-southeast-1: prod-mumbai CloudFront edge-cdn default behaviour → origin web-home needs ap-south-1",
      );
    });

    it("no Singapore → Mumbai replication: objects written after failover are stranded", () => {
      const sets = breakSets(fixedSets(), (r) =>
        r.name === "singapore-web-replication" ? undefined : r,
      );
      expect(only(sets, "lost-at-rest", "pathBack").map((v) => v.message)).to.deep.equal([
        `S3: mumbai-web → singapore-web replicates ${HOME} → ${STANDBY} only; nothing replicates singapore-web back to ${HOME}, so objects written after failover are stranded at failback`,
      ]);
    });

    it("a plan whose Aurora block allows switchover only cannot fail over with Mumbai gone", () => {
      const sets = breakSets(fixedSets(), (r) => {
        if (r.type !== "aws:arcregionswitch/plan:Plan") return r;
        for (const w of r.inputs.workflows as {
          steps: { globalAuroraConfigs?: { behavior: string }[] }[];
        }[])
          for (const s of w.steps)
            for (const a of s.globalAuroraConfigs ?? []) a.behavior = "switchoverOnly";
        return r;
      });
      expect(only(sets, "lost-at-rest", "stepRuns").map((v) => v.message)).to.deep.equal([
        `Region switch failover → ${STANDBY}: AuroraGlobalDatabase aurora: the plan's Aurora block allows switchoverOnly only: no failover with the primary Region lost`,
      ]);
    });
  });
});
