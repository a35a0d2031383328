import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-securityhub-account-enable-standards";
const HUB = "aws:securityhub/account:Account";
const STANDARD = "aws:securityhub/standardsSubscription:StandardsSubscription";
const hub = res(HUB, "hub", { region: "ap-south-1" });
const sub = (path: string, region: string | undefined = "ap-south-1") =>
  res(STANDARD, `hub-${path.split("/")[0]}-${region}`, {
    region,
    standardsArn: `arn:aws:securityhub:${region ?? "ap-south-1"}::standards/${path}`,
  });
const fsbp = sub("aws-foundational-security-best-practices/v/1.0.0");
const cis = sub("cis-aws-foundations-benchmark/v/3.0.0");
const pci = sub("pci-dss/v/4.0.1");

describeRule(RULE, () => {
  it("FSBP, CIS and PCI DSS in the hub's region", async () => {
    expect(await messages(RULE, [hub, fsbp, cis, pci])).to.deep.equal([]);
    expect(await messages(RULE, [hub, fsbp, cis])).to.deep.equal([
      "hub: PCI DSS is not subscribed",
    ]);
    // A subscription in another region does not cover this hub.
    const elsewhere = sub("pci-dss/v/4.0.1", "ap-southeast-1");
    expect(await messages(RULE, [hub, fsbp, cis, elsewhere])).to.deep.equal([
      "hub: PCI DSS is not subscribed",
    ]);
  });

  it("names each missing standard, and accepts any version of one", async () => {
    expect(await messages(RULE, [hub])).to.deep.equal([
      "hub: AWS Foundational Security Best Practices is not subscribed",
      "hub: CIS AWS Foundations Benchmark is not subscribed",
      "hub: PCI DSS is not subscribed",
    ]);
    const cis14 = sub("cis-aws-foundations-benchmark/v/1.4.0");
    expect(await messages(RULE, [hub, fsbp, cis14, pci])).to.deep.equal([]);
  });

  it("counts subscriptions without a region (the provider's) for the hub's region", async () => {
    const regionless = [fsbp, cis, pci].map((s) => ({
      ...s,
      props: { ...s.props, region: undefined },
    }));
    expect(await messages(RULE, [hub, ...regionless])).to.deep.equal([]);
    const hubAnywhere = res(HUB, "hub", {});
    expect(await messages(RULE, [hubAnywhere, fsbp, cis, pci])).to.deep.equal([]);
  });
});
