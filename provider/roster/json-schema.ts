import { z } from "zod";
import { declaredSectionsJsonSchema } from "./declared-sections";
import { RosterSchema } from "./schema";
import { rosterSections } from "./sections";

const kebab = (kind: string) => kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

function toJsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
    // `io: "input"`: what people write (defaults optional), not what check produces.
    return { title, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-7" }) };
}

/**
 * The files of `schema/`, generated from the zod schemas the resources validate with: the roster
 * (for editors, through the `yaml-language-server` comment) and one schema per resource's args.
 */
export function generateJsonSchemas(): Record<string, Record<string, unknown>> {
    const files: Record<string, Record<string, unknown>> = {
        "roster.schema.json": { ...toJsonSchema(RosterSchema, "pulumi-ucaas roster"), ...declaredSectionsJsonSchema() },
    };
    for (const section of rosterSections) {
        files[`${kebab(section.kind)}.schema.json`] = toJsonSchema(section.schema, `${section.kind} arguments`);
    }
    return files;
}

export function serializeJsonSchema(schema: Record<string, unknown>): string {
    return JSON.stringify(schema, null, 2) + "\n";
}
