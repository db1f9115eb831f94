/**
 * ConnecttoTeams: the OAuth password grant and its lifetime, and `PUT reseller/getAuthenticatedUser`
 * (the one documented call that reads and changes nothing), which shows the token is accepted and
 * is reseller-level, as configureUser without an MSAL object needs. The vendor documents no call
 * that reads users, so there is nothing more to read. Nor one that reads an enterprise's Service
 * Provider Consent, which the tenants without a Microsoft sign-in depend on: that is a note, not an
 * ok. Each tenant that signed in with teams-login gets its token acquisition tried, as a run would.
 */
import { getSetting, requireSetting } from "../config";
import { enterpriseTokens } from "../microsoft/enterprise-tokens";
import { readTenantTokens } from "../microsoft/tenant-tokens";
import type { VendorClient } from "../http/client";
import { teamsClient } from "../teams/client";
import { getAuthenticatedUser } from "../teams/connecttoteams-api";
import { anySettingGiven, count, needs, settingsCheck, urlKind, type Check, type VendorDoctor } from "./check";
import { vocabulary } from "./shape";
import { lifetimeInWords, tokenCheck } from "./token-check";

/** `RESELLER` (the getting-started page); a master reseller is one too. */
const isResellerLevel = (type: string) => /(^|_)RESELLER$/i.test(type);

export const teamsDoctor: VendorDoctor = {
    key: "teams",
    configured: () => anySettingGiven(["teamsUrl", "teamsClientId", "teamsClientSecret", "teamsUsername", "teamsPassword", "teamsMicrosoftTokens"]),
    checks(): Check[] {
        let client: VendorClient | undefined;
        return [
            settingsCheck("ucaas:teams*", () => {
                client = teamsClient();
                return `${urlKind("teamsUrl")}, an OAuth client and a portal admin (ucaas:teamsClientId, ucaas:teamsUsername)`;
            }),
            tokenCheck("POST oauth/token", () => client?.tokens, (seconds) =>
                `password grant: ${lifetimeInWords(seconds, "by logging in again (no refresh token is documented)")}`,
            ),
            {
                name: "authenticated user",
                request: "PUT reseller/getAuthenticatedUser (a read)",
                async run() {
                    const admin = await getAuthenticatedUser(needs(client, "settings"), requireSetting("teamsUsername"));
                    const summary = `the token is accepted; the admin is ${vocabulary(admin.type)}`;
                    if (isResellerLevel(admin.type)) return { summary: `${summary}, reseller-level, as configureUser without an MSAL object needs` };
                    return {
                        summary,
                        differences: [{ path: "type", expected: "a reseller-level admin (RESELLER): configureUser without an MSAL object needs a reseller-level token", received: vocabulary(admin.type) }],
                    };
                },
            },
            consentNote(),
            ...(signedInTenants().length ? [microsoftSignInCheck()] : []),
        ];
    },
};

/** The tenants that signed in with teams-login (the settings check has judged the value). */
function signedInTenants(): string[] {
    const raw = getSetting("teamsMicrosoftTokens");
    return raw === undefined ? [] : [...(readTenantTokens(raw).tokens?.keys() ?? [])];
}

function consentNote(): Check {
    return {
        name: "consent",
        request: "none: ConnecttoTeams documents no call that reads an enterprise's consents",
        async run() {
            const signedIn = signedInTenants().length;
            return {
                note: true,
                summary:
                    "not checkable: no documented call reads an enterprise's Service Provider Consent. A tenant without a Microsoft sign-in " +
                    `(ucaas:teamsMicrosoftTokens lists ${count(signedIn, "tenant")}) acts with the reseller token: there configureUser enables ` +
                    "calling, and delete works, only if the enterprise granted the consent (Service Portal: the enterprise's dashboard, Enterprise Admin Action Items)",
            };
        },
    };
}

function microsoftSignInCheck(): Check {
    return {
        name: "microsoft sign-in",
        request: "POST <authority>/<tenant>/oauth2/v2.0/token (refresh-token grant, per signed-in tenant)",
        async run() {
            const tenants = signedInTenants();
            const lifetimes: number[] = [];
            for (const tenantId of tenants) {
                const signIn = await enterpriseTokens(tenantId)!.get(); // a tenant mismatch or a refused token throws, naming the tenant
                lifetimes.push(Math.round((signIn.expiresOn.getTime() - Date.now()) / 1000));
            }
            return {
                summary:
                    `${count(tenants.length, "tenant")} signed in: each stored refresh token gave an access token for its own tenant ` +
                    `(valid ${Math.min(...lifetimes)} s or more; one acquisition per tenant per run, renewed 5 min before it runs out)`,
            };
        },
    };
}
