import type { ResourceReference } from "../reference/resource-reference";
import { snakeCaseWireNames } from "../reference/wire-path";
import { PbxRoleArgsSchema, pbxRoleReplaceKeys } from "./pbx-role.schema";

export const pbxRoleReference: ResourceReference = {
    kind: "PbxRole",
    vendor: "PortSIP PBX v22 REST API",
    module: "provider/pbx/pbx-role",
    summary:
        "A custom role of a PortSIP PBX: its description and its permission flags, in the eleven groups of the PortSIP API. " +
        "Built-in roles (SystemAdmin, Replicator, Dealer, Admin, StandardUser, StandardInternationalUser, QueueManager, " +
        "in any letter case) cannot be managed and their names are refused in `check`.",
    id: "the role name",
    naturalKey: "`name`",
    args: PbxRoleArgsSchema,
    secretKeys: [],
    replaceKeys: pbxRoleReplaceKeys,
    wireName: snakeCaseWireNames(),
    get: { reads: "`GET /api/roles/{name}`: the name, the description and every permission flag PbxRole manages." },
};
