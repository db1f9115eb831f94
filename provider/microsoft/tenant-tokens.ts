/**
 * The setting `ucaas:teamsMicrosoftTokens`: one secret holding a JSON object from a Microsoft
 * tenant id to the refresh token of a Teams administrator of that tenant, as `pulumi-ucaas
 * teams-login --tenant <id>` writes it: `{"0b7e3c9a-...": "1.AXkA..."}`. Pure: nothing is read here.
 */

const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Microsoft tenant id is a GUID; compared without regard to letter case. */
export const isTenantId = (value: string) => tenantIdPattern.test(value);

export type TenantTokensReading = { tokens: ReadonlyMap<string, string>; problem?: undefined } | { tokens?: undefined; problem: string };

/**
 * The tenants and their refresh tokens, keys in lower case; or what is wrong, in words that never
 * show a token (a clause after "is", e.g. "not JSON").
 */
export function readTenantTokens(raw: string): TenantTokensReading {
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        return { problem: "not JSON" };
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return { problem: "not a JSON object" };
    }
    const problems: string[] = [];
    const tokens = new Map<string, string>();
    for (const [tenantId, token] of Object.entries(parsed)) {
        if (!isTenantId(tenantId)) problems.push(`its key "${tenantId.slice(0, 40)}" is not a Microsoft tenant id (a GUID)`);
        else if (typeof token !== "string" || token.trim() === "") problems.push(`the refresh token of tenant ${tenantId} is not a non-empty string`);
        else if (tokens.has(tenantId.toLowerCase())) problems.push(`tenant ${tenantId} is given twice`);
        else tokens.set(tenantId.toLowerCase(), token);
    }
    if (problems.length) return { problem: problems.join(", and ") };
    return tokens.size ? { tokens } : { problem: "an empty object" };
}

/** The setting's value with `tenantId`'s refresh token set (added, or replacing the old one). */
export function withTenantToken(raw: string | undefined, tenantId: string, refreshToken: string): string {
    const current = raw === undefined ? new Map<string, string>() : readTenantTokens(raw).tokens;
    if (!current) {
        throw new Error("the current ucaas:teamsMicrosoftTokens cannot be read; remove it with `pulumi config rm ucaas:teamsMicrosoftTokens` first");
    }
    const next = Object.fromEntries(current);
    next[tenantId.toLowerCase()] = refreshToken;
    return JSON.stringify(next);
}
