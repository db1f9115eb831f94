// This module's exports ARE the PbxRole provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/pbx-role")`, so every PbxRole's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("PbxRole");
