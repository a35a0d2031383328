/**
 * The ecommerce-guardrails CrossGuard pack:
 *
 *   pulumi preview -s prod-mumbai --policy-pack policy
 *
 * Enforcement levels and thresholds are per rule (see README.md here); override them with a
 * policy config file (`--policy-pack-config`).
 */
import { PolicyPack } from "@pulumi/policy";
import { rules } from "./rules";

new PolicyPack("ecommerce-guardrails", { policies: rules });
