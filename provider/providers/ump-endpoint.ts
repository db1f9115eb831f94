// This module's exports ARE the UmpEndpoint provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/ump-endpoint")`, so every UmpEndpoint's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("UmpEndpoint");
