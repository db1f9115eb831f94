import { ExistingObjectError, existingObjectPolicy } from "../dynamic/adoption";
import { configKeyName } from "../config";
import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type ResourceHandlers } from "../dynamic/handlers";
import { outcomeUnknown } from "../dynamic/verified-create";
import type { VendorClient } from "../http/client";
import { teamsClient } from "./client";
import { configureUserBody } from "./configure-user-body";
import { authenticationResultFor } from "./enterprise-authorization";
import { configureUser, disableUser, type ConfigureOutcome, type WireObject } from "./connecttoteams-api";
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

/** The configureUser body, with the enterprise's `authenticationResult` when its tenant signed in. */
async function fullBody(inputs: TeamsEnterpriseUserInputs): Promise<WireObject> {
    const authenticationResult = await authenticationResultFor(inputs.tenantId);
    return { ...(authenticationResult && { authenticationResult }), ...configureUserBody(inputs) };
}

/** The Pulumi id: `<tenantId>/<loginId>`, the natural key. */
const resourceId = (user: Pick<TeamsEnterpriseUserInputs, "tenantId" | "loginId">) => `${user.tenantId}/${user.loginId}`;

/**
 * configureUser for a create. When the answer is lost (or not understood), the same full body is
 * sent once more: configureUser sets the whole user, so a repeat changes nothing the first request
 * did, and its answer (ADD / EDIT) settles what happened. `lost` is the first failure when it was resent.
 */
async function configureForCreate(client: VendorClient, body: WireObject): Promise<{ outcome: ConfigureOutcome; lost?: Error }> {
    try {
        return { outcome: await configureUser(client, body, { repeatable: false }) };
    } catch (error) {
        if (!outcomeUnknown(error)) {
            throw error;
        }
        try {
            return { outcome: await configureUser(client, body, { repeatable: false }), lost: error as Error };
        } catch (again) {
            throw new Error(
                `${(error as Error).message}. Sent once more with the same settings to settle it: ${(again as Error).message}. ` +
                    "Nothing is recorded; run `pulumi up` again (if ConnecttoTeams then reports the user as existing, see the README's \"After an interrupted up\").",
            );
        }
    }
}

/**
 * configureUser answered EDIT: the user existed when (the last) configureUser arrived, and now holds
 * this program's settings. Only `adopt: true` takes it over: there is no lookup, so the
 * `adoptMatching` recovery has nothing to compare, and after a lost answer an EDIT may be this
 * run's own first request or someone else's user.
 */
function assertMayTakeOverEdited(user: TeamsEnterpriseUserInputs, lost: Error | undefined): void {
    const policy = existingObjectPolicy(user);
    if (policy === "adopt") {
        return;
    }
    const who = `ConnecttoTeams user ${user.loginId}`;
    const adoptHint = "set adopt: true on this TeamsEnterpriseUser to take it over, or choose another loginId";
    if (lost) {
        throw new ExistingObjectError(
            `${lost.message}. It was sent once more with the same settings and ConnecttoTeams answered EDIT: ${who} exists in tenant ` +
                `${user.tenantId} and now holds this program's settings, but ConnecttoTeams has no lookup, so whether the lost request ` +
                `created it or it existed before cannot be told, and Pulumi does not manage it. If no one else manages this user, ${adoptHint}.`,
        );
    }
    const recovery =
        policy === "adopt-matching"
            ? ` ${configKeyName("adoptMatching")} cannot take it over: ConnecttoTeams has no endpoint to read a user, so nothing can be compared.` +
              " If an interrupted `pulumi up` created it, set adopt: true on this TeamsEnterpriseUser for one `pulumi up`; otherwise choose another loginId."
            : ` Set adopt: true on this TeamsEnterpriseUser to take it over, or choose another loginId` +
              ` (also after an interrupted \`pulumi up\`: ${configKeyName("adoptMatching")} cannot compare a ConnecttoTeams user).`;
    throw new ExistingObjectError(
        `${who} already existed in tenant ${user.tenantId}. ConnecttoTeams has no lookup, so configureUser was sent and has already ` +
            `applied this program's settings to it; Pulumi does not manage it.${recovery}`,
    );
}

export const teamsEnterpriseUserHandlers: ResourceHandlers = {
    secretKeys: teamsEnterpriseUserSecretKeys,
    ...schemaCheckAndDiff(TeamsEnterpriseUserArgsSchema, diffSpec),

    async create(inputs) {
        const user = inputs as TeamsEnterpriseUserInputs;
        // There is no lookup to ask first: configureUser adds or edits, and its answer says which.
        const client = teamsClient();
        const { outcome, lost } = await configureForCreate(client, await fullBody(user));
        if (outcome === "edited") {
            assertMayTakeOverEdited(user, lost);
        }
        return { id: resourceId(user), outs: { ...inputs } };
    },

    async read(id, props) {
        // The vendor documents no read endpoint: refresh keeps the state last applied.
        return { id, props };
    },

    async update(_id, _olds, news) {
        // configureUser with the full body sets the whole user, so repeating it is harmless.
        const client = teamsClient();
        await configureUser(client, await fullBody(news as TeamsEnterpriseUserInputs), { repeatable: true });
        return { outs: { ...news } };
    },

    async delete(_id, props) {
        const user = props as TeamsEnterpriseUserInputs;
        const client = teamsClient();
        // Already disabled or gone counts as done.
        await disableUser(client, user.tenantId, user.loginId, await authenticationResultFor(user.tenantId));
    },
};
