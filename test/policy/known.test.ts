import { expect } from "chai";
import { analyzerProxy, isComputed, isSet, peek } from "../../policy/lib/known";

const UNKNOWN = analyzerProxy.unknownStringValue;
/** Props as the CLI's analyzer hands them to a rule during a first preview. */
const asAnalyzed = (props: Record<string, unknown>) => analyzerProxy.unknownCheckingProxy(props);

describe("policy/lib/known: reading props during a first preview", () => {
  const props = asAnalyzed({
    kmsKeyId: UNKNOWN,
    empty: "",
    accessLogSettings: { destinationArn: UNKNOWN, format: "json" },
    logging: UNKNOWN,
  });

  it("shows why the helpers exist: a plain read of an unknown value throws", () => {
    expect(() => props.kmsKeyId).to.throw(analyzerProxy.UnknownValueError, /can't be known/);
  });

  it("counts a value another resource computes as set, and an absent or empty one as not", () => {
    expect(isSet(props, "kmsKeyId")).to.equal(true);
    expect(isSet(props, "accessLogSettings.destinationArn")).to.equal(true);
    expect(isSet(props, "accessLogSettings.format")).to.equal(true);
    expect(isSet(props, "empty")).to.equal(false);
    expect(isSet(props, "missing")).to.equal(false);
    expect(isSet(props, "missing.inner")).to.equal(false);
  });

  it("still reports a check it cannot run when a whole object is unknown", () => {
    expect(() => isSet(props, "logging.bucket")).to.throw(analyzerProxy.UnknownValueError);
  });

  it("peeks past the proxy and recognises every unknown sentinel", () => {
    expect(peek(props, "kmsKeyId")).to.equal(UNKNOWN);
    expect(isComputed(peek(props, "kmsKeyId"))).to.equal(true);
    expect(isComputed(analyzerProxy.unknownObjectValue)).to.equal(true);
    expect(isComputed("arn:aws:kms:ap-south-1:123456789012:key/x")).to.equal(false);
    expect(peek(undefined, "x")).to.equal(undefined);
  });
});
