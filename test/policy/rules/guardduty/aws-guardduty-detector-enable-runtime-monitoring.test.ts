import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-guardduty-detector-enable-runtime-monitoring";
const DETECTOR = "aws:guardduty/detector:Detector";
const FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
const detector = res(DETECTOR, "guardduty", { id: "d-1", enable: true });
const feature = (name: string, extra: Record<string, unknown> = {}) =>
  res(
    FEATURE,
    `guardduty-${name.toLowerCase()}`,
    { detectorId: "d-1", name, status: "ENABLED", ...extra },
    { detectorId: ["guardduty"] },
  );
const withAgent = {
  additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }],
};
const runtime = feature("EKS_RUNTIME_MONITORING", withAgent);
const audit = feature("EKS_AUDIT_LOGS");

describeRule(RULE, () => {
  it("runtime monitoring with the agent and audit logs", async () => {
    expect(await messages(RULE, [detector, runtime, audit])).to.deep.equal([]);
    // Resolved by id alone, as when no dependency was recorded.
    const byId = { ...runtime, deps: {} };
    expect(await messages(RULE, [detector, byId, { ...audit, deps: {} }])).to.deep.equal([]);
    expect(await messages(RULE, [detector, audit])).to.deep.equal([
      "guardduty: runtime monitoring is off",
    ]);
    const noAgent = feature("EKS_RUNTIME_MONITORING");
    expect(await messages(RULE, [detector, noAgent, audit])).to.deep.equal([
      "guardduty: runtime monitoring without EKS_ADDON_MANAGEMENT: no agent reaches the nodes",
    ]);
    const disabled = feature("EKS_AUDIT_LOGS", { status: "DISABLED" });
    expect(await messages(RULE, [detector, runtime, disabled])).to.deep.equal([
      "guardduty: EKS audit-log monitoring is off",
    ]);
    // Another detector's features do not count.
    const other = res(DETECTOR, "other", { id: "d-2", enable: true });
    expect(await messages(RULE, [detector, other, runtime, audit])).to.deep.equal([
      "other: runtime monitoring is off",
      "other: EKS audit-log monitoring is off",
    ]);
  });

  it("accepts the account-wide RUNTIME_MONITORING plan in place of the EKS one", async () => {
    const plan = feature("RUNTIME_MONITORING", withAgent);
    expect(await messages(RULE, [detector, plan, audit])).to.deep.equal([]);
  });

  it("flags runtime monitoring whose feature or agent is DISABLED", async () => {
    const off = feature("EKS_RUNTIME_MONITORING", { ...withAgent, status: "DISABLED" });
    expect(await messages(RULE, [detector, off, audit])).to.deep.equal([
      "guardduty: runtime monitoring is off",
    ]);
    const agentOff = feature("EKS_RUNTIME_MONITORING", {
      additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "DISABLED" }],
    });
    expect(await messages(RULE, [detector, agentOff, audit])).to.deep.equal([
      "guardduty: runtime monitoring without EKS_ADDON_MANAGEMENT: no agent reaches the nodes",
    ]);
  });

  it("flags a detector with no features at all, and skips a disabled detector", async () => {
    expect(await messages(RULE, [detector])).to.deep.equal([
      "guardduty: runtime monitoring is off",
      "guardduty: EKS audit-log monitoring is off",
    ]);
    for (const enable of [false, "false"]) {
      const off = res(DETECTOR, "guardduty", { id: "d-1", enable });
      expect(await messages(RULE, [off]), String(enable)).to.deep.equal([]);
    }
  });
});
