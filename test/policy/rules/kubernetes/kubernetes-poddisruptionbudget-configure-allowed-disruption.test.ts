import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-poddisruptionbudget-configure-allowed-disruption";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";

describeResourceRule(RULE, {
  passes: [
    passes(PDB, "minAvailable 1", (p) => (p.spec = { minAvailable: 1 })),
    passes(PDB, "maxUnavailable 10%", (p) => (p.spec.maxUnavailable = "10%")),
  ],
  violations: [
    violates(
      PDB,
      "maxUnavailable 0",
      (p) => (p.spec.maxUnavailable = 0),
      /maxUnavailable 0 blocks/,
    ),
    violates(
      PDB,
      "minAvailable 100%",
      (p) => (p.spec = { minAvailable: "100%" }),
      /minAvailable 100% blocks/,
    ),
    violates(
      PDB,
      "maxUnavailable 0%",
      (p) => (p.spec.maxUnavailable = "0%"),
      /maxUnavailable 0 blocks every voluntary disruption/,
    ),
  ],
});
