import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { loadBalancerControllerPolicy } from "./loadBalancerControllerPolicy";
import { podIdentityRole } from "./podIdentity";
import { SYSTEM_PLACEMENT, pinnedRelease } from "../shared/helm";

/** Upstream charts, pinned. */
export const CHARTS = {
  loadBalancerController: {
    chart: "aws-load-balancer-controller",
    version: "1.13.3",
    // The controller version the chart deploys (its Chart.yaml appVersion).
    appVersion: "v2.13.3",
    repo: "https://aws.github.io/eks-charts",
  },
  metricsServer: {
    chart: "metrics-server",
    version: "3.13.0",
    repo: "https://kubernetes-sigs.github.io/metrics-server/",
  },
};

/**
 * Where the controllers publish metrics (charts' `selectorLabels` and metrics ports: Karpenter
 * 1.8.1's `karpenter` Service, port http-metrics; the LB controller 2.13.3's container port
 * metrics-server), for the ServiceMonitors the observability stack declares.
 */
export const CONTROLLER_METRICS = {
  karpenter: {
    service: "karpenter",
    port: "http-metrics",
    selector: { "app.kubernetes.io/name": "karpenter", "app.kubernetes.io/instance": "karpenter" },
  },
  loadBalancerController: {
    service: "aws-load-balancer-controller-metrics",
    port: "metrics-server",
    selector: {
      "app.kubernetes.io/name": "aws-load-balancer-controller",
      "app.kubernetes.io/instance": "aws-load-balancer-controller",
    },
  },
};

/** The platform's namespaces and their Pod Security Admission levels. */
export const NAMESPACES = {
  // The shop's pods join the mesh: Istio injects a sidecar into every pod here.
  shop: { name: "shop", podSecurity: "restricted", labels: { "istio-injection": "enabled" } },
  // The gateway's pods are ALB targets (a TargetGroupBinding): the load balancer controller
  // injects a readiness gate, so a rollout waits until the new pod is healthy in the target
  // group (controller v2.13 docs, "Pod readiness gate").
  mesh: {
    name: "istio-system",
    podSecurity: "baseline",
    labels: { "elbv2.k8s.aws/pod-readiness-gate-inject": "enabled" },
  },
  observability: { name: "observability", podSecurity: "privileged", labels: {} },
} as const;
export type NamespaceRole = keyof typeof NAMESPACES;

interface PlatformScope {
  name: string;
  parent: pulumi.Resource;
  provider: k8s.Provider;
  region: string;
  accountId: pulumi.Input<string>;
  clusterName: string;
  cluster: pulumi.Resource;
  vpcId: pulumi.Input<string>;
  vpcCidr: pulumi.Input<string>;
  dependsOn: pulumi.Resource[];
}

