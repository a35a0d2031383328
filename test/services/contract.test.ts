import { expect } from "chai";
import { PlannedResource, StackPlan } from "../../offline/plan";
import { CATALOG } from "../../services/catalog";
import { BOOTSTRAP_IMAGES } from "../../services/databaseBootstrap";
import { bootstrapSql } from "../../services/databaseSql";
import { ofType, plan } from "../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const K = {
  deployment: "kubernetes:apps/v1:Deployment",
  service: "kubernetes:core/v1:Service",
  vs: "kubernetes:networking.istio.io/v1:VirtualService",
  netpol: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  job: "kubernetes:batch/v1:Job",
  configMap: "kubernetes:core/v1:ConfigMap",
  namespace: "kubernetes:core/v1:Namespace",
};
const meta = (r: PlannedResource) => r.inputs.metadata as { name: string; namespace: string };
const find = (p: StackPlan, type: string, name: string, namespace = "shop") => {
  const found = ofType(p, type).find(
    (r) => meta(r).name === name && meta(r).namespace === namespace,
  );
  if (!found) throw new Error(`no ${type} ${namespace}/${name}`);
  return found;
};
const pod = (p: StackPlan, name: string) =>
  (find(p, K.deployment, name).inputs.spec as Spec).template as Spec;
const env = (p: StackPlan, name: string) =>
  Object.fromEntries(
    (pod(p, name).spec.containers[0].env as Spec[]).map((e) => [e.name, e.value]),
  ) as Record<string, string>;

