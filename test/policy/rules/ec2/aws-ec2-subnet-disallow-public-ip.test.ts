import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-ec2-subnet-disallow-public-ip";
const SUBNET = "aws:ec2/subnet:Subnet";

describeResourceRule(RULE, {
  passes: [
    passes(SUBNET, "a public subnet mapping public IPs", (p) => {
      p.mapPublicIpOnLaunch = true;
      p.tags.tier = "public";
    }),
    passes(SUBNET, "a data subnet that maps none", (p) => (p.tags.tier = "data")),
    passes(SUBNET, "an untagged subnet that maps none", (p) => delete p.tags),
  ],
  violations: [
    violates(
      SUBNET,
      "private subnet mapping public IPs",
      (p) => (p.mapPublicIpOnLaunch = true),
      /maps public IPs on launch in the private tier/,
    ),
    violates(
      SUBNET,
      "data subnet mapping public IPs",
      (p) => {
        p.mapPublicIpOnLaunch = true;
        p.tags.tier = "data";
      },
      /maps public IPs on launch in the data tier/,
    ),
    violates(
      SUBNET,
      'data subnet mapping public IPs, given as the string "true"',
      (p) => {
        p.mapPublicIpOnLaunch = "true";
        p.tags.tier = "data";
      },
      /maps public IPs on launch in the data tier/,
    ),
    violates(
      SUBNET,
      "untagged subnet mapping public IPs",
      (p) => {
        p.mapPublicIpOnLaunch = true;
        delete p.tags;
      },
      /maps public IPs on launch in the untagged tier/,
    ),
  ],
});
