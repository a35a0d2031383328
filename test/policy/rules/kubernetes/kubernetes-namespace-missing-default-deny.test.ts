import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "kubernetes-namespace-missing-default-deny";
const NS = "kubernetes:core/v1:Namespace";
const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
const shop = res(NS, "shop", { metadata: { name: "shop" } });
const deny = (spec: Record<string, unknown> = {}, namespace = "shop") =>
  res(NP, `deny-${namespace}`, {
    metadata: { name: "default-deny", namespace },
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ...spec },
  });

describeRule(RULE, () => {
  it("passes a namespace with a default-deny policy", async () => {
    expect(await messages(RULE, [shop, deny()])).to.deep.equal([]);
  });

  it("passes a deny whose selector has empty label maps (still every pod)", async () => {
    const empty = deny({ podSelector: { matchLabels: {}, matchExpressions: [] } });
    expect(await messages(RULE, [shop, empty])).to.deep.equal([]);
  });

  for (const [title, policies] of [
    ["no policy", []],
    ["a deny in another namespace", [deny({}, "other")]],
    ["an ingress-only deny", [deny({ policyTypes: ["Ingress"] })]],
    ["an egress-only deny", [deny({ policyTypes: ["Egress"] })]],
    ["a policy that admits traffic", [deny({ ingress: [{ from: [{ podSelector: {} }] }] })]],
    ["a policy that lets traffic out", [deny({ egress: [{ to: [{ podSelector: {} }] }] })]],
    ["a policy for some pods only", [deny({ podSelector: { matchLabels: { app: "cart" } } })]],
    ["a policy without a pod selector", [deny({ podSelector: undefined })]],
  ] as const) {
    it(`flags ${title}`, async () => {
      expect(await messages(RULE, [shop, ...policies])).to.deep.equal([
        "shop: namespace shop has no default-deny NetworkPolicy",
      ]);
    });
  }
});
