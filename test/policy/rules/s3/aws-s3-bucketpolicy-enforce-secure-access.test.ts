import { describeResourceRule } from "../../ruleSuite";
import { secureAccessCases } from "../../secureAccessCases";

const RULE = "aws-s3-bucketpolicy-enforce-secure-access";
const TYPE = "aws:s3/bucketPolicy:BucketPolicy";

describeResourceRule(RULE, secureAccessCases(TYPE));
