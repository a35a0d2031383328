import { expect } from "chai";
import { StackPlan } from "../../offline/plan";
import { CATALOG, SERVICE_NAMES, applyOverrides, replicasFor } from "../../services/catalog";
import { servicePolicy } from "../../services/permissions";
import { every, ofType, plan } from "../helpers";
import { K, Spec, meta, ofService } from "./fixtures";

describe("services: catalog", () => {
  it("covers the seven services with their path prefixes and JWT requirements", () => {
    expect(SERVICE_NAMES).to.deep.equal([
      "product",
      "user",
      "cart",
      "order",
      "payment",
      "inventory",
      "auth",
    ]);
    expect(
      Object.fromEntries(
        SERVICE_NAMES.map((n) => [n, [CATALOG[n].pathPrefix, CATALOG[n].requiresJwt]]),
      ),
    ).to.deep.equal({
      product: ["/products", false],
      user: ["/users", true],
      cart: ["/cart", true],
      order: ["/orders", true],
      payment: ["/payments", true],
      inventory: ["/inventory", false],
      auth: ["/auth", false],
    });
  });

  it("runs at least 3 replicas when serving and 1 in a resting standby", () => {
    for (const name of SERVICE_NAMES) {
      expect(replicasFor(CATALOG[name], "active")).to.be.at.least(3);
      expect(replicasFor(CATALOG[name], "drill")).to.equal(replicasFor(CATALOG[name], "active"));
      expect(replicasFor(CATALOG[name], "failover")).to.equal(replicasFor(CATALOG[name], "active"));
      expect(replicasFor(CATALOG[name], "standby")).to.equal(1);
    }
  });

  it("applies per-service overrides without touching the others", () => {
    const specs = applyOverrides(CATALOG, {
      cart: { replicas: 5, canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 10 } },
    });
    const cart = specs.find((s) => s.name === "cart");
    expect(cart?.replicas).to.deep.equal({ active: 5, standby: 1, drill: 5, failover: 5 });
    // The canary inherits the service's contract unless it sets its own.
    expect(cart?.canary).to.deep.equal({
      image: "ghcr.io/acme/cart:2.0.0",
      weight: 10,
      contract: CATALOG.cart.contract,
    });
    expect(specs.find((s) => s.name === "user")).to.deep.equal(CATALOG.user);
  });

  it("derives each Pod Identity policy from the bindings alone, never on '*'", () => {
    const d = {
      region: "ap-south-1",
      accountId: "123456789012",
      auroraClusterResourceId: "cluster-ABC",
      cacheArn: "arn:aws:elasticache:ap-south-1:123456789012:replicationgroup:cache",
      cacheUserArns: {
        product: "arn:aws:elasticache:ap-south-1:123456789012:user:u-product",
        cart: "arn:aws:elasticache:ap-south-1:123456789012:user:u-cart",
        inventory: "arn:aws:elasticache:ap-south-1:123456789012:user:u-inventory",
        auth: "arn:aws:elasticache:ap-south-1:123456789012:user:u-auth",
      },
      tableArns: {
        carts: "arn:aws:dynamodb:ap-south-1:123456789012:table/carts",
        sessions: "arn:aws:dynamodb:ap-south-1:123456789012:table/sessions",
      },
      queueArns: { "order-events": "arn:aws:sqs:ap-south-1:123456789012:order-events" },
      bucketArns: { assets: "arn:aws:s3:::assets", web: "arn:aws:s3:::web" },
      keyArns: { database: "k-db", messaging: "k-msg", secrets: "k-sec", storage: "k-st" },
    };
    const cart = servicePolicy("cart", CATALOG.cart.bindings, d);
    const resources = cart.Statement.flatMap((s) => [s.Resource].flat());
    expect(resources).to.have.members([
      d.tableArns.carts,
      `${d.tableArns.carts}/index/*`,
      "k-db",
      d.cacheArn,
      d.cacheUserArns.cart,
    ]);
    // Valkey: connect to the cache as the service's own user, and as no other.
    expect(cart.Statement.find((st) => st.Sid === "CacheConnect")).to.deep.equal({
      Sid: "CacheConnect",
      Effect: "Allow",
      Action: "elasticache:Connect",
      Resource: [d.cacheArn, d.cacheUserArns.cart],
    });
    const order = servicePolicy("order", CATALOG.order.bindings, d);
    expect(order.Statement[0]).to.deep.include({
      Action: "rds-db:connect",
      Resource: "arn:aws:rds-db:ap-south-1:123456789012:dbuser:cluster-ABC/order",
    });
    // The producer may only send and the consumer only receive; KMS use is bound to the queue.
    const send = servicePolicy("order", CATALOG.order.bindings, d).Statement.find(
      (st) => st.Sid === "QueueSend",
    );
    const receive = servicePolicy("payment", CATALOG.payment.bindings, d).Statement.find(
      (st) => st.Sid === "QueueReceive",
    );
    expect([send?.Action].flat())
      .to.include("sqs:SendMessage")
      .and.not.include("sqs:ReceiveMessage");
    expect([receive?.Action].flat())
      .to.include("sqs:ReceiveMessage")
      .and.not.include("sqs:SendMessage");
    const queueKey = servicePolicy("order", CATALOG.order.bindings, d).Statement.find(
      (st) => st.Sid === "QueueKey",
    );
    expect(queueKey?.Condition).to.deep.equal({
      StringEquals: {
        "kms:ViaService": "sqs.ap-south-1.amazonaws.com",
        "kms:EncryptionContext:aws:sqs:arn": d.queueArns["order-events"],
      },
    });
    const tableKey = cart.Statement.find((st) => st.Sid === "TablecartsKey");
    expect(tableKey?.Condition).to.deep.equal({
      StringEquals: {
        "kms:ViaService": "dynamodb.ap-south-1.amazonaws.com",
        "kms:EncryptionContext:aws:dynamodb:tableName": "carts",
      },
    });
    for (const name of SERVICE_NAMES) {
      const all = servicePolicy(name, CATALOG[name].bindings, d).Statement.flatMap((s) =>
        [s.Resource].flat(),
      );
      expect(all, name).to.not.include("*");
    }
  });
});