describe("services: the service contract from config", () => {
  let prod: StackPlan;
  let moved: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    moved = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:services.cart.port=8080",
      "prod-mumbai:ecommerce:services.cart.readyPath=/ready",
    ]);
  });

  it("cart.port=8080 and cart.readyPath=/ready move cart's Deployment, probes, Service, routes and NetworkPolicy", () => {
    const c = pod(moved, "cart").spec.containers[0];
    expect(c.ports).to.deep.equal([
      { name: "http", containerPort: 8080 },
      { name: "http-metrics", containerPort: 9797 },
    ]);
    expect(c.readinessProbe.httpGet).to.deep.equal({ path: "/ready", port: "http" });
    // Unchanged keys keep the defaults.
    expect(c.livenessProbe.httpGet).to.deep.equal({ path: "/healthz", port: "http" });
    expect(c.startupProbe.httpGet).to.deep.equal({ path: "/healthz", port: "http" });
    expect(env(moved, "cart").PORT).to.equal("8080");
    expect((find(moved, K.service, "cart").inputs.spec as Spec).ports).to.deep.equal([
      { name: "http", port: 8080, targetPort: "http" },
      { name: "http-metrics", port: 9797, targetPort: "http-metrics" },
    ]);
    for (const name of ["cart", "cart-edge"]) {
      const http = (find(moved, K.vs, name).inputs.spec as Spec).http[0];
      expect(
        http.route.map((r: Spec) => r.destination.port),
        name,
      ).to.deep.equal([{ number: 8080 }]);
    }
    const policy = find(moved, K.netpol, "cart").inputs.spec as Spec;
    expect(policy.podSelector).to.deep.equal({ matchLabels: { app: "cart" } });
    expect(policy.ingress[0].ports).to.deep.equal([{ protocol: "TCP", port: 8080 }]);
    expect(policy.ingress[0].from).to.deep.include({
      podSelector: { matchLabels: { app: "order" } },
    });
    // Its caller is told where it now listens.
    expect(env(moved, "order").UPSTREAM_CART_URL).to.equal(
      "http://cart.shop.svc.cluster.local:8080",
    );
    // The default plan had the demo image's contract, and other services did not move.
    expect(pod(prod, "cart").spec.containers[0].readinessProbe.httpGet.path).to.equal("/readyz");
    expect((find(prod, K.service, "cart").inputs.spec as Spec).ports[0].port).to.equal(9898);
    expect(find(moved, K.deployment, "user").inputs).to.deep.equal(
      find(prod, K.deployment, "user").inputs,
    );
    expect(moved.policy?.violations).to.deep.equal([]);
  });

  it("admits the gateway and callers on the HTTP port and Prometheus on the agent and metrics ports only", () => {
    const policies = ofType(prod, K.netpol).filter(
      (r) => meta(r).namespace === "shop" && (r.inputs.spec as Spec).podSelector.matchLabels,
    );
    expect(policies).to.have.length(7);
    for (const r of policies) {
      const spec = r.inputs.spec as Spec;
      expect(spec.policyTypes).to.deep.equal(["Ingress"]);
      expect(spec.ingress[0].from[0]).to.deep.equal({
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "istio-system" } },
      });
      expect(spec.ingress[0].ports).to.deep.equal([{ protocol: "TCP", port: 9898 }]);
      expect(spec.ingress[1].ports).to.deep.equal([
        { protocol: "TCP", port: 9797 },
        { protocol: "TCP", port: 15020 },
      ]);
    }
    // The namespace-wide policy no longer admits the mesh and observability on every port.
    const wide = find(prod, K.netpol, "allow-mesh-and-telemetry").inputs.spec as Spec;
    expect(wide.policyTypes).to.deep.equal(["Egress"]);
    expect(wide).to.not.have.property("ingress");
  });

  describe("with a canary and a mirror that set their own contract", () => {
    let p: StackPlan;
    before(async () => {
      p = await plan("prod-mumbai", [
        "prod-mumbai:ecommerce:services.product.metricsPort=9100",
        "prod-mumbai:ecommerce:services.product.metricsPath=/prometheus",
        "prod-mumbai:ecommerce:services.product.env.LOG_LEVEL=info",
        "prod-mumbai:ecommerce:services.product.canary.image=ghcr.io/acme/product:2.0.0",
        "prod-mumbai:ecommerce:services.product.canary.weight=10",
        "prod-mumbai:ecommerce:services.product.canary.port=8080",
        "prod-mumbai:ecommerce:services.product.canary.healthPath=/live",
        "prod-mumbai:ecommerce:services.product.mirror.image=ghcr.io/acme/product:3.0.0",
        "prod-mumbai:ecommerce:services.product.mirror.percent=5",
        "prod-mumbai:ecommerce:services.product.mirror.readyPath=/ready",
        "prod-mumbai:ecommerce:services.product.mirror.env.LOG_LEVEL=debug",
        "prod-mumbai:ecommerce:services.product.mirror.resources.requests.cpu=50m",
        "prod-mumbai:ecommerce:services.product.mirror.resources.requests.memory=64Mi",
        "prod-mumbai:ecommerce:services.product.mirror.resources.limits.cpu=200m",
        "prod-mumbai:ecommerce:services.product.mirror.resources.limits.memory=128Mi",
      ]);
    });

    it("each track's pods follow their own contract and inherit the rest", () => {
      const tracks = Object.fromEntries(
        ["product", "product-canary", "product-mirror"].map((n) => [n, pod(p, n)]),
      );
      const summary = (t: Spec) => {
        const c = t.spec.containers[0];
        return {
          port: c.ports[0].containerPort,
          metricsPort: c.ports[1].containerPort,
          health: c.livenessProbe.httpGet.path,
          ready: c.readinessProbe.httpGet.path,
          scrape: [
            t.metadata.annotations["prometheus.io/port"],
            t.metadata.annotations["prometheus.io/path"],
          ],
          logLevel: (c.env as Spec[]).find((e) => e.name === "LOG_LEVEL")?.value,
        };
      };
      expect(summary(tracks.product)).to.deep.equal({
        port: 9898,
        metricsPort: 9100,
        health: "/healthz",
        ready: "/readyz",
        scrape: ["9100", "/prometheus"],
        logLevel: "info",
      });
      expect(summary(tracks["product-canary"])).to.deep.equal({
        port: 8080,
        metricsPort: 9100,
        health: "/live",
        ready: "/readyz",
        scrape: ["9100", "/prometheus"],
        logLevel: "info",
      });
      expect(summary(tracks["product-mirror"])).to.deep.equal({
        port: 9898,
        metricsPort: 9100,
        health: "/healthz",
        ready: "/ready",
        scrape: ["9100", "/prometheus"],
        logLevel: "debug",
      });
      // Resources: the mirror's own, the others the catalog's for product.
      expect(tracks["product-mirror"].spec.containers[0].resources).to.deep.equal({
        requests: { cpu: "50m", memory: "64Mi" },
        limits: { cpu: "200m", memory: "128Mi" },
      });
      for (const t of ["product", "product-canary"])
        expect(tracks[t].spec.containers[0].resources, t).to.deep.equal(
          CATALOG.product.contract.resources,
        );
      // A real image is not handed the demo image's variable.
      expect(env(p, "product-canary")).to.not.have.property("PODINFO_PORT_METRICS");
      expect(env(p, "product").PODINFO_PORT_METRICS).to.equal("9100");
    });

    it("the Service targets ports by name, so every track's share reaches its own port; routes and policy follow", () => {
      const ports = (find(p, K.service, "product").inputs.spec as Spec).ports;
      expect(ports).to.deep.equal([
        { name: "http", port: 9898, targetPort: "http" },
        { name: "http-metrics", port: 9100, targetPort: "http-metrics" },
      ]);
      const edge = (find(p, K.vs, "product-edge").inputs.spec as Spec).http[0];
      expect(
        edge.route.map((r: Spec) => [r.destination.subset, r.destination.port.number, r.weight]),
      ).to.deep.equal([
        ["stable", 9898, 90],
        ["canary", 9898, 10],
      ]);
      expect(edge.mirror).to.deep.equal({
        host: "product.shop.svc.cluster.local",
        subset: "mirror",
        port: { number: 9898 },
      });
      const policy = find(p, K.netpol, "product").inputs.spec as Spec;
      expect(policy.ingress[0].ports).to.deep.equal([
        { protocol: "TCP", port: 8080 },
        { protocol: "TCP", port: 9898 },
      ]);
      expect(policy.ingress[1].ports).to.deep.equal([
        { protocol: "TCP", port: 9100 },
        { protocol: "TCP", port: 15020 },
      ]);
      expect(p.policy?.violations).to.deep.equal([]);
    });
  });
});