/** Namespaces labelled for Pod Security Admission, each with default-deny and the allows the mesh needs. */
export function createNamespaces(s: PlatformScope): Record<NamespaceRole, k8s.core.v1.Namespace> {
  const k8sOpts = { parent: s.parent, provider: s.provider };
  const namespaces = Object.fromEntries(
    Object.entries(NAMESPACES).map(([role, ns]) => [
      role,
      new k8s.core.v1.Namespace(
        `${s.name}-${ns.name}`,
        {
          metadata: {
            name: ns.name,
            labels: {
              "pod-security.kubernetes.io/enforce": ns.podSecurity,
              // Everything is audited and warned against the strictest level, whatever it enforces.
              "pod-security.kubernetes.io/audit": "restricted",
              "pod-security.kubernetes.io/warn": "restricted",
              "app.kubernetes.io/part-of": "ecommerce-platform",
              ...ns.labels,
            },
          },
        },
        k8sOpts,
      ),
    ]),
  ) as Record<NamespaceRole, k8s.core.v1.Namespace>;

  const policy = (
    id: string,
    ns: NamespaceRole,
    spec: k8s.types.input.networking.v1.NetworkPolicySpec,
  ) =>
    new k8s.networking.v1.NetworkPolicy(
      `${s.name}-${NAMESPACES[ns].name}-${id}`,
      { metadata: { name: id, namespace: NAMESPACES[ns].name }, spec },
      { ...k8sOpts, dependsOn: [namespaces[ns]] },
    );
  const inNamespace = (ns: NamespaceRole) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": NAMESPACES[ns].name } },
  });
  // The EKS Pod Identity agent (link-local): every namespace's pods fetch AWS credentials there.
  const podIdentityAgent = {
    to: [{ ipBlock: { cidr: "169.254.170.23/32" } }],
    ports: [{ protocol: "TCP", port: 80 }],
  };
  const dns = {
    to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }],
    ports: [
      { protocol: "UDP", port: 53 },
      { protocol: "TCP", port: 53 },
    ],
  };

  for (const ns of Object.keys(NAMESPACES) as NamespaceRole[]) {
    policy("default-deny", ns, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    policy("allow-same-namespace", ns, {
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }, dns, podIdentityAgent],
    });
  }
  // Shop pods reach istiod, the telemetry collector, the data stores in the VPC, and AWS APIs
  // over HTTPS. Who reaches them (the gateway, Prometheus) each service's own policy says, port
  // by port, from its contract (services/microservice.ts).
  policy("allow-mesh-and-telemetry", "shop", {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      {
        to: [inNamespace("mesh")],
        ports: [
          { protocol: "TCP", port: 15012 },
          { protocol: "TCP", port: 15017 },
        ],
      },
      {
        to: [inNamespace("observability")],
        ports: [
          { protocol: "TCP", port: 4317 },
          { protocol: "TCP", port: 4318 },
        ],
      },
      {
        to: [{ ipBlock: { cidr: s.vpcCidr } }],
        ports: [
          { protocol: "TCP", port: 5432 },
          { protocol: "TCP", port: 6379 },
        ],
      },
      { ports: [{ protocol: "TCP", port: 443 }] },
    ],
  });
  // The mesh control plane and gateway: xDS, webhooks, health, and gateway traffic from anywhere in the VPC.
  policy("allow-control-plane", "mesh", {
    podSelector: {},
    policyTypes: ["Ingress", "Egress"],
    ingress: [
      // xDS, webhooks, gateway health and traffic, and istiod/sidecar metrics for Prometheus.
      {
        ports: [15012, 15017, 15021, 8080, 8443, 15014, 15020, 15090].map((port) => ({
          protocol: "TCP",
          port,
        })),
      },
    ],
    egress: [
      { ports: [{ protocol: "TCP", port: 443 }] },
      { to: [inNamespace("shop")] },
      // Traces and access logs go to the collector in observability.
      {
        to: [inNamespace("observability")],
        ports: [4317, 4318, 9411].map((port) => ({ protocol: "TCP", port })),
      },
    ],
  });
  // Observability: receives telemetry from every namespace, scrapes everything, ships to AWS.
  policy("allow-telemetry", "observability", {
    podSelector: {},
    policyTypes: ["Ingress", "Egress"],
    // OTLP, Prometheus, Grafana, and the Prometheus Operator's admission webhook (10250), which
    // the API server calls when a PrometheusRule is created or changed.
    ingress: [
      { ports: [4317, 4318, 9090, 3000, 10250].map((port) => ({ protocol: "TCP", port })) },
    ],
    egress: [{}],
  });
  return namespaces;
}

/** The cluster's default StorageClass: gp3, encrypted. */
export const STORAGE_CLASS = "gp3-encrypted";

/**
 * gp3, encrypted with the cluster's volume key (the driver's `kmsKeyId` parameter, a full key ARN;
 * without it EBS uses aws/ebs), the cluster default; volumes are retained when a claim goes away.
 */
export function createStorageClass(
  s: PlatformScope,
  volumeKeyArn: pulumi.Input<string>,
): k8s.storage.v1.StorageClass {
  return new k8s.storage.v1.StorageClass(
    `${s.name}-gp3`,
    {
      metadata: {
        name: STORAGE_CLASS,
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
      },
      provisioner: "ebs.csi.aws.com",
      // `csi.storage.k8s.io/fstype`: the driver's documented key (docs/parameters.md at v1.44.0);
      // the bare `fsType` still works there but is logged as deprecated (pkg/driver/controller.go).
      parameters: {
        type: "gp3",
        encrypted: "true",
        kmsKeyId: volumeKeyArn,
        "csi.storage.k8s.io/fstype": "ext4",
      },
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
    },
    { parent: s.parent, provider: s.provider, dependsOn: s.dependsOn },
  );
}

