import type { ResourceReference } from "../reference/resource-reference";
import { snakeCaseWireNames } from "../reference/wire-path";
import { PbxUserArgsSchema, PbxUserComputedSchema, pbxUserReplaceKeys, pbxUserSecretKeys } from "./pbx-user.schema";

/** Properties the PBX takes through their own endpoints rather than as a member of the user. */
const ownEndpoints: Record<string, string> = {
    password: "`password` (`POST /api/users/{id}/password`)",
    extensionPassword: "`extension_password`; changed with `password` (`POST /api/users/{id}/extension_password`)",
    role: "`role`; changed with `POST /api/users/{id}/role`",
    ms365UserId: "`id` (`POST /api/users/{id}/ms365_binding`)",
    userId: "`id`",
};

export const pbxUserReference: ResourceReference = {
    kind: "PbxUser",
    vendor: "PortSIP PBX v22 REST API",
    module: "provider/pbx/pbx-user",
    summary:
        "An extension user of a PortSIP PBX. Everything except `name` and `extensionNumber` updates in place, and only what " +
        "changed is sent: profile fields through `POST /api/users/{id}`, role, passwords and the Microsoft 365 binding " +
        "through their own endpoints.",
    id: "the PBX's user id (also the output `userId`)",
    naturalKey: "`extensionNumber` (its user's `name` must match)",
    args: PbxUserArgsSchema,
    computed: PbxUserComputedSchema,
    secretKeys: pbxUserSecretKeys,
    replaceKeys: pbxUserReplaceKeys,
    wireName: snakeCaseWireNames(ownEndpoints),
    get: {
        reads:
            "`GET /api/users/{id}`: every field PbxUser manages that the PBX reports, and `userId`. Not the passwords (the PBX never " +
            "returns them), the voicemail PIN (a secret) or `ms365UserId` (the PBX shows only that a user is bound).",
    },
};