describe("services: Microservice objects (recorded offline runs)", () => {
  let prod: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
  });

  it("gives every service the full set of objects in the shop namespace", () => {
    for (const svc of SERVICE_NAMES) {
      for (const type of [K.sa, K.deployment, K.service, K.hpa, K.pdb, K.dr, K.ap]) {
        const found = ofService(prod, svc, type);
        expect(found, `${svc} ${type}`).to.have.length(1);
        expect(meta(found[0]).namespace).to.equal("shop");
      }
      expect(ofService(prod, svc, K.vs).map((v) => meta(v).name)).to.have.members([
        svc,
        `${svc}-edge`,
      ]);
      expect(
        prod.resources.filter((r) => r.type === K.association && r.inputs.serviceAccount === svc),
      ).to.have.length(1);
    }
  });

  it("runs restricted pods: non-root, read-only root, no escalation, no capabilities, seccomp, probes, limits, zone spread", () => {
    for (const svc of SERVICE_NAMES) {
      const pod = (ofService(prod, svc, K.deployment)[0].inputs.spec as Spec).template.spec;
      expect(pod.securityContext).to.deep.include({
        runAsNonRoot: true,
        seccompProfile: { type: "RuntimeDefault" },
      });
      const [c] = pod.containers;
      expect(c.securityContext).to.deep.equal({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      });
      expect(c.resources.limits).to.have.keys("cpu", "memory");
      expect(c).to.include.keys("startupProbe", "livenessProbe", "readinessProbe");
      expect(c.image).to.equal("ghcr.io/stefanprodan/podinfo:6.7.1");
      expect(pod.topologySpreadConstraints[0].topologyKey).to.equal("topology.kubernetes.io/zone");
      expect(c.ports.map((p: Spec) => p.name)).to.deep.equal(["http", "http-metrics"]);
    }
  });

  it("passes connection settings as plain endpoints and secret ARNs, never secret values", () => {
    for (const svc of SERVICE_NAMES) {
      const env = (ofService(prod, svc, K.deployment)[0].inputs.spec as Spec).template.spec
        .containers[0].env as { name: string; value: string }[];
      for (const e of env) {
        expect(e.value, `${svc} ${e.name}`).to.not.equal("[secret]");
        expect(e.name).to.not.match(/PASSWORD|TOKEN$/);
      }
    }
    const cart = Object.fromEntries(
      (
        (ofService(prod, "cart", K.deployment)[0].inputs.spec as Spec).template.spec.containers[0]
          .env as { name: string; value: string }[]
      ).map((e) => [e.name, e.value]),
    );
    expect(cart.TABLE_CARTS).to.equal((prod.outputs.tableNames as Record<string, string>).carts);
    // Valkey: IAM auth as the service's own user; no pod receives the shared token or its ARN.
    expect(cart).to.include({
      REDIS_AUTH: "iam",
      REDIS_USER: "ecommerce-prod-mumbai-cart",
      REDIS_CACHE_NAME: "ecommerce-prod-mumbai-cache",
      REDIS_KEY_PREFIX: "cart:",
    });
    const cacheSecret = prod.outputs.cacheSecretArn as string;
    for (const d of every(prod, K.deployment)) {
      const env = (d.inputs.spec as Spec).template.spec.containers[0].env as Spec[];
      expect(env.map((e) => e.value)).to.not.include(cacheSecret);
      expect(env.map((e) => e.name)).to.not.include("REDIS_AUTH_SECRET_ARN");
    }
    const order = Object.fromEntries(
      (
        (ofService(prod, "order", K.deployment)[0].inputs.spec as Spec).template.spec.containers[0]
          .env as { name: string; value: string }[]
      ).map((e) => [e.name, e.value]),
    );
    expect(order).to.include({
      DB_AUTH: "iam",
      DB_USER: "order",
      DB_NAME: "order",
      DB_HOST: prod.outputs.globalWriterEndpoint, // endpoints.test.ts: per DR mode
    });
    // Database per service: every Aurora-bound service has its own DB_NAME, the same as its user.
    const names = SERVICE_NAMES.filter((n) => CATALOG[n].bindings.includes("aurora")).map(
      (svc) =>
        (
          (ofService(prod, svc, K.deployment)[0].inputs.spec as Spec).template.spec.containers[0]
            .env as Spec[]
        ).find((e) => e.name === "DB_NAME")?.value,
    );
    expect(names).to.deep.equal(["product", "user", "order", "payment", "inventory"]);
  });

  it("names only the service's own resources in its Pod Identity policy", () => {
    const policies = ofType(prod, K.rolePolicy).filter(
      (p) => p.name.startsWith("services-") && p.name !== "services-db-bootstrap-pod",
    );
    expect(policies).to.have.length(7);
    const tableArns = prod.outputs.tableArns as Record<string, string>;
    for (const p of policies) {
      const statements = JSON.parse(String(p.inputs.policy)).Statement as {
        Resource: string | string[];
      }[];
      const resources = statements.flatMap((s) => [s.Resource].flat());
      expect(resources, p.name).to.not.include("*");
      if (p.name === "services-cart-pod")
        expect(resources).to.include(tableArns.carts).and.not.include(tableArns.sessions);
      if (p.name === "services-auth-pod")
        expect(resources).to.include(tableArns.sessions).and.not.include(tableArns.carts);
    }
    // Valkey: elasticache:Connect on the replication group and the service's own user only; no
    // service may read the default user's password any more.
    const [group] = ofType(prod, "aws:elasticache/replicationGroup:ReplicationGroup");
    const users = Object.fromEntries(
      ofType(prod, "aws:elasticache/user:User")
        .filter((u) => u.inputs.userName !== "default")
        .map((u) => [(u.inputs.tags as Record<string, string>).service, u.outputs.arn]),
    );
    expect(Object.keys(users)).to.have.members(["product", "cart", "inventory", "auth"]);
    for (const p of policies) {
      const svc = p.name.replace(/^services-/, "").replace(/-pod$/, "");
      const statements = JSON.parse(String(p.inputs.policy)).Statement as Spec[];
      const connect = statements.filter((st) => [st.Action].flat().includes("elasticache:Connect"));
      if (users[svc]) {
        expect(connect, svc).to.have.length(1);
        expect(connect[0].Resource, svc).to.deep.equal([group.outputs.arn, users[svc]]);
      } else {
        expect(connect, svc).to.deep.equal([]);
      }
      expect(JSON.stringify(statements), svc).to.not.include(String(prod.outputs.cacheSecretArn));
    }
  });

  it("puts the circuit breaker and connection limits from the catalog into each DestinationRule", () => {
    const payment = ofService(prod, "payment", K.dr)[0].inputs.spec as Spec;
    expect(payment.trafficPolicy.outlierDetection).to.deep.equal({
      consecutive5xxErrors: 3,
      interval: "10s",
      baseEjectionTime: "30s",
      maxEjectionPercent: 50,
    });
    expect(payment.trafficPolicy.connectionPool).to.deep.equal({
      tcp: { maxConnections: 100 },
      http: { http1MaxPendingRequests: 20, http2MaxRequests: 200 },
    });
    expect(payment.trafficPolicy.tls).to.deep.equal({ mode: "ISTIO_MUTUAL" });
    const product = ofService(prod, "product", K.dr)[0].inputs.spec as Spec;
    expect(product.trafficPolicy.outlierDetection.consecutive5xxErrors).to.equal(5);
  });

  it("routes each path prefix from the gateway and admits only declared callers and the gateway", () => {
    const edge = ofService(prod, "cart", K.vs).find((v) => meta(v).name === "cart-edge")?.inputs
      .spec as Spec;
    expect(edge.gateways).to.deep.equal(["istio-system/shop-gateway"]);
    // Exactly /cart or below it: /carts must not slip past the JWT policy on /cart and /cart/*.
    expect(edge.http[0].match).to.deep.equal([
      { uri: { exact: "/cart" } },
      { uri: { prefix: "/cart/" } },
    ]);
    expect(edge.http[0].route).to.deep.equal([
      {
        destination: {
          host: "cart.shop.svc.cluster.local",
          subset: "stable",
          port: { number: 9898 },
        },
        weight: 100,
      },
    ]);
    // Retried only when the request never reached the service (no gRPC `unavailable`, no 5xx).
    expect(edge.http[0].retries.retryOn).to.equal(
      "connect-failure,refused-stream,reset-before-request",
    );
    expect(edge.http[0].retries).to.include({ attempts: 2 });
    // Payments are never retried by the mesh.
    const payment = ofService(prod, "payment", K.vs).find((v) => meta(v).name === "payment")?.inputs
      .spec as Spec;
    expect(payment.http[0].retries).to.deep.equal({ attempts: 0 });
    const ap = ofService(prod, "cart", K.ap)[0].inputs.spec as Spec;
    expect(ap.rules[0].from[0].source.principals).to.deep.equal([
      "cluster.local/ns/istio-system/sa/istio-ingressgateway",
      "cluster.local/ns/shop/sa/order",
    ]);
  });

  it("scales to 3 replicas in the primary and 1 in a resting standby, back to 3 on failover, through the HPA", async () => {
    const hpa = (p: StackPlan) => ofService(p, "product", K.hpa)[0].inputs.spec as Spec;
    expect(hpa(prod).minReplicas).to.equal(3);
    expect(hpa(prod).scaleTargetRef).to.deep.equal({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "product",
    });
    expect(hpa(await plan("dr-singapore")).minReplicas).to.equal(1);
    const failover = await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=failover"]);
    expect(hpa(failover).minReplicas).to.equal(3);
    // The ceiling is production size in every mode: a resting standby scales up on load alone.
    expect(hpa(prod).maxReplicas).to.equal(12);
    expect(hpa(await plan("dr-singapore")).maxReplicas).to.equal(12);
    expect(hpa(failover).maxReplicas).to.equal(12);
    // The stable Deployment leaves its count to the HPA, or each pulumi up would reset it.
    expect(ofService(prod, "product", K.deployment)[0].inputs.spec as Spec).to.not.have.property(
      "replicas",
    );
  });

  it("creates an immutable, scanned, KMS-encrypted ECR repository per service in the primary, replicated to the standby's region", async () => {
    const repos = ofType(prod, "awsx:ecr:Repository");
    expect(repos.map((r) => r.inputs.name)).to.have.members(
      SERVICE_NAMES.map((n) => `ecommerce/${n}`),
    );
    for (const r of repos) {
      expect(r.inputs).to.deep.include({
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
      });
      expect((r.inputs.encryptionConfigurations as Spec[])[0]).to.deep.equal({
        encryptionType: "KMS",
        kmsKey: (prod.outputs.keyArns as Record<string, string>).storage,
      });
      expect((r.inputs.lifecyclePolicy as Spec).rules).to.have.length(2);
    }
    const [replication] = ofType(prod, "aws:ecr/replicationConfiguration:ReplicationConfiguration");
    expect(
      (replication.inputs.replicationConfiguration as Spec).rules[0].destinations,
    ).to.deep.equal([{ region: "ap-southeast-1", registryId: "123456789012" }]);
    expect(ofType(await plan("dr-singapore"), "awsx:ecr:Repository")).to.deep.equal([]);
  });
});
