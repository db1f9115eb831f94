import { z } from "zod";
import { sectionsDescription } from "./declared-sections";
import { EntryOptionsSchema, optionsKey } from "./entry-options";
import { rosterSections, sectionPath, type RosterSection } from "./sections";
import { secretField } from "./secret-ref";
import { EntryShardSchema, ShardsSchema, shardKey } from "./shards";
import { TenantAliasesSchema } from "./tenants";

/**
 * A section's entry schema: the resource's own schema with secret fields taking `{ secret: key }`,
 * and the entry's resource options (`options:`, see entry-options.ts).
 */
export function entrySchema(section: RosterSection): z.ZodObject {
    const secrets = Object.fromEntries(
        section.secretKeys.map((key) => {
            const field = section.schema.shape[key] as z.ZodType | undefined;
            const optional = field?.safeParse(undefined).success ?? true;
            const ref = secretField(field?.description);
            return [key, optional ? ref.optional() : ref];
        }),
    );
    const described = Object.fromEntries(
        Object.entries(section.rosterDescriptions ?? {}).map(([key, text]) => [key, (section.schema.shape[key] as z.ZodType).describe(text)]),
    );
    for (const [key, use] of [[optionsKey, "its resource options"], [shardKey, "its shard"]]) {
        if (key in section.schema.shape) {
            throw new Error(`${section.kind} has an argument named "${key}", which a roster entry uses for ${use}; rename one.`);
        }
    }
    // safeExtend keeps the resource's cross-field rules (e.g. secrets required unless adopting).
    return section.schema.safeExtend({ ...described, ...section.rosterFields, ...secrets, [optionsKey]: EntryOptionsSchema.optional(), [shardKey]: EntryShardSchema.optional() } as never);
}

/** Roster-only keys of a vendor object that are not sections of resources. */
const vendorSettings: Record<string, z.ZodRawShape> = {
    teams: { tenants: TenantAliasesSchema.optional() },
};

function buildRosterSchema() {
    const vendors = [...new Set(rosterSections.map((s) => s.vendor))];
    const shape: Record<string, z.ZodType> = Object.fromEntries(
        vendors.map((vendor) => {
            const lists = rosterSections.filter((s) => s.vendor === vendor);
            const vendorShape = Object.fromEntries(
                lists.map((s) => [s.list, z.array(entrySchema(s)).optional().describe(`${s.kind} resources.`)]),
            );
            return [vendor, z.strictObject({ ...vendorShape, ...vendorSettings[vendor] }).optional()];
        }),
    );
    shape.shards = ShardsSchema.optional();
    // Optional here so that its absence is reported by the declared-sections rule, which says why it matters.
    shape.sections = z
        .array(z.enum(rosterSections.map(sectionPath) as [string, ...string[]]))
        .optional()
        .describe(sectionsDescription);
    return z.strictObject(shape).describe("A pulumi-ucaas roster: the users, roles and number assignments an ops team keeps in code.");
}

/** The whole roster file. `schema/roster.schema.json` is generated from it, with the declared-sections rule added. */
export const RosterSchema = buildRosterSchema();
