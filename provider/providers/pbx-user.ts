// This module's exports ARE the PbxUser provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/pbx-user")`, so every PbxUser's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("PbxUser");
