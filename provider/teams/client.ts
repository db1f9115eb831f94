import { requireSetting } from "../config";
import { CachedTokenSource, type AccessToken } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { TeamsApiError } from "../http/errors";
import { assertTransportAllowed } from "../http/transport-guard";

/**
 * ConnecttoTeams is a Spring service: API errors come as `{status, error, message, code?, errors?}`,
 * the OAuth endpoint answers `{error, error_description}`.
 */
export function parseTeamsError(body: unknown): { code?: string; message?: string; detail?: unknown } {
    if (typeof body === "string") {
        return body ? { message: body.slice(0, 300) } : {};
    }
    const b = (body ?? {}) as { code?: string; error?: string; message?: string; error_description?: string; errors?: unknown };
    return { code: b.code ?? b.error, message: b.message ?? b.error_description, detail: b.errors };
}

interface TokenResponse {
    access_token: string;
    expires_in?: number;
}

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
    const tokenClient = createVendorClient({ ...clientOptions(baseUrl, credentials), secrets: [credentials.clientSecret, credentials.password, basic] });
    return new CachedTokenSource(async (): Promise<AccessToken> => {
        const body = await tokenClient.send<TokenResponse>({
            operation: `log in as ${credentials.username}`,
            method: "POST",
            path: "oauth/token",
            headers: { authorization: `Basic ${basic}` },
            form: { username: credentials.username, password: credentials.password, grant_type: "password" },
            anonymous: true,
            idempotent: true, // a login changes nothing
        });
        return { value: body.access_token, expiresAt: body.expires_in ? Date.now() + body.expires_in * 1000 : undefined };
    });
}

function clientOptions(baseUrl: string, credentials: TeamsCredentials) {
    return {
        vendor: "ConnecttoTeams",
        baseUrl,
        errors: (d: ConstructorParameters<typeof TeamsApiError>[0]) => new TeamsApiError(d),
        parseError: parseTeamsError,
        secrets: [credentials.clientSecret, credentials.password],
    };
}

/** The ConnecttoTeams client for the configured endpoint and credentials, shared by every resource in this process. */
export function teamsClient(): VendorClient {
    const baseUrl = requireSetting("teamsUrl");
    assertTransportAllowed("ConnecttoTeams", baseUrl, "ucaas:teamsUrl");
    const credentials: TeamsCredentials = {
        clientId: requireSetting("teamsClientId", "the ConnecttoTeams OAuth client id"),
        clientSecret: requireSetting("teamsClientSecret", "the ConnecttoTeams OAuth client secret"),
        username: requireSetting("teamsUsername", "the ConnecttoTeams portal admin used for the API"),
        password: requireSetting("teamsPassword", "the password of the ConnecttoTeams portal admin"),
    };
    return cached(["teams", baseUrl, credentials.clientId, credentials.clientSecret, credentials.username, credentials.password], () =>
        createVendorClient({ ...clientOptions(baseUrl, credentials), tokens: passwordGrant(baseUrl, credentials) }),
    );
}
