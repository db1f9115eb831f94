// This module's exports ARE the PbxGroup provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/pbx-group")`, so every PbxGroup's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("PbxGroup");
