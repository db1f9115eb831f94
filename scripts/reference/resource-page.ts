/** docs/resources/<resource>.md: every field of a resource, from its zod schemas and its ResourceReference. */
import type { z } from "zod";
import { typeToken } from "../../provider/dynamic/kinds";
import type { ResourceReference } from "../../provider/reference/resource-reference";
import { typeText } from "./field-types";
import { code, generatedNote, page, table } from "./markdown";
import { typesFile } from "./types";
import { core, descriptionOf, elementOf, isOptional, shapeOf } from "./zod-reading";

export const kebab = (kind: string) => kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

export const resourcePageFile = (ref: ResourceReference) => `docs/resources/${kebab(ref.kind)}.md`;

interface Field {
    /** Keys from the top, `[]` for the items of a list: `["outboundCallerIds", "[]", "providerId"]`. */
    path: string[];
    schema: z.ZodType;
    required: boolean;
    /** The path of the first field with the same object schema, whose members are listed there. */
    sameAs?: string;
}

const shown = (path: readonly string[]) => path.join(".").replace(/\.\[\]/g, "[]");

/** Every field at every depth, depth-first; an object met again is listed once and referred to. */
function fieldsOf(shape: Record<string, z.ZodType>, parent: string[] = [], seen = new Map<z.ZodType, string>()): Field[] {
    return Object.entries(shape).flatMap(([key, schema]) => {
        const field: Field = { path: [...parent, key], schema, required: !isOptional(schema, "input") };
        const element = elementOf(schema, "input");
        const [container, path] = element ? [element, [...field.path, "[]"]] : [schema, field.path];
        const members = shapeOf(container, "input");
        if (!members) {
            return [field];
        }
        const object = core(container, "input");
        const first = seen.get(object);
        if (first) {
            return [{ ...field, sameAs: first }];
        }
        seen.set(object, shown(path));
        return [field, ...fieldsOf(members, path, seen)];
    });
}

function inputRows(ref: ResourceReference): string[][] {
    return fieldsOf(ref.args.shape).map(({ path, schema, required, sameAs }) => {
        const top = path.length === 1 ? path[0] : undefined;
        return [
            code(shown(path)),
            sameAs ? `${typeText(schema)} with the fields of ${code(sameAs)}` : typeText(schema),
            required ? "yes" : "",
            top && ref.secretKeys.includes(top) ? "secret" : "",
            top && ref.replaceKeys.includes(top) ? "replaces" : "",
            ref.wireName(path) ?? "(not sent)",
            descriptionOf(schema) ?? "",
        ];
    });
}

function outputRows(ref: ResourceReference): string[][] {
    return Object.entries(ref.computed?.shape ?? {}).map(([key, schema]) => [
        code(key),
        typeText(schema),
        ref.secretKeys.includes(key) ? "secret" : "",
        ref.wireName([key]) ?? "",
        descriptionOf(schema) ?? "",
    ]);
}

export function resourcePage(ref: ResourceReference): string {
    const { kind } = ref;
    const get =
        "reads" in ref.get
            ? `**\`ucaas.${kind}.get(name, id, opts?)\`**: a read-only reference to an existing object, by its id, through the provider's \`read\`: ` +
              `${ref.get.reads} Nothing is created, changed or deleted (destroy leaves it); every \`preview\` and \`up\` reads it ` +
              "again (a reference is a vendor read in every preview); it can be a dependency. An id the vendor does not know fails the " +
              "deployment with an error that names it."
            : `**\`ucaas.${kind}.get\`** is refused: ${ref.get.refused}`;
    const computed = outputRows(ref);
    return page([
        generatedNote(`${ref.module}.schema.ts and ${ref.module}.reference.ts`),
        `# ${kind}`,
        `\`new ucaas.${kind}(name, args, opts?)\`; type token \`${typeToken(kind)}\`; vendor: ${ref.vendor}.`,
        ref.summary,
        [
            `- **Id**: ${ref.id}.`,
            `- **Natural key**: ${ref.naturalKey}. Create fails when an object with it exists, unless \`adopt: true\` (take it over and converge it).`,
            `- ${get}`,
            `- **Declarations**: \`${typesFile(ref)}\` (\`${kind}Args\`, \`${kind}Outputs\`); JSON Schema of the args: \`schema/${kebab(kind)}.schema.json\`.`,
        ].join("\n"),
        "## Inputs",
        "**required**: the args must set it; **secret**: secret in state and previews (set it from a secret, e.g. " +
            "`config.requireSecret`); **replaces**: a change replaces the object; **wire name**: the vendor's spelling; " +
            "nested properties take their parent's secrecy and replacement.",
        table(["property", "type", "required", "secret", "replaces", "wire name", "description"], inputRows(ref)),
        "## Outputs",
        `Every input is also an output, as \`check\` normalized it (defaults filled in, values in their stored spelling)${computed.length ? ". Besides:" : ", and there are no others."}`,
        computed.length > 0 && table(["property", "type", "secret", "wire name", "description"], computed),
    ]);
}
