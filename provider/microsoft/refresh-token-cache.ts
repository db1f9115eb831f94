/**
 * msal-node keeps refresh tokens out of its AuthenticationResult, in its token cache only; the
 * serialized cache is where the one Microsoft just issued (a new one comes with every grant) is read.
 */
import type { PublicClientApplication } from "@azure/msal-node";

export function newestRefreshToken(app: PublicClientApplication): string | undefined {
    const cache = JSON.parse(app.getTokenCache().serialize()) as { RefreshToken?: Record<string, { secret?: string }> };
    const secrets = Object.values(cache.RefreshToken ?? {}).map((entry) => entry.secret).filter((secret): secret is string => !!secret);
    return secrets.at(-1);
}
