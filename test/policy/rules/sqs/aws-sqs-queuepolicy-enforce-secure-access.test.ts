import { describeResourceRule } from "../../ruleSuite";
import { secureAccessCases } from "../../secureAccessCases";

const RULE = "aws-sqs-queuepolicy-enforce-secure-access";
const TYPE = "aws:sqs/queuePolicy:QueuePolicy";

describeResourceRule(RULE, secureAccessCases(TYPE));
