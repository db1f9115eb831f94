import { getSetting, requireSetting } from "../config";
import { CachedTokenSource, staticToken, type AccessToken, type TokenSource } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { PortSipApiError } from "../http/errors";
import { assertTransportAllowed } from "../http/transport-guard";

/** The client id PortSIP documents for its OAuth password grant. */
const portSipOAuthClientId = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a";

interface PortSipErrorBody {
    errors?: Array<{ code?: string; message?: string; detail?: unknown }>;
}

export function parsePortSipError(body: unknown): { code?: string; message?: string; detail?: unknown } {
    const errors = (body as PortSipErrorBody | undefined)?.errors;
    if (!Array.isArray(errors) || errors.length === 0) {
        return typeof body === "string" && body ? { message: body.slice(0, 300) } : {};
    }
    return {
        code: errors[0].code,
        message: errors.map((e) => e.message).filter(Boolean).join("; "),
        detail: errors.some((e) => e.detail !== undefined) ? errors.map((e) => e.detail) : undefined,
    };
}

interface TokenResponse {
    access_token: string;
    expires_in?: number;
    refresh_token?: string;
}

/** Logs in with username/password (tenant `domain` optional), renewing with the refresh token when it can. */
function loginTokenSource(baseUrl: string, username: string, password: string, domain?: string): TokenSource {
    const tokenClient = createVendorClient({
        vendor: "PortSIP",
        baseUrl,
        errors: (d) => new PortSipApiError(d),
        parseError: parsePortSipError,
        secrets: [password],
    });
    let refreshToken: string | undefined;
    const grant = async (form: Record<string, string>): Promise<AccessToken> => {
        const body = await tokenClient.send<TokenResponse>({
            operation: form.grant_type === "password" ? `log in as ${username}` : `refresh the token of ${username}`,
            method: "POST",
            path: "api/login/oauth/token",
            form: { ...form, client_id: portSipOAuthClientId },
            anonymous: true,
            idempotent: true, // a login changes nothing
        });
        refreshToken = body.refresh_token;
        return {
            value: body.access_token,
            expiresAt: body.expires_in ? Date.now() + body.expires_in * 1000 : undefined,
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
    const baseUrl = requireSetting("pbxUrl", "the PortSIP PBX REST API base, e.g. https://pbx.example.com:8887");
    assertTransportAllowed("PortSIP", baseUrl, "ucaas:pbxUrl");
    const token = getSetting("pbxToken");
    const username = getSetting("pbxUsername");
    const domain = getSetting("pbxDomain");
    if (!token && !username) {
        requireSetting("pbxToken", "a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in");
    }
    const password = token ? undefined : requireSetting("pbxPassword", `the password of PortSIP user ${username}`);
    return cached(["portsip", baseUrl, token, username, password, domain], () =>
        createVendorClient({
            vendor: "PortSIP",
            baseUrl,
            errors: (d) => new PortSipApiError(d),
            parseError: parsePortSipError,
            tokens: token ? staticToken(token) : loginTokenSource(baseUrl, username!, password!, domain),
            secrets: [token, password].filter((s): s is string => !!s),
        }),
    );
}