describe("services: the Aurora bootstrap and migrations", () => {
  let prod: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
  });

  it("runs one bootstrap Job in its own restricted namespace, named after its script, with pinned images", () => {
    const jobs = ofType(prod, K.job);
    expect(jobs).to.have.length(1);
    const [job] = jobs;
    expect(meta(job).namespace).to.equal("db-bootstrap");
    expect(meta(job).name).to.match(/^db-bootstrap-[0-9a-f]{10}$/);
    const ns = ofType(prod, K.namespace).find((n) => meta(n).name === "db-bootstrap");
    expect((ns?.inputs.metadata as Spec).labels["pod-security.kubernetes.io/enforce"]).to.equal(
      "restricted",
    );
    const spec = (job.inputs.spec as Spec).template.spec;
    expect(spec.securityContext).to.deep.include({
      runAsNonRoot: true,
      seccompProfile: { type: "RuntimeDefault" },
    });
    const containers = [...spec.initContainers, ...spec.containers];
    expect(containers.map((c: Spec) => c.image)).to.deep.equal([
      BOOTSTRAP_IMAGES.awsCli,
      BOOTSTRAP_IMAGES.psql,
    ]);
    for (const c of containers) {
      expect(c.image).to.match(/:\d+\.\d+(\.\d+)?(-alpine)?$/);
      expect(c.securityContext).to.deep.equal({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(c.resources.limits).to.have.keys("cpu", "memory");
    }
    // The script is the pure module's, for exactly the Aurora-bound services.
    const script = ofType(prod, K.configMap).find((c) => meta(c).namespace === "db-bootstrap");
    expect((script?.inputs.data as Spec)["bootstrap.sql"]).to.equal(
      bootstrapSql(["product", "user", "order", "payment", "inventory"]),
    );
    expect(spec.volumes.find((v: Spec) => v.name === "sql").configMap.name).to.equal(
      meta(script as PlannedResource).name,
    );
    // psql verifies the writer's certificate and logs in as the master user from the secret.
    const psql = Object.fromEntries(spec.containers[0].env.map((e: Spec) => [e.name, e.value]));
    expect(psql).to.include({
      PGHOST: prod.outputs.auroraEndpoint,
      PGSSLMODE: "verify-full",
      PGUSER: "shop_admin",
      PGDATABASE: "shop",
    });
    const fetch = Object.fromEntries(
      spec.initContainers[0].env.map((e: Spec) => [e.name, e.value]),
    );
    expect(fetch.SECRET_ARN).to.equal(prod.outputs.dbSecretArn);
  });

  it("reads the master secret through Pod Identity, and nothing else", () => {
    const association = ofType(prod, "aws:eks/podIdentityAssociation:PodIdentityAssociation").find(
      (a) => a.inputs.namespace === "db-bootstrap",
    );
    expect(association?.inputs.serviceAccount).to.equal("db-bootstrap");
    const policy = ofType(prod, "aws:iam/rolePolicy:RolePolicy").find(
      (r) => r.name === "services-db-bootstrap-pod",
    );
    const statements = JSON.parse(String(policy?.inputs.policy)).Statement as Spec[];
    expect(statements.map((s) => [s.Action, s.Resource])).to.deep.equal([
      ["secretsmanager:GetSecretValue", prod.outputs.dbSecretArn],
      ["kms:Decrypt", (prod.outputs.keyArns as Record<string, string>).secrets],
    ]);
    expect(statements[1].Condition.StringEquals["kms:EncryptionContext:SecretARN"]).to.equal(
      prod.outputs.dbSecretArn,
    );
  });

  it("waits for the Aurora writer and the secret's value, and the Aurora-bound Deployments wait for it", () => {
    const [job] = ofType(prod, K.job);
    const deps = job.dependencies;
    const cluster = ofType(prod, "aws:rds/cluster:Cluster")[0];
    const instances = ofType(prod, "aws:rds/clusterInstance:ClusterInstance");
    const version = ofType(prod, "aws:secretsmanager/secretVersion:SecretVersion").find(
      (v) => v.name === "data-aurora-master",
    ) as PlannedResource;
    expect(instances).to.have.length(2);
    expect(deps).to.include.members([cluster.urn, ...instances.map((i) => i.urn), version.urn]);
    for (const svc of ["product", "user", "order", "payment", "inventory"])
      expect(find(prod, K.deployment, svc).dependencies, svc).to.include(job.urn);
    for (const svc of ["cart", "auth"])
      expect(find(prod, K.deployment, svc).dependencies, svc).to.not.include(job.urn);
  });

  it("never runs in the standby: the global database replicates roles and databases", async () => {
    const dr = await plan("dr-singapore");
    expect(ofType(dr, K.job)).to.deep.equal([]);
    expect(ofType(dr, K.namespace).map((n) => meta(n).name)).to.not.include("db-bootstrap");
  });

  it("runs a configured migration as the service, after the bootstrap and before its Deployment", async () => {
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:services.order.migration.image=ghcr.io/acme/order-migrate:1.0.0",
      'prod-mumbai:ecommerce:services.order.migration.command=["/migrate", "up"]',
    ]);
    const jobs = ofType(p, K.job);
    const migration = jobs.find((j) => meta(j).namespace === "shop") as PlannedResource;
    const bootstrap = jobs.find((j) => meta(j).namespace === "db-bootstrap") as PlannedResource;
    expect(meta(migration).name).to.match(/^order-migrate-[0-9a-f]{10}$/);
    const spec = (migration.inputs.spec as Spec).template;
    expect(spec.metadata.annotations).to.deep.equal({ "sidecar.istio.io/inject": "false" });
    expect(spec.spec.serviceAccountName).to.equal("order");
    expect(spec.spec.containers[0]).to.deep.include({
      image: "ghcr.io/acme/order-migrate:1.0.0",
      command: ["/migrate", "up"],
    });
    expect(
      Object.fromEntries(spec.spec.containers[0].env.map((e: Spec) => [e.name, e.value])),
    ).to.include({ DB_NAME: "order", DB_USER: "order" });
    expect(migration.dependencies).to.include(bootstrap.urn);
    expect(find(p, K.deployment, "order").dependencies).to.include(migration.urn);
    expect(p.policy?.violations).to.deep.equal([]);
  });
});
