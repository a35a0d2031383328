import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { T, statements } from "./fixtures";

describe("components/cluster: platform, controllers, volumes, logs (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("creates the platform namespaces with Pod Security labels and default-deny policies, and an encrypted default StorageClass", () => {
    const namespaces = Object.fromEntries(
      ofType(prod, T.namespace).map((n) => {
        const meta = n.inputs.metadata as { name: string; labels: Record<string, string> };
        return [meta.name, meta.labels["pod-security.kubernetes.io/enforce"]];
      }),
    );
    expect(namespaces).to.deep.equal({
      shop: "restricted",
      "istio-system": "baseline",
      observability: "privileged",
      // The Aurora bootstrap Job's own namespace (services/databaseBootstrap.ts).
      "db-bootstrap": "restricted",
    });
    const denies = ofType(prod, T.netpol).filter(
      (p) => (p.inputs.metadata as { name: string }).name === "default-deny",
    );
    expect(
      denies.map((p) => (p.inputs.metadata as { namespace: string }).namespace),
    ).to.have.members(["shop", "istio-system", "observability", "db-bootstrap"]);
    for (const d of denies)
      expect(d.inputs.spec).to.deep.equal({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const spec = (ns: string, name: string) =>
      ofType(prod, T.netpol).find((p) => {
        const m = p.inputs.metadata as { name: string; namespace: string };
        return m.namespace === ns && m.name === name;
      })?.inputs.spec as {
        egress: {
          to?: { ipBlock?: { cidr: string }; namespaceSelector?: unknown }[];
          ports?: { port: number }[];
        }[];
      };
    // Every namespace reaches DNS and the Pod Identity agent; without it pods get no AWS credentials.
    for (const ns of ["shop", "istio-system", "observability"]) {
      const egress = spec(ns, "allow-same-namespace").egress;
      expect(
        egress.some(
          (e) => e.to?.[0]?.ipBlock?.cidr === "169.254.170.23/32" && e.ports?.[0]?.port === 80,
        ),
        ns,
      ).to.equal(true);
      expect(
        egress.some((e) => e.ports?.some((p) => p.port === 53)),
        ns,
      ).to.equal(true);
    }
    // The mesh sends traces to the collector; shop pods reach the data stores in the VPC.
    const meshEgress = spec("istio-system", "allow-control-plane").egress;
    expect(meshEgress.some((e) => e.ports?.some((p) => p.port === 4317))).to.equal(true);
    const shopEgress = spec("shop", "allow-mesh-and-telemetry").egress;
    expect(
      shopEgress.some(
        (e) =>
          e.to?.[0]?.ipBlock?.cidr === "10.10.0.0/16" &&
          e.ports?.map((p) => p.port).join() === "5432,6379",
      ),
    ).to.equal(true);
    const [sc] = ofType(prod, T.storageClass);
    expect(sc.inputs).to.deep.include({
      provisioner: "ebs.csi.aws.com",
      parameters: {
        type: "gp3",
        encrypted: "true",
        kmsKeyId: the(prod, T.key, "cluster-volumes").outputs.arn,
        "csi.storage.k8s.io/fstype": "ext4",
      },
      reclaimPolicy: "Retain",
    });
    expect(
      (sc.inputs.metadata as { annotations: Record<string, string> }).annotations[
        "storageclass.kubernetes.io/is-default-class"
      ],
    ).to.equal("true");
  });

  it("installs the load balancer controller and metrics-server from pinned charts on the system nodes", () => {
    const lbc = the(prod, T.release, "cluster-lb-controller");
    expect(lbc.inputs).to.include({ chart: "aws-load-balancer-controller", version: "1.13.3" });
    expect((lbc.inputs.values as Record<string, unknown>).enableServiceMutatorWebhook).to.equal(
      false,
    );
    const metrics = the(prod, T.release, "cluster-metrics-server");
    expect(metrics.inputs).to.include({ chart: "metrics-server", version: "3.13.0" });
    // Both run two replicas that a drain takes one at a time, on different nodes where it can.
    const lbcValues = lbc.inputs.values as Record<string, unknown>;
    expect(lbcValues).to.deep.include({
      replicaCount: 2,
      podDisruptionBudget: { maxUnavailable: 1 },
    });
    const metricsValues = metrics.inputs.values as {
      replicas: number;
      podDisruptionBudget: unknown;
      topologySpreadConstraints: { topologyKey: string; labelSelector: unknown }[];
    };
    expect(metricsValues.replicas).to.equal(2);
    expect(metricsValues.podDisruptionBudget).to.deep.equal({ enabled: true, maxUnavailable: 1 });
    // The chart's selector labels: its name, and the release's name.
    expect(metrics.inputs.name).to.equal("metrics-server");
    expect(metricsValues.topologySpreadConstraints).to.have.length(1);
    expect(metricsValues.topologySpreadConstraints[0]).to.deep.include({
      topologyKey: "kubernetes.io/hostname",
      labelSelector: {
        matchLabels: {
          "app.kubernetes.io/name": "metrics-server",
          "app.kubernetes.io/instance": "metrics-server",
        },
      },
    });
    for (const release of [lbc, metrics, the(prod, T.release, "cluster-karpenter")]) {
      const values = release.inputs.values as { nodeSelector: unknown; tolerations: unknown };
      expect(values.nodeSelector, release.name).to.deep.equal({ "node-role": "system" });
      expect(values.tolerations, release.name).to.deep.equal([
        { key: "CriticalAddonsOnly", operator: "Exists" },
      ]);
    }
  });

  it("exports the cluster's name, endpoint, OIDC issuer and node roles, with the kubeconfig as a secret", () => {
    expect(prod.outputs.clusterName).to.equal("ecommerce-prod-mumbai");
    expect(prod.outputs.clusterEndpoint).to.match(
      /^https:\/\/[A-F0-9]+\.gr7\.ap-south-1\.eks\.amazonaws\.com$/,
    );
    expect(prod.outputs.kubeconfig).to.equal("[secret]");
    expect(prod.secretOutputs).to.include("kubeconfig");
    expect(prod.outputs.oidcIssuer).to.match(/^oidc\.eks\.ap-south-1\.amazonaws\.com\/id\//);
    expect(dr.outputs.clusterName).to.equal("ecommerce-dr-singapore");
  });

  it("encrypts node and persistent volumes with the cluster's own key, usable only through EC2", () => {
    for (const p of [prod, dr]) {
      const key = the(p, T.key, "cluster-volumes");
      expect(key.protect).to.equal(true);
      expect(key.inputs.enableKeyRotation).to.equal(true);
      const use = statements(key.inputs.policy).find((s) => s.Principal?.AWS === "*");
      expect(use?.Condition).to.deep.equal({
        StringEquals: {
          "kms:CallerAccount": "123456789012",
          "kms:ViaService": `ec2.${p.region}.amazonaws.com`,
        },
      });
      // The EBS CSI driver may use this key and no other.
      const ebs = statements(the(p, T.rolePolicy, "cluster-ebs-csi").inputs.policy);
      const kms = ebs.filter((s) => [s.Action].flat().some((a) => a.startsWith("kms:")));
      expect(kms).to.have.length(2);
      for (const s of kms) expect(s.Resource).to.equal(key.outputs.arn);
    }
  });

  it("pre-creates the control-plane log group with retention and a key, before the cluster", () => {
    for (const p of [prod, dr]) {
      const group = the(p, "aws:cloudwatch/logGroup:LogGroup", "cluster-control-plane");
      expect(group.inputs).to.deep.include({
        name: `/aws/eks/ecommerce-${p.stack}/cluster`,
        retentionInDays: 365,
      });
      // The data layer's logs key (its replica in the standby).
      const logsKey = p.resources.find(
        (r) => r.type.startsWith("aws:kms/") && r.name === "data-logs",
      );
      expect(group.inputs.kmsKeyId).to.be.a("string").and.equal(logsKey?.outputs.arn);
      expect(ofType(p, T.eks)[0].dependencies).to.include(group.urn);
    }
  });

  it("gives Karpenter its region, so it never asks IMDS (hop limit 1)", () => {
    const values = the(prod, T.release, "cluster-karpenter").inputs.values as {
      controller: { env: { name: string; value: string }[] };
    };
    expect(values.controller.env).to.deep.include({ name: "AWS_REGION", value: "ap-south-1" });
    const lbc = the(prod, T.release, "cluster-lb-controller").inputs.values as Record<
      string,
      unknown
    >;
    expect(lbc).to.include({ region: "ap-south-1" });
    expect(lbc.vpcId).to.equal(prod.outputs.vpcId);
  });
});
