import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { Props } from "./handlers";

/**
 * Output property holding a digest of the inputs last applied. The engine never shows `__` keys.
 *
 * A dynamic provider only sees old outputs, never old inputs, and the engine answers an undecided
 * diff by comparing old and new inputs. After `refresh` records drift, the inputs have not changed,
 * so that comparison finds nothing: the digest tells drift (inputs as applied, live state differs)
 * apart from an edit of the program.
 */
export const appliedInputsKey = "__appliedInputs";

export function inputsDigest(inputs: Props): string {
    const declared = Object.fromEntries(Object.entries(inputs).filter(([key]) => !key.startsWith("__")));
    return createHash("sha256").update(canonical(declared)).digest("base64url").slice(0, 22);
}

export interface DiffSpec {
    /** The input properties compared; computed outputs and `__provider` are never compared. */
    inputKeys: readonly string[];
    /** Properties the vendor cannot change in place. */
    replaceKeys: readonly string[];
    /** Replace by deleting first, when the old and new object would collide on a unique key. */
    deleteBeforeReplace?: boolean;
}

/**
 * Answers `changes: false` when nothing material changed. When the program changed, it leaves
 * `changes` undefined and names the replacing properties, so the engine computes the
 * property-level diff itself (a dynamic provider cannot send a detailed diff of its own). When only
 * the live object drifted from what was applied, it answers `changes: true`, since the engine's own
 * input comparison would see nothing.
 */
export function diffInputs(spec: DiffSpec, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const changed = changedKeys(spec.inputKeys, olds, news);
    if (changed.length === 0) {
        return { changes: false };
    }
    const replaces = changed.filter((key) => spec.replaceKeys.includes(key));
    const replacing = replaces.length ? { replaces, deleteBeforeReplace: spec.deleteBeforeReplace ?? false } : { replaces: [] };
    const driftOnly = olds[appliedInputsKey] !== undefined && olds[appliedInputsKey] === inputsDigest(news);
    return driftOnly ? { changes: true, ...replacing } : replacing;
}

export function changedKeys(keys: readonly string[], olds: Props, news: Props): string[] {
    return keys.filter((key) => !sameValue(olds[key], news[key]));
}

/** Deep equality where null and a missing value mean the same thing and key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
    return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
    return JSON.stringify(prune(value)) ?? "undefined";
}

function prune(value: unknown): unknown {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (Array.isArray(value)) {
        return value.map((item) => prune(item) ?? null);
    }
    if (typeof value === "object") {
        const entries = Object.entries(value)
            .map(([key, inner]) => [key, prune(inner)] as const)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return Object.fromEntries(entries);
    }
    return value;
}
