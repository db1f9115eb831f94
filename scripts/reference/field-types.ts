/**
 * A field's type as the reference states it: from the JSON Schema zod generates for the field (the
 * input side: what a program or roster writes), with its constraints and default.
 */
import { z } from "zod";
import { code } from "./markdown";

interface JsonSchema {
    type?: string | string[];
    enum?: unknown[];
    const?: unknown;
    format?: string;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
    items?: JsonSchema;
    additionalProperties?: JsonSchema | boolean;
    properties?: Record<string, JsonSchema>;
    anyOf?: JsonSchema[];
    not?: unknown;
    default?: unknown;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-7" }) as JsonSchema;
}

const formats: Record<string, string> = { email: "email address", uri: "URL" };

function range(low: number | undefined, high: number | undefined, unit: string): string | undefined {
    if (low === 1 && high === undefined && unit === "characters") return "not empty";
    if (low !== undefined && high !== undefined) return low === high ? `${low} ${unit}` : `${low}-${high} ${unit}`;
    if (low !== undefined) return `at least ${low} ${unit}`;
    if (high !== undefined) return `at most ${high} ${unit}`;
    return undefined;
}

/** A JavaScript number that is only the guard against unsafe integers says nothing to a reader. */
const meaningful = (value: number | undefined) => (value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value);

function describe(json: JsonSchema): string {
    if (json.not !== undefined) return "refused";
    if (json.enum) return json.enum.map((value) => code(String(value))).join(" | ");
    if (json.const !== undefined) return code(String(json.const));
    if (json.anyOf) return json.anyOf.map(describe).join(" or ");
    switch (json.type) {
        case "string": {
            const limits = [
                range(json.minLength, json.maxLength, "characters"),
                !json.format && json.pattern && json.pattern.length <= 40 ? `matching ${code(json.pattern)}` : undefined,
            ].filter(Boolean);
            const name = (json.format && formats[json.format]) ?? "string";
            return limits.length ? `${name} (${limits.join(", ")})` : name;
        }
        case "integer":
        case "number": {
            const low = meaningful(json.exclusiveMinimum) !== undefined ? `> ${json.exclusiveMinimum}` : undefined;
            const bounds = low ?? range(meaningful(json.minimum), meaningful(json.maximum), "")?.trim();
            return bounds ? `${json.type} (${bounds})` : json.type;
        }
        case "array":
            return `list of ${json.items ? plural(describe(json.items)) : "values"}`;
        case "object":
            return typeof json.additionalProperties === "object" && !json.properties
                ? `map of string to ${describe(json.additionalProperties)}`
                : "object";
        default:
            return typeof json.type === "string" ? json.type : "any";
    }
}

const plural = (type: string) => type.replace(/^(string|integer|number|boolean|object)\b/, "$1s");

/** The type column: type, constraints and default, e.g. `string (1-64 characters)`, `boolean, default false`. */
export function typeText(schema: z.ZodType): string {
    const json = jsonSchemaOf(schema);
    const text = describe(json);
    return json.default !== undefined && typeof json.default !== "object" ? `${text}, default ${code(JSON.stringify(json.default))}` : text;
}
