import { z } from "zod";
import { rosterSections, type RosterSection } from "./sections";
import { secretField } from "./secret-ref";

/** A section's entry schema: the resource's own schema with secret fields taking `{ secret: key }`. */
export function entrySchema(section: RosterSection): z.ZodObject {
    const secrets = Object.fromEntries(
        section.secretKeys.map((key) => {
            const field = section.schema.shape[key] as z.ZodType | undefined;
            const optional = field?.safeParse(undefined).success ?? true;
            const ref = secretField(field?.description);
            return [key, optional ? ref.optional() : ref];
        }),
    );
    // safeExtend keeps the resource's cross-field rules (e.g. secrets required unless adopting).
    return section.schema.safeExtend(secrets as never);
}

function buildRosterSchema() {
    const vendors = [...new Set(rosterSections.map((s) => s.vendor))];
    const shape = Object.fromEntries(
        vendors.map((vendor) => {
            const lists = rosterSections.filter((s) => s.vendor === vendor);
            const vendorShape = Object.fromEntries(
                lists.map((s) => [s.list, z.array(entrySchema(s)).optional().describe(`${s.kind} resources.`)]),
            );
            return [vendor, z.strictObject(vendorShape).optional()];
        }),
    );
    return z.strictObject(shape).describe("A pulumi-ucaas roster: the users, roles and number assignments an ops team keeps in code.");
}

/** The whole roster file. `schema/roster.schema.json` is generated from it. */
export const RosterSchema = buildRosterSchema();
