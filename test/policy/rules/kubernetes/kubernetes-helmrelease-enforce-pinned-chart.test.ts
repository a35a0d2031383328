import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-helmrelease-enforce-pinned-chart";
const REL = "kubernetes:helm.sh/v3:Release";

describeResourceRule(RULE, {
  passes: [
    passes(REL, "an OCI chart without a repository", (p) => {
      p.chart = "oci://public.ecr.aws/karpenter/karpenter";
      delete p.repositoryOpts;
    }),
    passes(REL, "a v-prefixed pre-release version", (p) => (p.version = "v1.2.3-rc.1")),
  ],
  violations: [
    violates(REL, "a version range", (p) => (p.version = "^1.28"), /not an exact version/),
    violates(
      REL,
      "plain HTTP repository",
      (p) => (p.repositoryOpts.repo = "http://charts.example.com"),
      /not HTTPS or OCI/,
    ),
    violates(
      REL,
      "no version",
      (p) => delete p.version,
      /chart version "" is not an exact version/,
    ),
    violates(
      REL,
      "no repository and not OCI",
      (p) => delete p.repositoryOpts,
      /chart istiod is fetched from no repository, not HTTPS or OCI/,
    ),
  ],
});
