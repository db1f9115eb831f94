import type { ResourceReference } from "../reference/resource-reference";
import {
    MasergyUserArgsSchema,
    MasergyUserComputedSchema,
    masergyUserReplaceKeys,
    masergyUserSecretKeys,
    masergyUserSecretOutputs,
} from "./masergy-user.schema";

export const masergyUserReference: ResourceReference = {
    kind: "MasergyUser",
    vendor: "Masergy UCaaS Provisioning API (BroadWorks)",
    module: "provider/masergy/masergy-user",
    summary:
        "A BroadWorks user provisioned through the Masergy UCaaS Provisioning API. Every write is a Masergy job that create, " +
        "update and delete wait for. Names, phone number and web portal password update in place; every other change " +
        "replaces the user, deleting the old one first (the `userId` is unique).",
    id: "the BroadWorks `userId` (also the output `userId`)",
    naturalKey: "`userId` in its group (`user/find` with `USER_ID` + `EXACT` and `GROUP_ID`)",
    args: MasergyUserArgsSchema,
    computed: MasergyUserComputedSchema,
    secretKeys: [...masergyUserSecretKeys, ...masergyUserSecretOutputs],
    replaceKeys: masergyUserReplaceKeys,
    // The provisioning API spells its JSON members as the resource does; the computed ones come from the task view.
    wireName(path) {
        const [key] = path;
        if (key === "adopt") {
            return undefined;
        }
        return key in MasergyUserComputedSchema.shape ? `\`${key}\` (task view)` : `\`${key}\``;
    },
    get: {
        reads:
            "`user/find` with `USER_ID` + `EXACT` (in any group): `userId`, `groupId`, `enterpriseId`, the names, `phoneNumber` (in " +
            "E.164), `extension` and `emailAddress`. `user/find` reports nothing else, so the other outputs of a read-only " +
            "MasergyUser are undefined.",
    },
};
