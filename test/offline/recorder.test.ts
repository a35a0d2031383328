import { expect } from "chai";
import { mockCall, mockResourceOutputs } from "../../offline/outputs";
import { engineUrn, redact, unwrapSecrets } from "../../offline/recorder";
import { synth } from "../helpers";

const SIG = "4dabf18193072939515e22adb298388d";
const secret = (value: unknown) => ({ [SIG]: "1b47061264138c4ac30d75fd1eb44270", value });

describe("offline/recorder and outputs", () => {
  it("redacts secrets anywhere in a value and keeps the rest", () => {
    expect(
      redact({ a: 1, b: secret("pw"), c: [secret("x"), "y"], d: { e: secret(2) } }),
    ).to.deep.equal({
      a: 1,
      b: "[secret]",
      c: ["[secret]", "y"],
      d: { e: "[secret]" },
    });
    expect(
      redact({ r: { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x" } }),
    ).to.deep.equal({ r: "urn:x" });
  });

  it("unwraps secrets for a referencing stack and reports that there were some", () => {
    expect(unwrapSecrets({ a: secret("pw"), b: 1 })).to.deep.equal({
      value: { a: "pw", b: 1 },
      secret: true,
    });
    expect(unwrapSecrets(["x"])).to.deep.equal({ value: ["x"], secret: false });
  });

  it("returns deterministic, region-aware outputs", () => {
    const ctx = { stack: "s", region: "ap-south-1", accountId: "123456789012" };
    const a = mockResourceOutputs({ type: "aws:ec2/vpc:Vpc", name: "v", inputs: {} }, ctx);
    const b = mockResourceOutputs({ type: "aws:ec2/vpc:Vpc", name: "v", inputs: {} }, ctx);
    expect(a).to.deep.equal(b);
    expect(a.id).to.match(/^vpc-[0-9a-f]{17}$/);
    expect(a.state.arn).to.equal(`arn:aws:ec2:ap-south-1:123456789012:vpc/${a.id}`);
    // aws v7's per-resource region wins over the stack's.
    const key = mockResourceOutputs(
      { type: "aws:kms/key:Key", name: "k", inputs: { region: "us-east-1", multiRegion: true } },
      ctx,
    );
    expect(key.id).to.match(/^mrk-[0-9a-f]{32}$/);
    expect(key.state.arn).to.equal(`arn:aws:kms:us-east-1:123456789012:key/${key.id}`);
    const group = mockResourceOutputs(
      { type: "aws:cloudwatch/logGroup:LogGroup", name: "g", inputs: { name: "/x/y" } },
      ctx,
    );
    expect(group.state.arn).to.equal("arn:aws:logs:ap-south-1:123456789012:log-group:/x/y");
  });

  it("answers the identity invoke and refuses unknown invokes by name", () => {
    const ctx = { stack: "s", region: "ap-south-1", accountId: "123456789012" };
    expect(mockCall("aws:index/getCallerIdentity:getCallerIdentity", {}, ctx).accountId).to.equal(
      "123456789012",
    );
    expect(() => mockCall("aws:index/getAvailabilityZones:getAvailabilityZones", {}, ctx)).to.throw(
      /no mock for the invoke aws:index\/getAvailabilityZones/,
    );
  });
});

describe("URNs as the Pulumi engine builds them", () => {
  const where = { stack: "prod-mumbai", project: "ecommerce-platform" };
  const root =
    "urn:pulumi:prod-mumbai::ecommerce-platform::pulumi:pulumi:Stack::ecommerce-platform-prod-mumbai";

  it("leaves the root stack's type out of its children's", () => {
    expect(engineUrn(where, root, "ecommerce:network:Network", "network")).to.equal(
      "urn:pulumi:prod-mumbai::ecommerce-platform::ecommerce:network:Network::network",
    );
    expect(engineUrn(where, "", "pulumi:pulumi:Stack", "ecommerce-platform-prod-mumbai")).to.equal(
      root,
    );
  });

  it("prefixes the parent's whole type chain, not only its last type", () => {
    const services = engineUrn(where, root, "ecommerce:services:Services", "services");
    const service = engineUrn(where, services, "ecommerce:services:Microservice", "services-cart");
    expect(engineUrn(where, service, "aws:iam/role:Role", "services-cart-pod")).to.equal(
      "urn:pulumi:prod-mumbai::ecommerce-platform::ecommerce:services:Services$ecommerce:services:Microservice$aws:iam/role:Role::services-cart-pod",
    );
  });

  it("gives every resource of both plans its parent's chain plus its own type", async () => {
    for (const p of (await synth()).plans) {
      const byUrn = new Map(p.resources.map((r) => [r.urn, r]));
      const nested = p.resources.filter((r) => byUrn.has(r.parent));
      expect(nested.length, p.stack).to.be.greaterThan(300);
      for (const r of p.resources) {
        const [, , qualified, name] = r.urn.split("::");
        expect(name).to.equal(r.name);
        expect(qualified).to.not.match(/(^|\$)pulumi:pulumi:Stack(\$|$)/);
        const parent = byUrn.get(r.parent);
        expect(qualified, r.urn).to.equal(
          parent ? `${parent.urn.split("::")[2]}$${r.type}` : r.type,
        );
      }
    }
  });
});
