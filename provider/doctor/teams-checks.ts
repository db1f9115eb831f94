/**
 * ConnecttoTeams: the OAuth password grant and its lifetime, and `PUT reseller/getAuthenticatedUser`
 * (the one documented call that reads and changes nothing), which shows the token is accepted and
 * is reseller-level, as configureUser without an MSAL object needs. The vendor documents no call
 * that reads users, so there is nothing more to read.
 */
import { requireSetting } from "../config";
import type { VendorClient } from "../http/client";
import { teamsClient } from "../teams/client";
import { getAuthenticatedUser } from "../teams/connecttoteams-api";
import { anySettingGiven, needs, settingsCheck, urlKind, type Check, type VendorDoctor } from "./check";
import { vocabulary } from "./shape";
import { lifetimeInWords, tokenCheck } from "./token-check";

/** `RESELLER` (the getting-started page); a master reseller is one too. */
const isResellerLevel = (type: string) => /(^|_)RESELLER$/i.test(type);

export const teamsDoctor: VendorDoctor = {
    key: "teams",
    configured: () => anySettingGiven(["teamsUrl", "teamsClientId", "teamsClientSecret", "teamsUsername", "teamsPassword"]),
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
        ];
    },
};
