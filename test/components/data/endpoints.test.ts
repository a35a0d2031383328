import { expect } from "chai";
import { databaseHosts } from "../../../components/data/endpoints";
import { DataPosture } from "../../../components/data/posture";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { every, plan, the } from "../../helpers";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

/** DB_HOST and DB_READER_HOST of every Aurora-bound service's Deployment, which must agree. */
function dbEnv(p: StackPlan): { DB_HOST: string; DB_READER_HOST: string } {
  const envs = every(p, DEPLOYMENT)
    .map((d: PlannedResource) => {
      const spec = d.inputs.spec as { template: { spec: { containers: { env: unknown[] }[] } } };
      const env = spec.template.spec.containers[0].env as { name: string; value: string }[];
      return Object.fromEntries(env.map((e) => [e.name, e.value]));
    })
    .filter((e) => e.DB_HOST !== undefined);
  expect(envs.length, `Aurora-bound services in ${p.stack}`).to.be.greaterThan(0);
  const [first] = envs;
  for (const e of envs) expect(e).to.include({ DB_HOST: first.DB_HOST });
  return { DB_HOST: first.DB_HOST, DB_READER_HOST: first.DB_READER_HOST };
}

describe("components/data endpoints: where each DR mode writes and reads", () => {
  it("writes through the global writer endpoint except in a drill, and always reads locally", () => {
    const table: [DataPosture, ReturnType<typeof databaseHosts>][] = [
      ["active", { writes: "globalWriter", reads: "clusterReader" }],
      ["standby", { writes: "globalWriter", reads: "clusterReader" }],
      // Write forwarding works only through a secondary's reader or instance endpoints.
      ["drill", { writes: "clusterReader", reads: "clusterReader" }],
      ["failover", { writes: "globalWriter", reads: "clusterReader" }],
    ];
    for (const [posture, hosts] of table)
      expect(databaseHosts(posture), posture).to.deep.equal(hosts);
  });

  describe("recorded offline runs", () => {
    let prod: StackPlan;
    before(async () => {
      prod = await plan("prod-mumbai");
    });
    const globalWriter = () => prod.outputs.globalWriterEndpoint as string;

    it("exports the global cluster's writer endpoint for the standby, a name in no region", () => {
      const global = the(prod, "aws:rds/globalCluster:GlobalCluster", "data-global");
      expect(globalWriter()).to.equal(global.outputs.endpoint);
      expect(globalWriter()).to.match(/\.global\.rds\.amazonaws\.com$/);
      expect(globalWriter()).to.not.include("ap-south-1");
    });

    it("gives the primary's services the global writer and the local reader", () => {
      expect(dbEnv(prod)).to.deep.equal({
        DB_HOST: globalWriter(),
        DB_READER_HOST: prod.outputs.auroraReaderEndpoint,
      });
    });

    for (const mode of ["standby", "failover"]) {
      it(`gives the standby's services the global writer (from the StackReference) and the local reader in ${mode}`, async () => {
        // standby is the stack file's mode: the default run.
        const overrides = mode === "standby" ? [] : [`dr-singapore:ecommerce:dr.mode=${mode}`];
        const dr = await plan("dr-singapore", overrides);
        const env = dbEnv(dr);
        expect(env).to.deep.equal({
          DB_HOST: globalWriter(),
          DB_READER_HOST: dr.outputs.auroraReaderEndpoint,
        });
        expect(env.DB_READER_HOST).to.include(".ap-southeast-1.");
        expect(dr.outputs).to.include({ dbHost: env.DB_HOST, dbReaderHost: env.DB_READER_HOST });
      });
    }

    it("forwards a drill's writes through the standby's own reader endpoint", async () => {
      const dr = await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=drill"]);
      const cluster = the(dr, "aws:rds/cluster:Cluster", "data-aurora");
      expect(cluster.inputs.enableGlobalWriteForwarding).to.equal(true);
      expect(dbEnv(dr)).to.deep.equal({
        DB_HOST: cluster.outputs.readerEndpoint,
        DB_READER_HOST: cluster.outputs.readerEndpoint,
      });
    });
  });
});
