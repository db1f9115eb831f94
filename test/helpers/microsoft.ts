import { spawn } from "node:child_process";
import * as tls from "node:tls";
import type { MicrosoftIdentityHandle, TeamsSimulatorHandle } from "pulumi-ucaas/simulators";
import { bins, type RunResult } from "../cli/run";

/** The scope the provider asks for by default (ucaas:teamsMicrosoftScopes). */
export const teamsAdminScope = "48ac35b8-9aa8-4d74-927d-1f4a14a0b239/user_impersonation";

const trusted = new Set<string>();

/**
 * Trusts a simulator's test CA in this process, as NODE_EXTRA_CA_CERTS does for a new one (it is
 * read only when a Node process starts, after which the simulator's CA did not exist yet).
 */
export function trustInThisProcess(caCert: string): void {
    if (trusted.has(caCert)) return;
    trusted.add(caCert);
    tls.setDefaultCACertificates([...tls.getCACertificates("default"), ...trusted]);
}

/** The Teams administrator and the user without a role of `tenantId` (defaultMicrosoftUsers). */
export function microsoftUsers(sim: TeamsSimulatorHandle, tenantId = sim.tenant.tenantId): { admin: string; user: string } {
    const tenant = sim.microsoft.state().tenants.find((t) => t.tenantId === tenantId)!;
    return {
        admin: tenant.users.find((u) => u.roles.length > 0)!.username,
        user: tenant.users.find((u) => u.roles.length === 0)!.username,
    };
}

export interface MicrosoftTokenResponse {
    access_token: string;
    refresh_token: string;
    id_token: string;
    client_info: string;
    expires_in: number;
    scope: string;
    token_type: string;
}

const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
});

/** A device-code sign-in over plain HTTP calls (no msal): the tokens Microsoft issues to `username`. */
export async function signInDirectly(ms: MicrosoftIdentityHandle, tenantId: string, username: string, scopes = [teamsAdminScope, "offline_access"]): Promise<MicrosoftTokenResponse> {
    trustInThisProcess(ms.caCert);
    const clientId = ms.client.clientId;
    const code = (await (await fetch(`${ms.url}/${tenantId}/oauth2/v2.0/devicecode`, form({ client_id: clientId, scope: scopes.join(" ") }))).json()) as { user_code: string; device_code: string };
    ms.approveDeviceCode(code.user_code, username);
    const answer = await fetch(`${ms.url}/${tenantId}/oauth2/v2.0/token`, form({ client_id: clientId, grant_type: "device_code", device_code: code.device_code }));
    if (answer.status !== 200) throw new Error(`sign-in failed: ${await answer.text()}`);
    return (await answer.json()) as MicrosoftTokenResponse;
}

/** The seed's MSALAuthenticationResult made from a token response. */
export function msalObject(tokens: MicrosoftTokenResponse, tenantId: string, username: string): Record<string, unknown> {
    const expiresOn = Math.floor(Date.now() / 1000) + tokens.expires_in;
    return {
        authenticationResult: {
            accessToken: tokens.access_token,
            accessTokenType: "Bearer",
            expiresAfter: tokens.expires_in,
            expiresOn,
            expiresOnDate: new Date(expiresOn * 1000).toISOString(),
            idToken: tokens.id_token,
            refreshToken: tokens.refresh_token,
            userInfo: { displayableId: username, identityProvider: `${tenantId}`, tenantId },
        },
        tenantId,
    };
}

/** POSTs to a tenant's token endpoint that carry a refresh-token grant: the token acquisitions. */
export function refreshGrants(ms: MicrosoftIdentityHandle, tenantId?: string) {
    return ms
        .requests()
        .filter((r) => r.method === "POST" && r.path.endsWith("/oauth2/v2.0/token") && (r.body as { grant_type?: string })?.grant_type === "refresh_token")
        .filter((r) => tenantId === undefined || r.path.startsWith(`/${tenantId}/`));
}

/**
 * Runs `pulumi-ucaas teams-login` and plays the administrator: when the device code appears on
 * stderr, completes the sign-in as `username` (or declines it).
 */
export function runTeamsLogin(
    ms: MicrosoftIdentityHandle,
    args: string[],
    options: { cwd: string; env: Record<string, string>; username?: string; decline?: boolean },
): Promise<RunResult & { userCode?: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bins.ucaas, "teams-login", ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } });
        let stdout = "";
        let stderr = "";
        let userCode: string | undefined;
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => {
            stderr += chunk;
            const shown = /enter the code ([A-Z0-9]+) to authenticate/.exec(stderr);
            if (shown && !userCode) {
                userCode = shown[1];
                if (options.decline) ms.declineDeviceCode(userCode);
                else if (options.username) ms.approveDeviceCode(userCode, options.username);
            }
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, userCode }));
        child.stdin.end();
    });
}
