// The policy pack's entry: the rules are part of the built package, next to the resources they
// guard, and resolve @pulumi/policy and @pulumi/pulumi from the package's own dependencies.
"use strict";
require("../dist/provider/policy/pack");
