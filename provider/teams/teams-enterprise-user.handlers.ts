import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type ResourceHandlers } from "../dynamic/handlers";
import { teamsClient } from "./client";
import { configureUserBody } from "./configure-user-body";
import { configureUser, disableUser } from "./connecttoteams-api";
import {
    TeamsEnterpriseUserArgsSchema,
    teamsEnterpriseUserInputKeys,
    teamsEnterpriseUserReplaceKeys,
    teamsEnterpriseUserSecretKeys,
    type TeamsEnterpriseUserInputs,
} from "./teams-enterprise-user.schema";

const diffSpec: DiffSpec = {
    inputKeys: teamsEnterpriseUserInputKeys,
    // A new tenant or login id is another user; it does not collide with the old one, so the
    // replacement is configured before the old user is disabled.
    replaceKeys: teamsEnterpriseUserReplaceKeys,
};

/** The Pulumi id: `<tenantId>/<loginId>`, the natural key. */
const resourceId = (user: Pick<TeamsEnterpriseUserInputs, "tenantId" | "loginId">) => `${user.tenantId}/${user.loginId}`;

export const teamsEnterpriseUserHandlers: ResourceHandlers = {
    secretKeys: teamsEnterpriseUserSecretKeys,
    ...schemaCheckAndDiff(TeamsEnterpriseUserArgsSchema, diffSpec),

    async create(inputs) {
        const user = inputs as TeamsEnterpriseUserInputs;
        // There is no lookup to ask first: configureUser adds or edits, and its answer says which.
        // A create that might have been applied is not repeated, so an "edit" really means the user existed.
        const outcome = await configureUser(teamsClient(), configureUserBody(inputs), { repeatable: false });
        if (outcome === "edited" && !user.adopt) {
            throw new Error(
                `ConnecttoTeams user ${user.loginId} already existed in tenant ${user.tenantId}. ConnecttoTeams has no lookup, ` +
                    "so configureUser was sent and has already applied this program's settings to it; Pulumi does not manage it. " +
                    "Set adopt: true on this TeamsEnterpriseUser to take it over, or choose another loginId.",
            );
        }
        return { id: resourceId(user), outs: { ...inputs } };
    },

    async read(id, props) {
        // The vendor documents no read endpoint: refresh keeps the state last applied.
        return { id, props };
    },

    async update(_id, _olds, news) {
        // configureUser with the full body sets the whole user, so repeating it is harmless.
        await configureUser(teamsClient(), configureUserBody(news), { repeatable: true });
        return { outs: { ...news } };
    },

    async delete(_id, props) {
        const user = props as TeamsEnterpriseUserInputs;
        await disableUser(teamsClient(), user.tenantId, user.loginId); // already disabled or gone counts as done
    },
};
