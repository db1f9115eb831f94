/**
 * Access tokens for the Masergy provisioning API from its Keycloak realm (client `token-api`):
 * the refresh-token grant with the offline refresh token, or the password grant with
 * `scope=offline_access` once per run. Every token response may carry a newer refresh token; the
 * newest one is used for the rest of the run (Keycloak can be set to make them single-use).
 */
import type { z } from "zod";
import { CachedTokenSource, type TokenSource } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { registerSecret } from "../http/secret-values";
import { masergyAnswers, masergyErrorFormat, type MasergyTokenAnswer } from "./masergy-answers";

export const masergyOAuthClientId = "token-api";

export type MasergyCredential =
    | { kind: "refreshToken"; refreshToken: string }
    | { kind: "password"; username: string; password: string };

type KeycloakTokenResponse = z.output<typeof MasergyTokenAnswer>;

const loginCommand = "npx pulumi-ucaas masergy-login";

/** The token endpoint as a client: its folder as base URL and its last segment as path (no trailing slash). */
function tokenEndpoint(tokenUrl: string): { client: VendorClient; path: string } {
    const trimmed = tokenUrl.replace(/\/+$/, "");
    const cut = trimmed.lastIndexOf("/");
    const client = cached(["masergy-token", trimmed], () =>
        createVendorClient({
            vendor: "Masergy",
            baseUrl: trimmed.slice(0, cut),
            errors: (d) => new MasergyApiError(d),
            errorFormat: masergyErrorFormat,
        }),
    );
    return { client, path: trimmed.slice(cut + 1) };
}

function withAdvice(error: unknown, advice: string): unknown {
    if (!(error instanceof MasergyApiError) || error.vendorCode !== "invalid_grant") {
        return error;
    }
    return new MasergyApiError({
        operation: error.operation,
        statusCode: error.statusCode,
        vendorCode: error.vendorCode,
        vendorMessage: `${error.vendorMessage ?? "invalid grant"}. ${advice}`,
        attempts: error.attempts,
        inVendorFormat: error.inVendorFormat,
    });
}

const expiredRefreshTokenAdvice =
    "The offline refresh token (ucaas:masergyRefreshToken) has expired or was revoked: Masergy refresh tokens die after " +
    `30 days without use, or when revoked in the self-service UI. Mint a new one with \`${loginCommand}\` in this project ` +
    "(it stores it with `pulumi config set --secret ucaas:masergyRefreshToken`).";

const badPasswordAdvice = "Check ucaas:masergyUsername and ucaas:masergyPassword (UCAAS_MASERGY_USERNAME, UCAAS_MASERGY_PASSWORD).";

/** Sends one grant to the token endpoint; a newer refresh token in the answer is scrubbed from messages like the rest. */
async function grant(tokenUrl: string, form: Record<string, string>, operation: string): Promise<KeycloakTokenResponse> {
    const endpoint = tokenEndpoint(tokenUrl);
    const body = await endpoint.client.send({
        operation,
        method: "POST",
        path: endpoint.path,
        form: { ...form, client_id: masergyOAuthClientId },
        answer: masergyAnswers.token,
        anonymous: true,
        idempotent: true, // a grant changes nothing the caller can see twice
        readOnly: true,
    });
    registerSecret(body.refresh_token);
    return body;
}

function refreshGrant(tokenUrl: string, refreshToken: string): Promise<KeycloakTokenResponse> {
    registerSecret(refreshToken);
    return grant(tokenUrl, { grant_type: "refresh_token", refresh_token: refreshToken }, "get an access token with the offline refresh token");
}

function passwordGrant(tokenUrl: string, username: string, password: string): Promise<KeycloakTokenResponse> {
    registerSecret(password); // also when it comes from the masergy-login prompt rather than a setting
    return grant(
        tokenUrl,
        { grant_type: "password", username, password, scope: "offline_access" },
        `log in to Masergy as ${username}`,
    ).catch((error: unknown) => {
        throw withAdvice(error, badPasswordAdvice);
    });
}

/** Mints an offline refresh token (what `pulumi-ucaas masergy-login` stores). */
export async function mintOfflineRefreshToken(tokenUrl: string, username: string, password: string): Promise<string> {
    const body = await passwordGrant(tokenUrl, username, password);
    if (!body.refresh_token) {
        throw new MasergyApiError({
            operation: `log in to Masergy as ${username}`,
            statusCode: 200,
            vendorMessage: "the token response has no refresh_token (does the account have the offline_access role?)",
        });
    }
    return body.refresh_token;
}

/** Shared by every request of the run: one token, one refresh in flight, renewed shortly before expiry. */
export function masergyTokenSource(tokenUrl: string, credential: MasergyCredential): TokenSource {
    let refreshToken = credential.kind === "refreshToken" ? credential.refreshToken : undefined;
    const fetchToken = async (): Promise<KeycloakTokenResponse> => {
        if (credential.kind === "refreshToken") {
            return refreshGrant(tokenUrl, refreshToken!).catch((error: unknown) => {
                throw withAdvice(error, expiredRefreshTokenAdvice);
            });
        }
        if (refreshToken) {
            try {
                return await refreshGrant(tokenUrl, refreshToken);
            } catch {
                // The session behind this run's login ended; log in again.
            }
        }
        return passwordGrant(tokenUrl, credential.username, credential.password);
    };
    return new CachedTokenSource(async () => {
        const body = await fetchToken();
        refreshToken = body.refresh_token ?? refreshToken;
        return { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    });
}