/** AWS Load Balancer Controller (the edge binds the Istio gateway through a TargetGroupBinding) and metrics-server. */
export function createControllers(s: PlatformScope): {
  loadBalancerController: k8s.helm.v3.Release;
  metricsServer: k8s.helm.v3.Release;
  loadBalancerControllerRole: aws.iam.Role;
} {
  const lbc = podIdentityRole(
    `${s.name}-lb-controller`,
    {
      clusterName: s.clusterName,
      accountId: s.accountId,
      namespace: "kube-system",
      serviceAccount: "aws-load-balancer-controller",
      policy: pulumi
        .output(s.accountId)
        .apply((accountId) =>
          loadBalancerControllerPolicy({ accountId, region: s.region, clusterName: s.clusterName }),
        ),
      description: "AWS Load Balancer Controller",
    },
    { parent: s.parent, dependsOn: [s.cluster] },
  );
  const k8sOpts = { parent: s.parent, provider: s.provider };
  const loadBalancerController = pinnedRelease(
    `${s.name}-lb-controller`,
    {
      name: "aws-load-balancer-controller",
      namespace: "kube-system",
      values: {
        clusterName: s.clusterName,
        region: s.region,
        vpcId: s.vpcId,
        replicaCount: 2,
        // A drain takes one replica at a time: with both gone, the TargetGroupBinding webhooks
        // (failurePolicy Fail) refuse the edge's changes. The chart renders a budget only when this
        // is set and replicaCount > 1 (templates/pdb.yaml at v2.13.3); its default anti-affinity
        // (configureDefaultAffinity) already keeps the two replicas on different nodes.
        podDisruptionBudget: { maxUnavailable: 1 },
        serviceAccount: { name: "aws-load-balancer-controller" },
        // Services stay ClusterIP; load balancers are declared explicitly by the edge.
        enableServiceMutatorWebhook: false,
        ...SYSTEM_PLACEMENT,
      },
    },
    CHARTS.loadBalancerController,
    // The association too: EKS gives a pod Pod Identity credentials only if the association exists
    // when the pod is created, and the nodes' hop limit of 1 leaves no fallback.
    {
      ...k8sOpts,
      dependsOn: [...s.dependsOn, lbc.role, ...(lbc.association ? [lbc.association] : [])],
    },
  );
  // The chart creates its metrics Service only with its own ServiceMonitor, whose CRD arrives
  // later with the observability stack; this one serves the controller's metrics-server port.
  new k8s.core.v1.Service(
    `${s.name}-lb-controller-metrics`,
    {
      metadata: {
        name: CONTROLLER_METRICS.loadBalancerController.service,
        namespace: "kube-system",
        labels: CONTROLLER_METRICS.loadBalancerController.selector,
      },
      spec: {
        selector: CONTROLLER_METRICS.loadBalancerController.selector,
        ports: [{ name: "metrics-server", port: 8080, targetPort: "metrics-server" }],
      },
    },
    { ...k8sOpts, dependsOn: [loadBalancerController] },
  );
  const metricsServer = pinnedRelease(
    `${s.name}-metrics-server`,
    {
      name: "metrics-server",
      namespace: "kube-system",
      values: {
        replicas: 2,
        // The chart sets neither a budget nor spreading by default (values.yaml at 3.13.0): one
        // replica at a time may go, and the two prefer different nodes. Its pods carry the
        // selector labels name=metrics-server, instance=<release name> (_helpers.tpl).
        podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: "kubernetes.io/hostname",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: {
              matchLabels: {
                "app.kubernetes.io/name": "metrics-server",
                "app.kubernetes.io/instance": "metrics-server",
              },
            },
          },
        ],
        ...SYSTEM_PLACEMENT,
      },
    },
    CHARTS.metricsServer,
    { ...k8sOpts, dependsOn: s.dependsOn },
  );
  return { loadBalancerController, metricsServer, loadBalancerControllerRole: lbc.role };
}
