import { expect } from "chai";
import { CATALOG, applyOverrides } from "../../../services/catalog";
import {
  Raw,
  boundTests,
  parse,
  primaryRaw,
  problemsOf,
  rejectTests,
  standbyRaw,
  withKey,
} from "./fixtures";

const withServices = (base: Raw, services: Raw): Raw => ({
  ...base,
  "ecommerce:services": services,
});
const cart = (o: Raw) => withServices(primaryRaw, { cart: o });
const resources = {
  requests: { cpu: "250m", memory: "256Mi" },
  limits: { cpu: "1", memory: "512Mi" },
};

describe("stacks/config/services (ecommerce:services)", () => {
  it("reads every contract key, for the service and for its canary and mirror", () => {
    const cfg = parse(
      cart({
        port: "8080",
        healthPath: "/live",
        readyPath: "/ready",
        metricsPort: 9090,
        metricsPath: "/prometheus",
        env: { LOG_LEVEL: "info", WORKERS: 4 },
        resources,
        canary: {
          image: "ghcr.io/acme/cart:2.0.0",
          weight: 10,
          port: 8081,
          env: { LOG_LEVEL: "debug" },
        },
        mirror: { image: "ghcr.io/acme/cart:3.0.0", percent: 5 },
      }),
    );
    expect(cfg.services.cart).to.deep.include({
      port: 8080,
      healthPath: "/live",
      readyPath: "/ready",
      metricsPort: 9090,
      metricsPath: "/prometheus",
      env: { LOG_LEVEL: "info", WORKERS: "4" },
      resources,
    });
    const spec = applyOverrides(CATALOG, cfg.services).find((s) => s.name === "cart");
    expect(spec?.contract.port).to.equal(8080);
    // The canary sets its port and one variable; everything else is inherited.
    expect(spec?.canary?.contract).to.deep.equal({
      port: 8081,
      healthPath: "/live",
      readyPath: "/ready",
      metricsPort: 9090,
      metricsPath: "/prometheus",
      env: { LOG_LEVEL: "debug", WORKERS: "4" },
      resources,
    });
    expect(spec?.mirror?.contract).to.deep.equal(spec?.contract);
  });

  it("accepts a migration for an Aurora-bound service in the primary", () => {
    const cfg = parse(
      withServices(primaryRaw, {
        order: {
          migration: { image: "ghcr.io/acme/order-migrate:1.0.0", command: ["/migrate", "up"] },
        },
      }),
    );
    expect(cfg.services.order?.migration).to.deep.equal({
      image: "ghcr.io/acme/order-migrate:1.0.0",
      command: ["/migrate", "up"],
    });
  });

  const cases: [string, Raw, RegExp][] = [
    [
      "port below 1024",
      cart({ port: 80 }),
      /^ecommerce:services.cart.port: 80 is not accepted; use an integer from 1024 to 65535 \(the pods run without root/,
    ],
    [
      "port above 65535",
      cart({ port: 70000 }),
      /^ecommerce:services.cart.port: 70000 is not accepted; use an integer from 1024 to 65535/,
    ],
    [
      "port not a number",
      cart({ port: "http" }),
      /^ecommerce:services.cart.port: "http" is not accepted/,
    ],
    [
      "port in Istio's range",
      cart({ port: 15021 }),
      /^ecommerce:services.cart.port: 15021 is not accepted; 15000–15099 belong to the Istio sidecar/,
    ],
    [
      "metricsPort in Istio's range",
      cart({ metricsPort: 15090 }),
      /^ecommerce:services.cart.metricsPort: 15090 is not accepted; 15000–15099/,
    ],
    [
      "metricsPort out of range",
      cart({ metricsPort: 0 }),
      /^ecommerce:services.cart.metricsPort: 0 is not accepted; use an integer from 1024 to 65535/,
    ],
    [
      "port equal to the metrics port",
      cart({ port: 9797 }),
      /^ecommerce:services.cart.port: 9797 is used by both port and metricsPort; they must differ/,
    ],
    [
      "healthPath without /",
      cart({ healthPath: "healthz" }),
      /^ecommerce:services.cart.healthPath: "healthz" is not accepted; use an HTTP path starting with \//,
    ],
    [
      "readyPath with a space",
      cart({ readyPath: "/ready now" }),
      /^ecommerce:services.cart.readyPath: "\/ready now" is not accepted; use an HTTP path starting with \//,
    ],
    [
      "metricsPath with a query",
      cart({ metricsPath: "/metrics?x=1" }),
      /^ecommerce:services.cart.metricsPath: "\/metrics\?x=1" is not accepted/,
    ],
    [
      "env not an object",
      cart({ env: ["A=1"] }),
      /^ecommerce:services.cart.env: must be an object of NAME: value/,
    ],
    [
      "env with a bad name",
      cart({ env: { "1BAD": "x" } }),
      /^ecommerce:services.cart.env.1BAD: is not a valid variable name/,
    ],
    [
      "env shadowing DB_NAME",
      cart({ env: { DB_NAME: "shop" } }),
      /^ecommerce:services.cart.env.DB_NAME: is reserved: names starting with DB_ are set by the platform/,
    ],
    [
      "env shadowing AWS credentials",
      cart({ env: { AWS_ACCESS_KEY_ID: "x" } }),
      /^ecommerce:services.cart.env.AWS_ACCESS_KEY_ID: is reserved: names starting with AWS_/,
    ],
    [
      "env shadowing PORT",
      cart({ env: { PORT: "1" } }),
      /^ecommerce:services.cart.env.PORT: is reserved: PORT is set by the platform/,
    ],
    [
      "env with an object value",
      cart({ env: { A: { b: 1 } } }),
      /^ecommerce:services.cart.env.A: \{"b":1\} is not accepted; use a string, number or boolean/,
    ],
    [
      "resources not an object",
      cart({ resources: "small" }),
      /^ecommerce:services.cart.resources: must be an object \{ requests/,
    ],
    [
      "resources without limits",
      cart({ resources: { requests: resources.requests } }),
      /^ecommerce:services.cart.resources.limits.cpu: undefined is not accepted; use a Kubernetes CPU quantity/,
    ],
    [
      "resources with a bad memory",
      cart({ resources: { ...resources, limits: { cpu: "1", memory: "1GB" } } }),
      /^ecommerce:services.cart.resources.limits.memory: "1GB" is not accepted; use a Kubernetes memory quantity/,
    ],
    [
      "request above its limit",
      cart({
        resources: {
          requests: { cpu: "2", memory: "256Mi" },
          limits: { cpu: "1", memory: "512Mi" },
        },
      }),
      /^ecommerce:services.cart.resources.requests.cpu: 2 exceeds the limit 1/,
    ],
    [
      "unknown resources key",
      cart({ resources: { ...resources, storage: "1Gi" } }),
      /^ecommerce:services.cart.resources.storage: unknown key/,
    ],
    [
      "canary port out of range",
      cart({ canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 10, port: 99 } }),
      /^ecommerce:services.cart.canary.port: 99 is not accepted/,
    ],
    [
      "mirror readyPath without /",
      cart({ mirror: { image: "ghcr.io/acme/cart:2.0.0", percent: 5, readyPath: "ready" } }),
      /^ecommerce:services.cart.mirror.readyPath: "ready" is not accepted/,
    ],
    [
      "canary port on the inherited metrics port",
      cart({ canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 10, port: 9797 } }),
      /^ecommerce:services.cart.canary.port: 9797 is used by both port and metricsPort/,
    ],
    [
      "canary env reserved",
      cart({ canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 10, env: { REDIS_USER: "x" } } }),
      /^ecommerce:services.cart.canary.env.REDIS_USER: is reserved/,
    ],
    [
      "unknown contract key",
      cart({ livenessPath: "/live" }),
      /^ecommerce:services.cart.livenessPath: unknown key; accepted keys: image, replicas, canary, mirror, migration, port, healthPath/,
    ],
    [
      "migration on a service without a database",
      cart({ migration: { image: "ghcr.io/acme/cart-migrate:1.0.0", command: ["/m"] } }),
      /^ecommerce:services.cart.migration: cart has no database; migrations are for the Aurora-bound services: product, user, order, payment, inventory/,
    ],
    [
      "migration without a command",
      withServices(primaryRaw, { order: { migration: { image: "ghcr.io/acme/m:1.0.0" } } }),
      /^ecommerce:services.order.migration.command: is required; use a non-empty list of strings/,
    ],
    [
      "migration with an empty command",
      withServices(primaryRaw, {
        order: { migration: { image: "ghcr.io/acme/m:1.0.0", command: [] } },
      }),
      /^ecommerce:services.order.migration.command: \[\] is not accepted/,
    ],
    [
      "migration with an unpinned image",
      withServices(primaryRaw, {
        order: { migration: { image: "ghcr.io/acme/m:latest", command: ["/m"] } },
      }),
      /^ecommerce:services.order.migration.image: "ghcr.io\/acme\/m:latest" is not accepted; use an image pinned/,
    ],
    [
      "migration on the standby",
      withServices(standbyRaw, {
        order: { migration: { image: "ghcr.io/acme/m:1.0.0", command: ["/m"] } },
      }),
      /^ecommerce:services.order.migration: is primary only: the standby's database is a read-only replica/,
    ],
  ];
  cases.push([
    "a Valkey version without IAM authentication",
    { ...primaryRaw, "ecommerce:data": { cache: { engineVersion: "7.1" } } },
    /^ecommerce:data.cache.engineVersion: 7.1 is not accepted; the services' IAM-authenticated Valkey users need Valkey 7.2 or later/,
  ]);
  for (const [title, raw, pattern] of cases) {
    it(`rejects ${title}`, () => {
      const problems = problemsOf(raw);
      expect(
        problems.some((p) => pattern.test(p)),
        problems.join("\n"),
      ).to.equal(true);
    });
  }

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "unknown service",
        { ...primaryRaw, "ecommerce:services": { basket: { replicas: 3 } } },
        /^ecommerce:services.basket: unknown key; accepted keys: product, user, cart, order, payment, inventory, auth/,
      ],
      [
        "canary weight above 100",
        {
          ...primaryRaw,
          "ecommerce:services": {
            cart: { canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 120 } },
          },
        },
        /^ecommerce:services.cart.canary.weight: 120 is not accepted; use an integer from 0 to 100/,
      ],
      [
        "canary without an image",
        { ...primaryRaw, "ecommerce:services": { cart: { canary: { weight: 10 } } } },
        /^ecommerce:services.cart.canary.image: is required; use a pinned image/,
      ],
      [
        "mirror percent below 0",
        {
          ...primaryRaw,
          "ecommerce:services": {
            product: { mirror: { image: "ghcr.io/acme/product:3.0.0", percent: -5 } },
          },
        },
        /^ecommerce:services.product.mirror.percent: -5 is not accepted; use a number from 0 to 100/,
      ],
      [
        "one replica in the primary",
        { ...primaryRaw, "ecommerce:services": { order: { replicas: 1 } } },
        /^ecommerce:services.order.replicas: 1 is not accepted; use an integer from 2 to 100 \(at least 2 while the stack serves traffic\)/,
      ],
      [
        "unpinned image",
        { ...primaryRaw, "ecommerce:services": { user: { image: "ghcr.io/acme/user:latest" } } },
        /^ecommerce:services.user.image: "ghcr.io\/acme\/user:latest" is not accepted; use an image pinned by tag \(not latest\) or digest/,
      ],
      [
        "untagged image",
        { ...primaryRaw, "ecommerce:services": { user: { image: "ghcr.io/acme/user" } } },
        /^ecommerce:services.user.image: "ghcr.io\/acme\/user" is not accepted/,
      ],
    ]))
      it(title, run);
  });

  it("defaults: no overrides, so every service runs as the catalog describes it", () => {
    for (const raw of [primaryRaw, standbyRaw]) expect(parse(raw).services).to.deep.equal({});
  });

  describe("bounds, on both sides", () => {
    const cartWith = (key: string, value: unknown) =>
      withKey(primaryRaw, `ecommerce:services.cart.${key}`, value);
    const noRoot = " (the pods run without root, so not below 1024)";
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:services.cart.replicas",
        min: 2,
        max: 100,
        read: (c) => c.services.cart?.replicas,
        why: " (at least 2 while the stack serves traffic)",
      },
      {
        key: "ecommerce:services.cart.canary.weight",
        base: cartWith("canary.image", "ghcr.io/acme/cart:2.0.0"),
        min: 0,
        max: 100,
        read: (c) => c.services.cart?.canary?.weight,
      },
      {
        key: "ecommerce:services.cart.port",
        min: 1024,
        max: 65535,
        read: (c) => c.services.cart?.port,
        why: noRoot,
      },
      {
        key: "ecommerce:services.cart.metricsPort",
        min: 1024,
        max: 65535,
        read: (c) => c.services.cart?.metricsPort,
        why: noRoot,
      },
    ]))
      it(title, run);

    it("leaves Istio's ports 15000–15099 to the sidecar, on both sides of the range", () => {
      for (const port of [14999, 15100]) {
        expect(parse(cartWith("port", port)).services.cart?.port).to.equal(port);
      }
      for (const port of [15000, 15099]) {
        expect(problemsOf(cartWith("port", port))).to.include(
          `ecommerce:services.cart.port: ${port} is not accepted; 15000–15099 belong to the Istio sidecar (e.g. 15020 serves merged metrics); use e.g. 8080`,
        );
      }
    });

    it("accepts a mirror percent of 0 and 100, refuses -1 and 101", () => {
      const mirror = (percent: number) =>
        cartWith("mirror", { image: "ghcr.io/acme/cart:2.0.0", percent });
      for (const percent of [0, 100]) {
        expect(parse(mirror(percent)).services.cart?.mirror?.percent).to.equal(percent);
      }
      for (const percent of [-1, 101]) {
        expect(problemsOf(mirror(percent))).to.include(
          `ecommerce:services.cart.mirror.percent: ${percent} is not accepted; use a number from 0 to 100`,
        );
      }
    });
  });
});
