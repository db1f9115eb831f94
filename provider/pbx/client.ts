import { getSetting } from "../config";
import { CachedTokenSource, staticToken, type AccessToken, type TokenSource } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { PortSipApiError } from "../http/errors";
import { registerSecret } from "../http/secret-values";
import { assertVendorSettings } from "../settings/verify";
import { portSipAnswers, portSipErrorFormat } from "./portsip-answers";

/** The client id PortSIP documents for its OAuth password grant. */
const portSipOAuthClientId = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a";

const clientOptions = (baseUrl: string) => ({
    vendor: "PortSIP",
    baseUrl,
    errors: (d: ConstructorParameters<typeof PortSipApiError>[0]) => new PortSipApiError(d),
    errorFormat: portSipErrorFormat,
});

/** Logs in with username/password (tenant `domain` optional), renewing with the refresh token when it can. */
function loginTokenSource(baseUrl: string, username: string, password: string, domain?: string): TokenSource {
    const tokenClient = createVendorClient(clientOptions(baseUrl));
    let refreshToken: string | undefined;
    const grant = async (form: Record<string, string>): Promise<AccessToken> => {
        const body = await tokenClient.send({
            operation: form.grant_type === "password" ? `log in as ${username}` : `refresh the token of ${username}`,
            method: "POST",
            path: "api/login/oauth/token",
            form: { ...form, client_id: portSipOAuthClientId },
            answer: portSipAnswers.token,
            anonymous: true,
            idempotent: true, // a login changes nothing
            readOnly: true,
        });
        registerSecret(body.refresh_token);
        refreshToken = body.refresh_token;
        return {
            value: body.access_token,
            // No lifetime given: the token is renewed when the PBX answers 401.
            expiresAt: body.expires_in !== undefined ? Date.now() + body.expires_in * 1000 : undefined,
        };
    };
    return new CachedTokenSource(async () => {
        if (refreshToken) {
            try {
                return await grant({ grant_type: "refresh_token", refresh_token: refreshToken });
            } catch {
                refreshToken = undefined; // the refresh token died with the session; log in again
            }
        }
        return grant({ grant_type: "password", username, password, scope: "all", ...(domain ? { domain } : {}) });
    });
}

/** The PortSIP client for the configured PBX, shared by every resource in this process. */
export function portSipClient(): VendorClient {
    assertVendorSettings("pbx");
    const baseUrl = getSetting("pbxUrl")!;
    const token = getSetting("pbxToken");
    const username = getSetting("pbxUsername");
    const domain = getSetting("pbxDomain");
    const password = token ? undefined : getSetting("pbxPassword");
    return cached(["portsip", baseUrl, token, username, password, domain], () =>
        createVendorClient({
            ...clientOptions(baseUrl),
            tokens: token ? staticToken(token) : loginTokenSource(baseUrl, username!, password!, domain),
        }),
    );
}
