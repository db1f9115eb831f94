// This module's exports ARE the TeamsEnterpriseUser provider object: Pulumi serializes a captured module
// object as `require("pulumi-ucaas/providers/teams-enterprise-user")`, so every TeamsEnterpriseUser's `__provider` is one short line.
import { thinProvider } from "../dynamic/thin-provider";

export = thinProvider("TeamsEnterpriseUser");
