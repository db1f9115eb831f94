/**
 * TypeScript declarations printed from zod schemas. Arguments take `pulumi.Input` at every depth
 * (each member and each array element, as Pulumi's own packages declare them); outputs are the
 * plain values `check` produces. An object schema with a `title` in its metadata is printed once,
 * as a named interface, and referenced wherever it occurs; other objects are printed in place.
 */
import type { z } from "zod";
import { defOf, descriptionOf, inner, isOptional, isRefused, titleOf, type Side } from "./zod-reading";

export interface Printer {
    side: Side;
    /** `pulumi.Input<T>` for arguments, `T` for outputs. */
    wrap(type: string): string;
    /** The name of a titled object on this side: `ForwardRule` -> `PbxUserForwardRuleArgs`. */
    nameOf(title: string): string;
    /** Named interfaces met so far, by name, to print after the main ones. */
    named: Map<string, { schema: z.ZodType; text?: string }>;
}

/** A JSDoc comment at `indent`, or nothing. */
export function jsDoc(text: string | undefined, indent: string, tags: string[] = []): string {
    const lines = [...(text ? text.replace(/\*\//g, "*\\/").split("\n") : []), ...tags];
    if (lines.length === 0) {
        return "";
    }
    return lines.length === 1 && !tags.length
        ? `${indent}/** ${lines[0]} */\n`
        : `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

const propertyName = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));

/** `T[]`, parenthesized when T is a union. */
function arrayOf(element: string): string {
    return /^[^{(<]*\|/.test(element) ? `(${element})[]` : `${element}[]`;
}

/** The members of an object schema, one per line with its description. */
export function membersText(shape: Record<string, z.ZodType>, printer: Printer, indent: string, readonlyOutputs = false): string {
    return Object.entries(shape)
        .filter(([, schema]) => printer.side === "input" || !isRefused(schema))
        .map(([key, schema]) => {
            const optional = isOptional(schema, printer.side) ? "?" : "";
            const deprecated = isRefused(schema) ? ["@deprecated"] : [];
            // A refused field takes nothing: `never` (and `@deprecated`) says so where the program is written.
            const type = isRefused(schema) ? "never" : printer.wrap(typeText(schema, printer, indent));
            return `${jsDoc(descriptionOf(schema), indent, deprecated)}${indent}${readonlyOutputs ? "readonly " : ""}${propertyName(key)}${optional}: ${type};`;
        })
        .join("\n");
}

/** The type of one schema on the printer's side (without the outer `pulumi.Input`). */
export function typeText(schema: z.ZodType, printer: Printer, indent: string): string {
    const def = defOf(schema);
    if (def.type === "nullable") {
        return `${typeText(def.innerType!, printer, indent)} | null`;
    }
    const next = inner(schema, printer.side);
    if (next) {
        return typeText(next, printer, indent);
    }
    switch (def.type) {
        case "string":
        case "number":
        case "boolean":
        case "never":
        case "unknown":
        case "undefined":
        case "null":
            return def.type;
        case "bigint":
            return "bigint";
        case "any":
            return "unknown";
        case "enum":
            return Object.values(def.entries!).map((value) => JSON.stringify(value)).join(" | ");
        case "literal":
            return def.values!.map((value) => JSON.stringify(value)).join(" | ");
        case "array":
            return arrayOf(printer.wrap(typeText(def.element!, printer, indent)));
        case "record":
            return `{ [key: string]: ${printer.wrap(typeText(def.valueType!, printer, indent))} }`;
        case "union":
            return def.options!.map((option) => typeText(option, printer, indent)).join(" | ");
        case "object": {
            const title = titleOf(schema);
            if (title) {
                const name = printer.nameOf(title);
                const known = printer.named.get(name);
                if (known && known.schema !== schema) {
                    throw new Error(`Two different schemas are titled "${title}"; give each its own title.`);
                }
                if (!known) {
                    printer.named.set(name, { schema });
                }
                return name;
            }
            return `{\n${membersText(def.shape!, printer, `${indent}    `)}\n${indent}}`;
        }
        default:
            throw new Error(`The generators cannot print a zod ${def.type} schema; describe it with another type.`);
    }
}

/** The named interfaces `printer` met, printing any they meet in turn. */
export function namedInterfaces(printer: Printer): string[] {
    const printed: string[] = [];
    for (let pending = [...printer.named].filter(([, entry]) => entry.text === undefined); pending.length; pending = [...printer.named].filter(([, entry]) => entry.text === undefined)) {
        for (const [name, entry] of pending) {
            entry.text = `${jsDoc(descriptionOf(entry.schema), "")}export interface ${name} {\n${membersText(defOf(entry.schema).shape!, printer, "    ")}\n}`;
            printed.push(entry.text);
        }
    }
    return printed;
}
