/**
 * The enterprise's Microsoft sign-in at run time: for a tenant listed in `ucaas:teamsMicrosoftTokens`,
 * one silent acquisition (msal-node's refresh-token grant) per provider process, shared by every
 * resource of that tenant, renewed only when the access token is about to expire. Microsoft hands
 * out a new refresh token with each grant; the run uses the newest, and the stack config keeps the
 * one `teams-login` stored (it is not written back).
 */
import type { AuthenticationResult } from "@azure/msal-node";
import { getSetting, SettingsError } from "../config";
import { cached } from "../http/client-cache";
import { registerSecret } from "../http/secret-values";
import { MicrosoftSignInError, signInFailure } from "./errors";
import { msalClient, type MicrosoftApp, type MsalClient } from "./msal-client";
import { newestRefreshToken } from "./refresh-token-cache";
import { readTenantTokens } from "./tenant-tokens";

/** What a provisioning call needs of the sign-in: msal's result and the refresh token it came with. */
export interface EnterpriseSignIn {
    accessToken: string;
    tokenType: string;
    expiresOn: Date;
    idToken: string;
    refreshToken: string;
    /** The signed-in administrator's user principal name. */
    username: string;
    /** The ID token's issuer: Microsoft's identity provider for the tenant. */
    identityProvider: string;
    tenantId: string;
}

/** Renewed this long before it expires, so that ConnecttoTeams receives a token with time left to use it. */
export const renewBeforeExpiryMs = 5 * 60_000;

export const teamsLoginCommand = (tenantId: string) => `npx pulumi-ucaas teams-login --tenant ${tenantId}`;

export class TenantTokenSource {
    /** Grants made by this process (for tests and the report's counts). */
    acquisitions = 0;
    private current?: EnterpriseSignIn;
    private inFlight?: Promise<EnterpriseSignIn>;
    private refreshToken: string;
    private client?: MsalClient;

    constructor(private readonly target: MicrosoftApp, private readonly scopes: string[], storedRefreshToken: string) {
        registerSecret(storedRefreshToken);
        this.refreshToken = storedRefreshToken;
    }

    /** A sign-in whose access token has more than `renewBeforeExpiryMs` left. */
    async get(): Promise<EnterpriseSignIn> {
        if (this.current && this.current.expiresOn.getTime() - renewBeforeExpiryMs > Date.now()) {
            return this.current;
        }
        this.inFlight ??= this.acquire().finally(() => (this.inFlight = undefined));
        return this.inFlight;
    }

    private async acquire(): Promise<EnterpriseSignIn> {
        this.client ??= msalClient(this.target);
        const { app, network } = this.client;
        const tenantId = this.target.tenantId;
        const operation = `get an access token for tenant ${tenantId} with its stored sign-in (ucaas:teamsMicrosoftTokens)`;
        this.acquisitions++;
        let result: AuthenticationResult | null;
        try {
            result = await app.acquireTokenByRefreshToken({ refreshToken: this.refreshToken, scopes: this.scopes, forceCache: true });
        } catch (error) {
            throw signInFailure(error, operation, network, {
                signInAgain:
                    `The stored Microsoft sign-in of tenant ${tenantId} has expired or was revoked (a Microsoft refresh token lasts 90 days ` +
                    `from teams-login unless the tenant's policies end it sooner): run \`${teamsLoginCommand(tenantId)}\` in this project.`,
                wrongClient: "Check ucaas:teamsMicrosoftClientId: it must be the application the sign-in was made with.",
            });
        }
        if (!result?.accessToken || !result.expiresOn) {
            throw new MicrosoftSignInError({ operation, vendorMessage: "msal-node returned no access token or no expiry" });
        }
        if (result.tenantId.toLowerCase() !== tenantId) {
            throw new MicrosoftSignInError({
                operation,
                vendorMessage: `the stored sign-in is of tenant ${result.tenantId}, not ${tenantId}: run \`${teamsLoginCommand(tenantId)}\` in this project`,
            });
        }
        this.refreshToken = newestRefreshToken(app) ?? this.refreshToken;
        for (const secret of [result.accessToken, result.idToken, this.refreshToken]) registerSecret(secret);
        this.current = {
            accessToken: result.accessToken,
            tokenType: result.tokenType,
            expiresOn: result.expiresOn,
            idToken: result.idToken,
            refreshToken: this.refreshToken,
            username: result.account?.username ?? "",
            identityProvider: String((result.idTokenClaims as { iss?: string } | undefined)?.iss ?? ""),
            tenantId,
        };
        return this.current;
    }
}

/**
 * The token source of a tenant that signed in with teams-login, shared by every resource of the
 * tenant in this process; undefined for a tenant that acts with the reseller token alone.
 */
export function enterpriseTokens(tenantId: string): TenantTokenSource | undefined {
    const raw = getSetting("teamsMicrosoftTokens");
    if (raw === undefined) return undefined;
    const reading = readTenantTokens(raw);
    if (!reading.tokens) throw new SettingsError([`Setting ucaas:teamsMicrosoftTokens is ${reading.problem}.`]);
    reading.tokens.forEach((token) => registerSecret(token));
    const refreshToken = reading.tokens.get(tenantId.toLowerCase());
    if (refreshToken === undefined) return undefined;
    const target: MicrosoftApp = {
        authorityHost: getSetting("teamsMicrosoftAuthority")!,
        tenantId: tenantId.toLowerCase(),
        clientId: getSetting("teamsMicrosoftClientId")!,
    };
    const scopes = getSetting("teamsMicrosoftScopes")!.split(/\s+/).filter(Boolean);
    return cached(["microsoft", target.authorityHost, target.clientId, target.tenantId, scopes.join(" "), refreshToken], () => new TenantTokenSource(target, scopes, refreshToken));
}
