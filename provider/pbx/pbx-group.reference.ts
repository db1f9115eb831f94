import type { ResourceReference } from "../reference/resource-reference";
import { snakeCaseWireNames } from "../reference/wire-path";
import { PbxGroupArgsSchema, PbxGroupComputedSchema, pbxGroupReplaceKeys } from "./pbx-group.schema";

/** Properties the PBX does not take as a member of the group. */
const notInTheGroup: Record<string, string> = {
    members: "`extension_number` of `GET /api/groups/{id}/members`; added with `POST /api/groups/{id}/members/{extension}`, removed with `POST .../members/{extension}/destroy`",
    groupId: "`id`",
};

export const pbxGroupReference: ResourceReference = {
    kind: "PbxGroup",
    vendor: "PortSIP PBX v22 REST API",
    module: "provider/pbx/pbx-group",
    summary:
        "A user group of a PortSIP PBX and its members. Nothing replaces a group: name, description and caller ids update in " +
        "place with one `POST /api/groups/{id}`, and members are added and removed one by one through the members endpoints, " +
        "never by re-creating the group. The group owns its whole member list.",
    id: "the PBX's group id (also the output `groupId`)",
    naturalKey: "`name`",
    args: PbxGroupArgsSchema,
    computed: PbxGroupComputedSchema,
    secretKeys: [],
    replaceKeys: pbxGroupReplaceKeys,
    wireName: snakeCaseWireNames(notInTheGroup),
    get: {
        reads:
            "`GET /api/groups/{id}` and `GET /api/groups/{id}/members`: the name, the description, the outbound caller ids, the " +
            "members' extension numbers and `groupId`.",
    },
};
