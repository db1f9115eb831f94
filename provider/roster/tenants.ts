import { z } from "zod";

/** `teams.tenants`: short names for Microsoft tenants, alias -> tenant id. */
export type TenantAliases = Readonly<Record<string, string>>;

export const TenantAliasesSchema = z
    .record(
        z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, "must be 1 to 32 letters, digits or '-', starting with a letter or digit"),
        z.string().trim().min(1).describe("The tenant id (a GUID)."),
    )
    .describe(
        "Short names for Microsoft tenants, e.g. `contoso: 0b7e3c9a-...`. A user's tenantId may then be the short name, and " +
            "its logical name reads `teams-user-contoso/<login>`. When this map is present, every user's tenant must be in it. " +
            "Renaming a short name renames the tenant's resources: keep them stable.",
    );

const guid = /^([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant's part of a Teams user's logical name: its alias in `teams.tenants`, else the first
 * eight hex digits of its GUID (short, stable, and the same in every stack), else the id itself.
 */
export function tenantShortName(tenantId: string, tenants: TenantAliases): string {
    const alias = Object.keys(tenants).find((name) => tenants[name] === tenantId);
    return alias ?? guid.exec(tenantId)?.[1].toLowerCase() ?? tenantId;
}

/**
 * The tenant id a user's `tenantId` stands for: an alias resolves to its id. With aliases declared,
 * a value that is neither an alias nor an aliased id is refused (`undefined`): it is most likely a
 * mistyped alias, which the vendor would only report as an unknown tenant.
 */
export function resolveTenant(value: string, tenants: TenantAliases): string | undefined {
    if (Object.hasOwn(tenants, value)) {
        return tenants[value];
    }
    const aliased = Object.values(tenants);
    return aliased.length === 0 || aliased.includes(value) ? value : undefined;
}
