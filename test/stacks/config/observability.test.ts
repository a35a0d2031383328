import { expect } from "chai";
import { OBSERVABILITY_DEFAULTS } from "../../../stacks/config/observability";
import { MESH_DEFAULTS, StackConfig } from "../../../stacks/config";
import { AlarmThresholds } from "../../../components/observability/alarms";
import { Raw, boundTests, parse, primaryRaw, problemsOf, standbyRaw } from "./fixtures";

const withObservability = (base: Raw, observability: unknown): Raw => ({
  ...base,
  "ecommerce:observability": observability,
});

describe("stacks/config/observability (ecommerce:observability)", () => {
  it("defaults: a year of container logs, 15 days of Prometheus on 100 GiB, RPO-sized lag alarms", () => {
    for (const raw of [primaryRaw, standbyRaw]) {
      expect(parse(raw).observability).to.deep.equal(OBSERVABILITY_DEFAULTS);
    }
    expect(OBSERVABILITY_DEFAULTS.logRetentionDays).to.equal(365);
    expect(OBSERVABILITY_DEFAULTS.alarms.auroraReplicationLagMs).to.equal(1000);
    expect(OBSERVABILITY_DEFAULTS.alarms.auroraRpoLagMs).to.equal(10000);
    expect(OBSERVABILITY_DEFAULTS.alertEmail).to.equal(undefined);
  });

  it("reads every setting, in the string forms `pulumi config set --path` stores", () => {
    const cfg = parse(
      withObservability(primaryRaw, {
        logRetentionDays: "731",
        prometheus: { retentionDays: "30", storageGiB: 250 },
        alarms: { api5xxPerMinute: "20", cacheCpuPercent: 60 },
        alertEmail: "oncall@shop.example.com",
      }),
    ).observability;
    expect(cfg).to.deep.equal({
      logRetentionDays: 731,
      prometheus: { retentionDays: 30, storageGiB: 250 },
      alarms: { ...OBSERVABILITY_DEFAULTS.alarms, api5xxPerMinute: 20, cacheCpuPercent: 60 },
      alertEmail: "oncall@shop.example.com",
    });
  });

  describe("bad input names the key and what is accepted", () => {
    const cases: [string, unknown, RegExp][] = [
      [
        "not an object",
        "verbose",
        /^ecommerce:observability: must be an object with the keys logRetentionDays, prometheus, alarms, alertEmail/,
      ],
      [
        "unknown key",
        { retention: 30 },
        /^ecommerce:observability.retention: unknown key; accepted keys: logRetentionDays, prometheus, alarms, alertEmail/,
      ],
      [
        "a retention CloudWatch does not offer",
        { logRetentionDays: 100 },
        /^ecommerce:observability.logRetentionDays: 100 is not accepted; use a CloudWatch retention of at least 90 days: 90, 120, 150, 180, 365/,
      ],
      [
        "a retention below three months",
        { logRetentionDays: 30 },
        /^ecommerce:observability.logRetentionDays: 30 is not accepted; use a CloudWatch retention of at least 90 days/,
      ],
      [
        "Prometheus retention beyond 90 days",
        { prometheus: { retentionDays: 400 } },
        /^ecommerce:observability.prometheus.retentionDays: 400 is not accepted; use an integer from 1 to 90 \(longer history belongs in CloudWatch or a remote store\)/,
      ],
      [
        "a Prometheus volume too small",
        { prometheus: { storageGiB: 5 } },
        /^ecommerce:observability.prometheus.storageGiB: 5 is not accepted; use an integer from 10 to 16384 \(GiB of gp3\)/,
      ],
      [
        "an unknown Prometheus key",
        { prometheus: { replicas: 3 } },
        /^ecommerce:observability.prometheus.replicas: unknown key; accepted keys: retentionDays, storageGiB/,
      ],
      [
        "a percentage above 100",
        { alarms: { alb5xxPercent: 150 } },
        /^ecommerce:observability.alarms.alb5xxPercent: 150 is not accepted; use an integer from 1 to 100 \(percent of the ALB's requests\)/,
      ],
      [
        "a p99 beyond API Gateway's timeout",
        { alarms: { apiP99LatencyMs: 60000 } },
        /^ecommerce:observability.alarms.apiP99LatencyMs: 60000 is not accepted; use an integer from 50 to 30000 \(milliseconds \(API Gateway times out at 30 s\)\)/,
      ],
      [
        "an RPO-lag threshold of zero",
        { alarms: { auroraRpoLagMs: 0 } },
        /^ecommerce:observability.alarms.auroraRpoLagMs: 0 is not accepted; use an integer from 100 to 300000/,
      ],
      [
        "a threshold that is not a number",
        { alarms: { auroraReplicationLagMs: "1s" } },
        /^ecommerce:observability.alarms.auroraReplicationLagMs: "1s" is not accepted; use an integer from 100 to 300000/,
      ],
      [
        "an unknown alarm",
        { alarms: { dlqDepth: 1 } },
        /^ecommerce:observability.alarms.dlqDepth: unknown key; accepted keys: alb5xxPercent, api5xxPerMinute, apiP99LatencyMs, auroraReplicationLagMs, auroraRpoLagMs, dynamodbReplicationLatencyMs, cacheCpuPercent, cacheEvictionsPerMinute/,
      ],
      [
        "an e-mail address without a domain",
        { alertEmail: "oncall" },
        /^ecommerce:observability.alertEmail: "oncall" is not accepted; use an e-mail address, e.g. oncall@example.com, or leave it unset/,
      ],
    ];
    for (const [title, value, pattern] of cases) {
      it(title, () => {
        const problems = problemsOf(withObservability(primaryRaw, value));
        expect(
          problems.some((p) => pattern.test(p)),
          problems.join("\n"),
        ).to.equal(true);
      });
    }

    describe("ecommerce:mesh.tracing, which names the collector this component deploys", () => {
      const tracingProblems = (tracing: object) =>
        problemsOf({ ...standbyRaw, "ecommerce:mesh": { tracing } });

      it("a service outside the observability namespace", () => {
        expect(tracingProblems({ service: "otel.monitoring.svc.cluster.local" })).to.deep.equal([
          `ecommerce:mesh.tracing.service: "otel.monitoring.svc.cluster.local" is not accepted; use a value like ${MESH_DEFAULTS.tracing.service} (a Service in the observability namespace, where the collector is deployed; its first label at most 53 characters)`,
        ]);
      });

      it("a name longer than a Helm release name", () => {
        const service = `${"a".repeat(54)}.observability.svc.cluster.local`;
        expect(tracingProblems({ service })[0]).to.match(
          /^ecommerce:mesh.tracing.service: .* its first label at most 53 characters\)$/,
        );
        const longest = `${"a".repeat(53)}.observability.svc.cluster.local`;
        const cfg = parse({ ...standbyRaw, "ecommerce:mesh": { tracing: { service: longest } } });
        expect(cfg.mesh.tracing.service).to.equal(longest);
      });

      for (const [name, release] of [
        ["jaeger", "jaeger"],
        ["kps-grafana", "kps"],
        ["fluent-bit", "fluent-bit"],
      ]) {
        it(`a name another chart already uses: ${name}`, () => {
          expect(
            tracingProblems({ service: `${name}.observability.svc.cluster.local` }),
          ).to.deep.equal([
            `ecommerce:mesh.tracing.service: "${name}.observability.svc.cluster.local" is not accepted: "${name}" would clash with the ${release} release and the objects its chart names after it; choose another name, e.g. ${MESH_DEFAULTS.tracing.service}`,
          ]);
        });
      }

      it("the port the collector serves OTLP/HTTP on", () => {
        expect(tracingProblems({ port: 4318 })).to.deep.equal([
          "ecommerce:mesh.tracing.port: 4318 is not accepted: the collector's Service already serves OTLP/HTTP there; the mesh sends OTLP/gRPC, use e.g. 4317",
        ]);
      });
    });
  });

  it("defaults, as literal values", () => {
    for (const raw of [primaryRaw, standbyRaw]) {
      expect(parse(raw).observability).to.deep.equal({
        logRetentionDays: 365,
        prometheus: { retentionDays: 15, storageGiB: 100 },
        alarms: {
          alb5xxPercent: 5,
          api5xxPerMinute: 50,
          apiP99LatencyMs: 2000,
          auroraReplicationLagMs: 1000,
          auroraRpoLagMs: 10000,
          dynamodbReplicationLatencyMs: 1000,
          cacheCpuPercent: 75,
          cacheEvictionsPerMinute: 100,
        },
      });
    }
  });

  describe("bounds, on both sides", () => {
    const alarms: [string, number, number, string][] = [
      ["alb5xxPercent", 1, 100, "percent of the ALB's requests"],
      ["api5xxPerMinute", 1, 100000, "5xx responses per minute"],
      ["apiP99LatencyMs", 50, 30000, "milliseconds (API Gateway times out at 30 s)"],
      ["auroraReplicationLagMs", 100, 300000, "milliseconds"],
      ["auroraRpoLagMs", 100, 300000, "milliseconds"],
      ["dynamodbReplicationLatencyMs", 100, 300000, "milliseconds"],
      ["cacheCpuPercent", 10, 100, "percent"],
      ["cacheEvictionsPerMinute", 1, 1000000, "evictions per minute"],
    ];
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:observability.prometheus.retentionDays",
        min: 1,
        max: 90,
        read: (c) => c.observability.prometheus.retentionDays,
        why: " (longer history belongs in CloudWatch or a remote store)",
      },
      {
        key: "ecommerce:observability.prometheus.storageGiB",
        min: 10,
        max: 16384,
        read: (c) => c.observability.prometheus.storageGiB,
        why: " (GiB of gp3)",
      },
      ...alarms.map(([name, min, max, unit]) => ({
        key: `ecommerce:observability.alarms.${name}`,
        min,
        max,
        read: (c: StackConfig) => c.observability.alarms[name as keyof AlarmThresholds],
        why: ` (${unit})`,
      })),
    ]))
      it(title, run);

    it("accepts a log retention of 90 days, refuses 89", () => {
      expect(
        parse(withObservability(primaryRaw, { logRetentionDays: 90 })).observability
          .logRetentionDays,
      ).to.equal(90);
      expect(problemsOf(withObservability(primaryRaw, { logRetentionDays: 89 }))[0]).to.match(
        /^ecommerce:observability.logRetentionDays: 89 is not accepted; use a CloudWatch retention of at least 90 days/,
      );
    });
  });
});
