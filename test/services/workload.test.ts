import { expect } from "chai";
import { CATALOG, DEMO_IMAGE, SERVICE_NAMES, applyOverrides } from "../../services/catalog";
import {
  RESERVED_ENV_NAMES,
  RESERVED_ENV_PREFIXES,
  ServiceEndpoints,
  environment,
  ingressPolicy,
  reservedEnvReason,
  upstreams,
} from "../../services/workload";

const E: ServiceEndpoints = {
  auroraEndpoint: "writer.example",
  auroraReaderEndpoint: "reader.example",
  cacheEndpoint: "cache.example",
  cacheName: "shop-cache",
  cacheUsers: { product: "u-product", cart: "u-cart", inventory: "u-inventory", auth: "u-auth" },
  tableNames: { carts: "t-carts", sessions: "t-sessions" },
  queueUrls: { "order-events": "https://sqs/q" },
  bucketNames: { assets: "b-assets", web: "b-web" },
};
const names = (svc: (typeof SERVICE_NAMES)[number]) =>
  environment(CATALOG[svc], CATALOG[svc], "ap-south-1", E).map((e) => e.name);

describe("services/workload", () => {
  const table: [(typeof SERVICE_NAMES)[number], string[]][] = [
    ["product", ["DB_NAME", "REDIS_USER", "BUCKET_ASSETS"]],
    ["user", ["DB_NAME"]],
    ["cart", ["TABLE_CARTS", "REDIS_USER"]],
    ["order", ["DB_NAME", "QUEUE_ORDER_EVENTS_URL"]],
    ["payment", ["DB_NAME", "QUEUE_ORDER_EVENTS_URL"]],
    ["inventory", ["DB_NAME", "REDIS_USER"]],
    ["auth", ["TABLE_SESSIONS", "REDIS_USER"]],
  ];
  for (const [svc, expected] of table) {
    it(`gives ${svc} the variables of its bindings and no others`, () => {
      const env = names(svc);
      expect(env).to.include.members([
        "AWS_REGION",
        "SERVICE_NAME",
        "PORT",
        "METRICS_PORT",
        ...expected,
      ]);
      const bound = (prefix: string) => env.some((n) => n.startsWith(prefix));
      expect(bound("DB_"), "aurora").to.equal(CATALOG[svc].bindings.includes("aurora"));
      expect(bound("REDIS_"), "redis").to.equal(CATALOG[svc].bindings.includes("redis"));
      expect(new Set(env).size, "no duplicates").to.equal(env.length);
      // Every platform-set name is reserved, so no config `env` can shadow it.
      for (const n of env) expect(reservedEnvReason(n), n).to.be.a("string");
    });
  }

  it("names the service's own database, Valkey user and key prefix", () => {
    const product = Object.fromEntries(
      environment(CATALOG.product, CATALOG.product, "ap-south-1", E).map((e) => [e.name, e.value]),
    );
    expect(product).to.include({
      DB_NAME: "product",
      DB_USER: "product",
      REDIS_USER: "u-product",
      REDIS_CACHE_NAME: "shop-cache",
      REDIS_KEY_PREFIX: "product:",
      REDIS_AUTH: "iam",
    });
  });

  it("appends the contract's env last and gives the demo variable to the demo image only", () => {
    const [cart] = applyOverrides(CATALOG, {
      cart: { env: { LOG_LEVEL: "info" }, metricsPort: 9100 },
    }).filter((s) => s.name === "cart");
    const env = environment(cart, cart, "ap-south-1", E);
    expect(env[env.length - 1]).to.deep.equal({ name: "LOG_LEVEL", value: "info" });
    expect(env).to.deep.include({ name: "PODINFO_PORT_METRICS", value: "9100" });
    const real = environment(cart, { ...cart, image: "ghcr.io/acme/cart:1.0.0" }, "ap-south-1", E);
    expect(real.map((e) => e.name)).to.not.include("PODINFO_PORT_METRICS");
    expect(cart.image).to.equal(DEMO_IMAGE);
  });

  it("reserves the platform's names and prefixes, and nothing else", () => {
    for (const n of RESERVED_ENV_NAMES)
      expect(reservedEnvReason(n)).to.match(/is set by the platform/);
    for (const p of RESERVED_ENV_PREFIXES)
      expect(reservedEnvReason(`${p}X`)).to.equal(
        `names starting with ${p} are set by the platform`,
      );
    for (const n of ["LOG_LEVEL", "FEATURE_FLAGS", "PORTS", "DBX"])
      expect(reservedEnvReason(n), n).to.equal(undefined);
  });

  it("tells each caller its callees' URLs with their own ports", () => {
    const specs = applyOverrides(CATALOG, { payment: { port: 8443 } });
    const calls = upstreams(specs, "shop");
    expect(calls.order).to.deep.include({
      callee: "payment",
      url: "http://payment.shop.svc.cluster.local:8443",
    });
    // Only declared callers: payment is called by order alone.
    for (const svc of SERVICE_NAMES)
      expect(
        calls[svc].some((c) => c.callee === "payment"),
        svc,
      ).to.equal(svc === "order");
  });

  it("admits every track's ports, deduplicated and sorted", () => {
    const policy = ingressPolicy(CATALOG.cart, [
      { ...CATALOG.cart.contract, port: 8080 },
      CATALOG.cart.contract,
      CATALOG.cart.contract,
    ]);
    expect(policy.ingress[0].ports.map((p) => p.port)).to.deep.equal([8080, 9898]);
    expect(policy.ingress[1].ports.map((p) => p.port)).to.deep.equal([9797, 15020]);
    expect(policy.ingress[0].from.slice(1)).to.deep.equal([
      { podSelector: { matchLabels: { app: "order" } } },
    ]);
  });
});
