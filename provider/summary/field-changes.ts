/**
 * Field-level changes of one resource step. A dynamic provider cannot send a detailed diff, and
 * after `refresh` records drift the inputs have not changed, so the CLI shows no property at all:
 * the changes are computed here from the old state and the new inputs. A field the program changed
 * is an edit (declared before -> declared now); a field the program did not change but the vendor
 * holds differently (the old outputs, as refreshed) is a drift correction (vendor now -> will
 * write). Nested objects are compared leaf by leaf; secrets are never read, only reported changed.
 */
import { sameValue } from "../dynamic/diff";
import type { PreviewStep } from "./digest";
import type { KindSummary } from "./kinds";

/** How the CLI writes a secret value in `--json` output, and how it writes a value not known until apply. */
export const maskedSecret = "[secret]";
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The serialized form of a secret, had it reached the JSON unmasked. */
const secretSignature = "4dabf18193072939515e22adb298388d";

export type FieldChange =
    | { field: string; kind: "edit"; before: unknown; after: unknown; vendorNow?: unknown }
    | { field: string; kind: "drift"; vendorNow: unknown; after: unknown }
    | { field: string; kind: "secret" };

type Props = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Props => value !== null && typeof value === "object" && !Array.isArray(value);

function holdsSecret(value: unknown): boolean {
    if (value === maskedSecret) return true;
    if (Array.isArray(value)) return value.some(holdsSecret);
    if (isPlainObject(value)) return secretSignature in value || Object.values(value).some(holdsSecret);
    return false;
}

/** The top-level property a diff path names: `permissions.general.meeting` and `blfs[0]` -> `permissions`, `blfs`. */
const rootOf = (path: string) => path.split(/[.[]/, 1)[0];

/** The properties the engine itself reports as differing. */
export function reasonsOf(step: PreviewStep): Set<string> {
    return new Set([...(step.diffReasons ?? []), ...(step.replaceReasons ?? []), ...Object.keys(step.detailedDiff ?? {})].map(rootOf));
}

function leafChanges(field: string, declared: unknown, vendorNow: unknown, wanted: unknown, out: FieldChange[]): void {
    const present = [declared, vendorNow, wanted].filter((value) => value !== undefined && value !== null);
    if (present.length && present.every(isPlainObject)) {
        const keys = new Set(present.flatMap((value) => Object.keys(value as Props)));
        for (const key of [...keys].sort()) {
            const at = (value: unknown) => (isPlainObject(value) ? value[key] : undefined);
            leafChanges(`${field}.${key}`, at(declared), at(vendorNow), at(wanted), out);
        }
        return;
    }
    if (!sameValue(declared, wanted)) {
        const drifted = !sameValue(vendorNow, declared) && !sameValue(vendorNow, wanted);
        out.push({ field, kind: "edit", before: declared, after: wanted, ...(drifted ? { vendorNow } : {}) });
    } else if (!sameValue(vendorNow, wanted)) {
        out.push({ field, kind: "drift", vendorNow, after: wanted });
    }
}

/** The changes an update or replacement makes, sorted by field. */
export function fieldChanges(step: PreviewStep, kind: KindSummary): FieldChange[] {
    const declared: Props = step.oldState?.inputs ?? {};
    const vendorNow: Props = step.oldState?.outputs ?? declared;
    const wanted: Props = step.newState?.inputs ?? {};
    const secret = new Set([
        ...kind.secretKeys,
        ...(step.oldState?.additionalSecretOutputs ?? []),
        ...(step.newState?.additionalSecretOutputs ?? []),
    ]);
    const reasons = reasonsOf(step);
    const keys = new Set([...Object.keys(declared), ...Object.keys(wanted)]);
    const changes: FieldChange[] = [];
    for (const key of [...keys].sort()) {
        if (key.startsWith("__") || kind.computedKeys.includes(key)) continue;
        if (secret.has(key) || [declared[key], vendorNow[key], wanted[key]].some(holdsSecret)) {
            // Masked values all read "[secret]": only the engine, which saw the plaintext, can tell a change.
            const unmaskedChange = ![declared[key], wanted[key]].some(holdsSecret) && !sameValue(declared[key], wanted[key]);
            if (reasons.has(key) || unmaskedChange) changes.push({ field: key, kind: "secret" });
            continue;
        }
        leafChanges(key, declared[key], vendorNow[key], wanted[key], changes);
    }
    // A property the engine names that the comparison did not show (never hidden from the reviewer).
    for (const key of [...reasons].sort()) {
        if (key.startsWith("__") || changes.some((change) => rootOf(change.field) === key)) continue;
        changes.push(secret.has(key) ? { field: key, kind: "secret" } : { field: key, kind: "edit", before: declared[key], after: wanted[key] });
    }
    return changes;
}
