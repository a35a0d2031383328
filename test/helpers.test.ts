import { expect } from "chai";
import { PlannedResource, StackPlan } from "../offline/plan";
import { every } from "./helpers";

const resource = (type: string, name: string) => ({ type, name }) as PlannedResource;
const stack = (resources: PlannedResource[]) => ({ stack: "prod-mumbai", resources }) as StackPlan;

describe("test helpers: every(plan, type)", () => {
  it("returns the resources of the type, in plan order", () => {
    const p = stack([
      resource("aws:ec2/subnet:Subnet", "a"),
      resource("aws:ec2/vpc:Vpc", "v"),
      resource("aws:ec2/subnet:Subnet", "b"),
    ]);
    expect(every(p, "aws:ec2/subnet:Subnet").map((r) => r.name)).to.deep.equal(["a", "b"]);
  });

  it("throws, naming the type and the stack, when there is none to loop over", () => {
    const p = stack([resource("aws:ec2/vpc:Vpc", "v")]);
    expect(() => every(p, "aws:ec2/subnet:Subnet")).to.throw(
      "no aws:ec2/subnet:Subnet in prod-mumbai: nothing to check",
    );
  });

  it("keeps only what the filter admits, and throws when the filter admits none", () => {
    const p = stack([
      resource("aws:ec2/subnet:Subnet", "a"),
      resource("aws:ec2/subnet:Subnet", "b"),
    ]);
    expect(
      every(p, "aws:ec2/subnet:Subnet", (r) => r.name === "b").map((r) => r.name),
    ).to.deep.equal(["b"]);
    expect(() => every(p, "aws:ec2/subnet:Subnet", (r) => r.name === "c")).to.throw(
      "no aws:ec2/subnet:Subnet matching the filter in prod-mumbai: nothing to check",
    );
  });
});
