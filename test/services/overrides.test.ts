import { expect } from "chai";
import { plan } from "../helpers";
import { K, Spec, meta, ofService } from "./fixtures";

describe("services: canary and mirror overrides", () => {
  it("a canary adds a second Deployment and weights that sum to 100", async () => {
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:services.cart.canary.weight=10",
      "prod-mumbai:ecommerce:services.cart.canary.image=ghcr.io/acme/cart:2.0.0",
    ]);
    const deployments = ofService(p, "cart", K.deployment);
    expect(deployments.map((d) => meta(d).name)).to.have.members(["cart", "cart-canary"]);
    const canary = deployments.find((d) => meta(d).name === "cart-canary")?.inputs.spec as Spec;
    expect(canary.template.metadata.labels).to.deep.equal({ app: "cart", version: "canary" });
    expect(canary.template.spec.containers[0].image).to.equal("ghcr.io/acme/cart:2.0.0");
    for (const vs of ofService(p, "cart", K.vs)) {
      const route = (vs.inputs.spec as Spec).http[0].route as {
        destination: { subset: string };
        weight: number;
      }[];
      expect(route.map((r) => [r.destination.subset, r.weight])).to.deep.equal([
        ["stable", 90],
        ["canary", 10],
      ]);
      expect(route.reduce((sum, r) => sum + r.weight, 0)).to.equal(100);
    }
    expect(
      ((ofService(p, "cart", K.dr)[0].inputs.spec as Spec).subsets as Spec[]).map((s) => s.name),
    ).to.deep.equal(["stable", "canary"]);
    expect(p.policy?.violations).to.deep.equal([]);
  });

  it("a mirror adds a mirror route with the configured percentage, served by a credential-less shadow", async () => {
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:services.product.mirror.percent=25",
      "prod-mumbai:ecommerce:services.product.mirror.image=ghcr.io/acme/product:3.0.0-rc1",
    ]);
    const route = (
      ofService(p, "product", K.vs).find((v) => meta(v).name === "product-edge")?.inputs
        .spec as Spec
    ).http[0];
    expect(route.mirror).to.deep.equal({
      host: "product.shop.svc.cluster.local",
      subset: "mirror",
      port: { number: 9898 },
    });
    expect(route.mirrorPercentage).to.deep.equal({ value: 25 });
    // Live traffic stays on stable: the mirror only receives copies.
    expect(route.route.map((r: Spec) => r.destination.subset)).to.deep.equal(["stable"]);
    expect(
      ((ofService(p, "product", K.dr)[0].inputs.spec as Spec).subsets as Spec[]).map((s) => s.name),
    ).to.deep.equal(["stable", "mirror"]);
    const deployments = ofService(p, "product", K.deployment);
    expect(deployments.map((d) => meta(d).name)).to.have.members(["product", "product-mirror"]);
    const mirrorPod = (
      deployments.find((d) => meta(d).name === "product-mirror")?.inputs.spec as Spec
    ).template.spec;
    // Its own ServiceAccount, with no Pod Identity association: mirrored writes cannot reach AWS.
    expect(mirrorPod.serviceAccountName).to.equal("product-mirror");
    expect(
      p.resources.filter(
        (r) => r.type === K.association && r.inputs.serviceAccount === "product-mirror",
      ),
    ).to.deep.equal([]);
  });
});
