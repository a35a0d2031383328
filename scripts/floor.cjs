// The benchmark's yardstick: what Node needs merely to load the SDKs the program uses. `npm run
// bench` reports the offline run and `npm test` as multiples of this, measured in pairs, so the
// figures hold when the machine's speed drifts.
require("@pulumi/pulumi");
require("@pulumi/aws");
require("@pulumi/kubernetes");
require("@pulumi/eks");
require("@pulumi/awsx");
require("@pulumi/random");
