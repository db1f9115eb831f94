import type { ResourceReference } from "../reference/resource-reference";
import { wirePath } from "../reference/wire-path";
import { configureUserWireName } from "./configure-user-body";
import { teamsGetRefusal } from "./teams-enterprise-user.get";
import {
    TeamsEnterpriseUserArgsSchema,
    teamsEnterpriseUserReplaceKeys,
    teamsEnterpriseUserSecretKeys,
} from "./teams-enterprise-user.schema";

export const teamsEnterpriseUserReference: ResourceReference = {
    kind: "TeamsEnterpriseUser",
    vendor: "ConnecttoTeams (`POST /enterprise/configureUser`)",
    module: "provider/teams/teams-enterprise-user",
    summary:
        "A Microsoft Teams user enabled for calling through ConnecttoTeams. Create and update both send configureUser with " +
        "the full desired body; everything except `tenantId` and `loginId` updates in place. Delete calls " +
        "`POST /provisioning/disableUsers`, which marks the user for deletion. The vendor documents no endpoint that reads " +
        "a user, so `refresh` keeps the last applied state.",
    id: "`<tenantId>/<loginId>`",
    naturalKey: "`tenantId` + `loginId`",
    args: TeamsEnterpriseUserArgsSchema,
    secretKeys: teamsEnterpriseUserSecretKeys,
    replaceKeys: teamsEnterpriseUserReplaceKeys,
    wireName(path) {
        if (path[0] === "adopt") {
            return undefined;
        }
        return path[0] === "password" ? "`password` and `rePassword`" : wirePath(path, configureUserWireName);
    },
    get: { refused: teamsGetRefusal },
};
