import { getSetting } from "../config";
import { CachedTokenSource, type AccessToken } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { TeamsApiError } from "../http/errors";
import { registerSecret } from "../http/secret-values";
import { assertVendorSettings } from "../settings/verify";
import { teamsAnswers, teamsErrorFormat } from "./connecttoteams-answers";

interface TeamsCredentials {
    clientId: string;
    clientSecret: string;
    username: string;
    password: string;
}

/**
 * The reseller-level token: `POST /oauth/token` with the OAuth client in HTTP Basic and the portal
 * admin in a password grant. The vendor documents no refresh token, so a 401 means logging in again.
 */
function passwordGrant(baseUrl: string, credentials: TeamsCredentials): CachedTokenSource {
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64");
    registerSecret(basic); // an echoed Authorization header shows it, not the secret itself
    const tokenClient = createVendorClient(clientOptions(baseUrl));
    return new CachedTokenSource(async (): Promise<AccessToken> => {
        const body = await tokenClient.send({
            operation: `log in as ${credentials.username}`,
            method: "POST",
            path: "oauth/token",
            headers: { authorization: `Basic ${basic}` },
            form: { username: credentials.username, password: credentials.password, grant_type: "password" },
            answer: teamsAnswers.token,
            anonymous: true,
            idempotent: true, // a login changes nothing
            readOnly: true,
        });
        // No lifetime given (the vendor documents none): the token is renewed when the API answers 401.
        return { value: body.access_token, expiresAt: body.expires_in !== undefined ? Date.now() + body.expires_in * 1000 : undefined };
    });
}

function clientOptions(baseUrl: string) {
    return {
        vendor: "ConnecttoTeams",
        baseUrl,
        errors: (d: ConstructorParameters<typeof TeamsApiError>[0]) => new TeamsApiError(d),
        errorFormat: teamsErrorFormat,
    };
}

/** The ConnecttoTeams client for the configured endpoint and credentials, shared by every resource in this process. */
export function teamsClient(): VendorClient {
    assertVendorSettings("teams");
    const baseUrl = getSetting("teamsUrl")!;
    const credentials: TeamsCredentials = {
        clientId: getSetting("teamsClientId")!,
        clientSecret: getSetting("teamsClientSecret")!,
        username: getSetting("teamsUsername")!,
        password: getSetting("teamsPassword")!,
    };
    return cached(["teams", baseUrl, credentials.clientId, credentials.clientSecret, credentials.username, credentials.password], () =>
        createVendorClient({ ...clientOptions(baseUrl), tokens: passwordGrant(baseUrl, credentials) }),
    );
}
