// This module's exports ARE the MasergyUser provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/masergy-user")`, so every MasergyUser's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("MasergyUser");
