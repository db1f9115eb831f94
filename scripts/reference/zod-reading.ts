/**
 * How the generators read a zod schema: through its wrappers (optional, default, pipe, ...) to the
 * type underneath, on the side that matters. `input` is what a program writes (defaults optional,
 * a transform's input); `output` is what `check` produces and the state holds.
 */
import { z } from "zod";

export type Side = "input" | "output";

/** The parts of zod 4's schema definitions the generators read. */
export interface Def {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    out?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    valueType?: z.ZodType;
    options?: z.ZodType[];
    entries?: Record<string, string | number>;
    values?: unknown[];
    defaultValue?: unknown;
}

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that leave the type alone on both sides. */
const transparent = new Set(["optional", "default", "prefault", "readonly", "catch", "nonoptional"]);

/**
 * The next schema inward on `side`, or undefined at the bottom. A pipe reads its input on the input
 * side and its output on the output side, except that a transform's result type is not known at
 * run time: there the schema it transforms stands for it (every transform in this package
 * normalizes a value into one of the same type; the type-level test holds the generated
 * declarations to zod's own inference, so a transform that changes the type is caught there).
 */
export function inner(schema: z.ZodType, side: Side): z.ZodType | undefined {
    const def = defOf(schema);
    if (transparent.has(def.type)) {
        return def.innerType;
    }
    if (def.type === "pipe") {
        return side === "input" || defOf(def.out!).type === "transform" ? def.in : def.out;
    }
    return undefined;
}

/** The schema under every wrapper: an object, a string, an enum, ... */
export function core(schema: z.ZodType, side: Side): z.ZodType {
    let current = schema;
    for (let next = inner(current, side); next; next = inner(current, side)) {
        current = next;
    }
    return current;
}

/** Metadata of the schema or of the first wrapped schema that has it (`.describe()` may sit on a wrapper). */
function firstMeta<K extends "description" | "title">(schema: z.ZodType, key: K): string | undefined {
    for (let current: z.ZodType | undefined = schema; current; current = inner(current, "input")) {
        const value = z.globalRegistry.get(current)?.[key];
        if (typeof value === "string") {
            return value;
        }
    }
    return undefined;
}

export const descriptionOf = (schema: z.ZodType) => firstMeta(schema, "description");
export const titleOf = (schema: z.ZodType) => firstMeta(schema, "title");

/** Whether a property may be left out on `side` (an optional field; on the input side also one with a default). */
export function isOptional(schema: z.ZodType, side: Side): boolean {
    const zod = (schema as unknown as { _zod: { optin?: string; optout?: string } })._zod;
    // zod marks a field with a default "defaulted" on the input side: it may be left out.
    return side === "input" ? zod.optin === "optional" || zod.optin === "defaulted" : zod.optout === "optional";
}

/** A field that only exists to be refused (a deprecated vendor field): `z.never()`. */
export const isRefused = (schema: z.ZodType) => defOf(core(schema, "input")).type === "never";

/** The value a default or prefault fills in when the field is left out, if any. */
export function defaultOf(schema: z.ZodType): { value: unknown } | undefined {
    for (let current: z.ZodType | undefined = schema; current; current = inner(current, "input")) {
        const def = defOf(current);
        if (def.type === "default" || def.type === "prefault") {
            return { value: def.defaultValue };
        }
    }
    return undefined;
}

/** The values of an enum or literal, if the schema is one. */
export function choicesOf(schema: z.ZodType, side: Side): unknown[] | undefined {
    const def = defOf(core(schema, side));
    if (def.type === "enum") {
        return Object.values(def.entries!);
    }
    return def.type === "literal" ? def.values : undefined;
}

/** The members of an object schema, or undefined for any other schema. */
export function shapeOf(schema: z.ZodType, side: Side): Record<string, z.ZodType> | undefined {
    const def = defOf(core(schema, side));
    return def.type === "object" ? def.shape : undefined;
}

/** The element of an array schema, or undefined for any other schema. */
export function elementOf(schema: z.ZodType, side: Side): z.ZodType | undefined {
    const def = defOf(core(schema, side));
    return def.type === "array" ? def.element : undefined;
}
