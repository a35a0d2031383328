import { describeResourceRule } from "../../ruleSuite";
import { secureAccessCases } from "../../secureAccessCases";

const RULE = "aws-sns-topicpolicy-enforce-secure-access";
const TYPE = "aws:sns/topicPolicy:TopicPolicy";

describeResourceRule(RULE, secureAccessCases(TYPE));
