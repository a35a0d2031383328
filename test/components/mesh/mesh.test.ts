import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const cr = (p: StackPlan, kind: string) =>
  p.resources.filter((r) => r.type.endsWith(`:${kind}`) && r.urn.includes("ecommerce:mesh:Mesh$"));
type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("components/mesh (recorded offline runs)", () => {
  let prod: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
  });

  it("installs Istio from the pinned upstream charts in order base → cni → istiod → gateway", () => {
    const base = the(prod, RELEASE, "mesh-base");
    const cni = the(prod, RELEASE, "mesh-cni");
    const istiod = the(prod, RELEASE, "mesh-istiod");
    const gateway = the(prod, RELEASE, "mesh-gateway");
    for (const r of [base, cni, istiod, gateway]) {
      expect(r.inputs).to.deep.include({
        version: "1.28.3",
        repositoryOpts: { repo: "https://istio-release.storage.googleapis.com/charts" },
      });
    }
    expect(cni.dependencies).to.include(base.urn);
    expect(istiod.dependencies).to.include.members([base.urn, cni.urn]);
    expect(gateway.dependencies).to.include(istiod.urn);
    // The CNI agent runs privileged on the host, so it lives in kube-system, not the baseline namespace.
    expect(cni.inputs.namespace).to.equal("kube-system");
  });

  it("configures istiod with JSON access logs, tracing to the collector, REGISTRY_ONLY egress and the CNI", () => {
    const values = the(prod, RELEASE, "mesh-istiod").inputs.values as Spec;
    expect(values.meshConfig).to.deep.include({
      accessLogFile: "/dev/stdout",
      accessLogEncoding: "JSON",
      outboundTrafficPolicy: { mode: "REGISTRY_ONLY" },
    });
    expect(values.meshConfig.extensionProviders).to.deep.equal([
      {
        name: "otel",
        opentelemetry: { service: "otel-collector.observability.svc.cluster.local", port: 4317 },
      },
    ]);
    expect(values.pilot.cni).to.deep.equal({ enabled: true });
    // Setting defaultProviders replaces the chart's default: metrics must be listed or Istio emits none.
    expect(values.meshConfig.defaultProviders).to.deep.equal({
      metrics: ["prometheus"],
      tracing: ["otel"],
    });
    const [telemetry] = cr(prod, "Telemetry");
    expect((telemetry.inputs.spec as Spec).tracing[0].providers).to.deep.equal([{ name: "otel" }]);
  });

  it("enforces STRICT mutual TLS mesh-wide from the root namespace", () => {
    const [peer] = cr(prod, "PeerAuthentication");
    expect(peer.inputs.metadata).to.deep.include({ name: "default", namespace: "istio-system" });
    expect(peer.inputs.spec).to.deep.equal({ mtls: { mode: "STRICT" } });
    // STRICT only means something for pods in the mesh: the shop's namespace is injected.
    const shop = prod.resources.find(
      (r) =>
        r.type === "kubernetes:core/v1:Namespace" && (r.inputs.metadata as Spec).name === "shop",
    );
    expect((shop?.inputs.metadata as Spec).labels["istio-injection"]).to.equal("enabled");
  });

  it("runs the ingress gateway as a ClusterIP service with its own HPA, PDB and zone spread, and exposes the binding inputs", () => {
    const values = the(prod, RELEASE, "mesh-gateway").inputs.values as Spec;
    expect(values.service.type).to.equal("ClusterIP");
    expect(values.topologySpreadConstraints[0].topologyKey).to.equal("topology.kubernetes.io/zone");
    const hpa = the(prod, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "mesh-gateway");
    expect((hpa.inputs.spec as Spec).minReplicas).to.equal(2);
    expect((hpa.inputs.spec as Spec).scaleTargetRef).to.deep.equal({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "istio-ingressgateway",
    });
    // The chart's own autoscaler is off, so ours is the only one.
    expect(values.autoscaling).to.deep.equal({ enabled: false });
    const pdb = the(prod, "kubernetes:policy/v1:PodDisruptionBudget", "mesh-gateway");
    expect(pdb.inputs.spec).to.deep.equal({
      maxUnavailable: 1,
      selector: { matchLabels: { istio: "ingressgateway" } },
    });
    expect(prod.outputs.meshGateway).to.deep.equal({
      serviceName: "istio-ingressgateway",
      servicePort: 8080,
      namespace: "istio-system",
    });
  });

  it("keeps app pods off new nodes until the CNI agent is ready, and drains the gateway before it leaves the ALB", () => {
    // Karpenter's nodes start tainted; istiod's untaint controller clears the taint.
    const pool = the(prod, "kubernetes:karpenter.sh/v1:NodePool", "cluster-node-pool");
    expect((pool.inputs.spec as Spec).template.spec.startupTaints).to.deep.equal([
      { key: "cni.istio.io/not-ready", effect: "NoSchedule" },
    ]);
    const istiod = the(prod, RELEASE, "mesh-istiod").inputs.values as Spec;
    expect(istiod.pilot.taint).to.deep.equal({ enabled: true, namespace: "kube-system" });
    expect(istiod.pilot.env).to.deep.equal({ PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true" });
    expect(the(prod, RELEASE, "mesh-cni").inputs.namespace).to.equal("kube-system");
    // The LB controller gates gateway pods' readiness on target health in istio-system.
    const ns = the(prod, "kubernetes:core/v1:Namespace", "cluster-istio-system");
    expect((ns.inputs.metadata as Spec).labels).to.deep.include({
      "elbv2.k8s.aws/pod-readiness-gate-inject": "enabled",
    });
    // A leaving pod serves through the target group's deregistration, then Envoy drains.
    const gateway = the(prod, RELEASE, "mesh-gateway").inputs.values as Spec;
    const tg = the(prod, "aws:lb/targetGroup:TargetGroup", "edge-gateway");
    const deregistration = tg.inputs.deregistrationDelay as number;
    expect(gateway.lifecycle).to.deep.equal({ preStop: { sleep: { seconds: deregistration } } });
    const drain = JSON.parse(gateway.podAnnotations["proxy.istio.io/config"]);
    expect(drain.terminationDrainDuration).to.equal("20s");
    expect(gateway.terminationGracePeriodSeconds).to.be.greaterThan(deregistration + 20);
  });

  it("allows only registered external hosts: AWS APIs over TLS and the data stores by VPC address", () => {
    const entries = Object.fromEntries(
      cr(prod, "ServiceEntry").map((e) => [
        (e.inputs.metadata as Spec).name,
        e.inputs.spec as Spec,
      ]),
    );
    expect(entries["aws-apis"].hosts).to.include.members([
      "dynamodb.ap-south-1.amazonaws.com",
      // DynamoDB's account-based endpoints, which the SDKs prefer under Pod Identity.
      "*.ddb.ap-south-1.amazonaws.com",
      "sqs.ap-south-1.amazonaws.com",
      "secretsmanager.ap-south-1.amazonaws.com",
    ]);
    // Wildcard hosts need resolution NONE (the proxy passes the TLS connection on by SNI).
    expect(entries["aws-apis"].resolution).to.equal("NONE");
    expect(entries["aws-apis"].ports).to.deep.equal([
      { number: 443, name: "tls", protocol: "TLS" },
    ]);
    expect(entries["data-stores"].addresses).to.deep.equal(["10.10.0.0/16"]);
    expect(entries["data-stores"].ports.map((p: Spec) => p.number)).to.deep.equal([5432, 6379]);
  });

  it("denies requests without a verified JWT on the protected paths, and validates tokens when an issuer is set", async () => {
    const [deny] = cr(prod, "AuthorizationPolicy");
    const spec = deny.inputs.spec as Spec;
    // On the gateway only: without the selector the DENY would apply to the whole mesh.
    expect(spec.selector).to.deep.equal({ matchLabels: { istio: "ingressgateway" } });
    expect(spec.action).to.equal("DENY");
    expect(spec.rules[0].from).to.deep.equal([{ source: { notRequestPrincipals: ["*"] } }]);
    expect(spec.rules[0].to[0].operation.paths).to.include.members([
      "/cart",
      "/cart/*",
      "/orders/*",
      "/payments/*",
      "/users/*",
    ]);
    expect(spec.rules[0].to[0].operation.paths).to.not.include("/products/*");
    // Tokens from the shop's identity provider (its keys inline: identity.test.ts) unless an
    // issuer is configured for the mesh.
    const [jwt] = cr(prod, "RequestAuthentication");
    expect((jwt.inputs.spec as Spec).jwtRules[0]).to.deep.include({
      issuer: prod.outputs.jwtIssuer,
      jwks: prod.outputs.jwks,
      forwardOriginalToken: true,
    });
    expect((jwt.inputs.spec as Spec).selector).to.deep.equal({
      matchLabels: { istio: "ingressgateway" },
    });
    const withIssuer = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:mesh.jwtIssuer=https://login.example.com/",
      "prod-mumbai:ecommerce:mesh.jwksUri=https://login.example.com/.well-known/jwks.json",
    ]);
    const [configured] = cr(withIssuer, "RequestAuthentication");
    expect((configured.inputs.spec as Spec).jwtRules[0]).to.deep.include({
      issuer: "https://login.example.com/",
    });
  });

  it("serves the configured hosts on the shop's Gateway and its edge routes", async () => {
    const [gateway] = cr(prod, "Gateway");
    expect((gateway.inputs.spec as Spec).servers).to.deep.equal([
      {
        port: { number: 8080, name: "http", protocol: "HTTP" },
        hosts: ["api.shop.example.com", "api-ap-south-1.shop.example.com"],
      },
    ]);
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:mesh.hosts=[shop-api.example.net]",
    ]);
    expect(((cr(p, "Gateway")[0].inputs.spec as Spec).servers as Spec[])[0].hosts).to.deep.equal([
      "shop-api.example.net",
    ]);
    const edge = p.resources.find(
      (r) => r.type.endsWith(":VirtualService") && (r.inputs.metadata as Spec).name === "cart-edge",
    );
    expect((edge?.inputs.spec as Spec).hosts).to.deep.equal(["shop-api.example.net"]);
  });

  it("answers Route 53's health-check path at the gateway, on the checked hosts, without a JWT", async () => {
    const check = ofType(prod, "aws:route53/healthCheck:HealthCheck")[0];
    const [health] = cr(prod, "VirtualService").filter(
      (r) => (r.inputs.metadata as Spec).name === "edge-health",
    );
    const spec = health.inputs.spec as Spec;
    expect(spec.gateways).to.deep.equal(["istio-system/shop-gateway"]);
    expect(spec.hosts).to.include(check.inputs.fqdn);
    expect(spec.http).to.deep.equal([
      {
        name: "health",
        match: [{ uri: { exact: check.inputs.resourcePath } }],
        directResponse: { status: 200, body: { string: "ok" } },
      },
    ]);
    const protectedPaths = (cr(prod, "AuthorizationPolicy")[0].inputs.spec as Spec).rules[0].to[0]
      .operation.paths as string[];
    expect(protectedPaths.some((p) => "/healthz".startsWith(p.replace("/*", "")))).to.equal(false);
    const custom = await plan("prod-mumbai", ["prod-mumbai:ecommerce:edge.healthCheck.path=/ping"]);
    const moved = cr(custom, "VirtualService").find(
      (r) => (r.inputs.metadata as Spec).name === "edge-health",
    );
    expect((moved?.inputs.spec as Spec).http[0].match).to.deep.equal([{ uri: { exact: "/ping" } }]);
  });

  it("runs one istiod and gateway replica in a resting standby", async () => {
    const dr = await plan("dr-singapore");
    // The chart autoscales istiod: its floor is what sizes the control plane.
    expect(
      ((the(dr, RELEASE, "mesh-istiod").inputs.values as Spec).pilot as Spec).autoscaleMin,
    ).to.equal(1);
    expect(
      ((the(prod, RELEASE, "mesh-istiod").inputs.values as Spec).pilot as Spec).autoscaleMin,
    ).to.equal(2);
    const drGateway = the(dr, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "mesh-gateway")
      .inputs.spec as Spec;
    const prodGateway = the(
      prod,
      "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
      "mesh-gateway",
    ).inputs.spec as Spec;
    expect(drGateway.minReplicas).to.equal(1);
    // Only the floor rests: the gateway's ceiling is the serving one in every mode.
    expect(drGateway.maxReplicas).to.equal(10);
    expect(prodGateway.maxReplicas).to.equal(10);
    expect(ofType(dr, "kubernetes:helm.sh/v3:Release").length).to.equal(
      ofType(prod, "kubernetes:helm.sh/v3:Release").length,
    );
  });
});
