import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-wafv2-webacl-missing-logging";
const ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const ARN = "arn:aws:wafv2:us-east-1:1:global/webacl/shop/x";
const acl = res(ACL, "shop", { arn: ARN });
const logging = (resourceArn: string, deps: Record<string, string[]> = { resourceArn: ["shop"] }) =>
  res(LOGGING, "shop-logging", { resourceArn }, deps);

describeRule(RULE, () => {
  it("a web ACL needs a logging configuration", async () => {
    expect(await messages(RULE, [acl, logging(ARN)])).to.deep.equal([]);
    expect(await messages(RULE, [acl])).to.deep.equal(["shop: no logging configuration"]);
  });
  it("finds the configuration by the ACL's ARN alone, or by dependency when the ARN is computed", async () => {
    expect(await messages(RULE, [acl, logging(ARN, {})])).to.deep.equal([]);
    expect(await messages(RULE, [acl, logging(UNKNOWN)])).to.deep.equal([]);
  });
  it("does not count a configuration for another web ACL", async () => {
    const other = res(ACL, "api", { arn: "arn:aws:wafv2:ap-south-1:1:regional/webacl/api/y" });
    expect(await messages(RULE, [acl, other, logging(ARN)])).to.deep.equal([
      "api: no logging configuration",
    ]);
  });
});
