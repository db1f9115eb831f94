/**
 * What a preview plans for each resource: the steps of one URN read together (a replacement can
 * be one `replace` step or, with --show-replacement-steps, three; a `refresh` step comes before the
 * real one), sorted into added, changed, replaced and removed objects of this package, and a count
 * of everything else.
 */
import { resourceKinds, typeModule, type ResourceKind } from "../dynamic/kinds";
import type { PreviewDigest, PreviewStep, ResourceState } from "./digest";
import { fieldChanges, reasonsOf, type FieldChange } from "./field-changes";
import { hiddenReasons, kindSummaries, type KindSummary } from "./kinds";

export const actions = ["added", "changed", "replaced", "removed"] as const;
export type Action = (typeof actions)[number];

export interface PlannedObject {
    action: Action;
    kind: ResourceKind;
    /** How a reviewer knows it (never the URN, unless nothing better is known). */
    label: string;
    changes: FieldChange[];
    /** For a replacement: the properties that force it, and whether the old object is deleted first. */
    replacement?: { forcedBy: string[]; deletesFirst: boolean };
    /** Why a change has no field to show, or what else a reviewer should know. */
    notes: string[];
}

export interface Plan {
    objects: PlannedObject[];
    /** Other resources (not this package's), counted by action. */
    others: Partial<Record<Action, number>>;
}

const ourTypePrefix = `pulumi-nodejs:dynamic/${typeModule}:`;
/**
 * Steps that change nothing: the same, what a refresh read, and a read-only reference (`<Kind>.get`)
 * read, read again under another id, or dropped from the program.
 */
const quietOps = new Set(["same", "refresh", "read", "read-replacement", "discard", "discard-replaced"]);
const replacementOps = new Set(["replace", "create-replacement", "delete-replaced"]);
const knownOps = new Set([...quietOps, ...replacementOps, "create", "update", "delete"]);

/** `urn:pulumi:stack::project::parent$type::name` -> type and name. */
function parseUrn(urn: string): { type: string; name: string } {
    const parts = urn.split("::");
    return { type: (parts[2] ?? "").split("$").pop()!, name: parts.slice(3).join("::") };
}

function actionOf(ops: Set<string>): Action | undefined {
    if ([...ops].some((op) => replacementOps.has(op))) return "replaced";
    if (ops.has("create")) return "added";
    if (ops.has("update")) return "changed";
    if (ops.has("delete")) return "removed";
    return undefined;
}

/** Whether the old object goes first: the engine marks it pending replacement, or orders the replacement steps so. */
function deletesFirst(steps: PreviewStep[], old: ResourceState | undefined, kind: KindSummary): boolean {
    if (old?.pendingReplacement) return true;
    if (old?.delete) return false;
    const order = steps.map((step) => step.op);
    const [deleted, created] = [order.indexOf("delete-replaced"), order.indexOf("create-replacement")];
    return deleted >= 0 && created >= 0 ? deleted < created : kind.deleteBeforeReplace;
}

function planObject(kindName: ResourceKind, urnName: string, steps: PreviewStep[], action: Action): PlannedObject {
    const kind = kindSummaries[kindName];
    // The plan's own step comes after any step a refresh left; a replacement's reasons are on its `replace` step.
    const main = steps.find((step) => step.op === "replace") ?? steps.filter((step) => !quietOps.has(step.op)).pop()!;
    const old = main.oldState ?? steps.find((step) => step.oldState && step.op !== "refresh")?.oldState ?? undefined;
    const current = action === "added" ? main.newState?.inputs : (old?.outputs ?? old?.inputs);
    const label = kind.label(current ?? {}) ?? urnName;
    const notes: string[] = [];
    let changes: FieldChange[] = [];
    let replacement: PlannedObject["replacement"];

    if (action === "changed" || action === "replaced") {
        changes = fieldChanges(main, kind);
        const hidden = [...reasonsOf(main)].filter((key) => key.startsWith("__"));
        hidden.push(...Object.keys(old?.outputs ?? {}).filter((key) => key in hiddenReasons && !hidden.includes(key)));
        notes.push(...hidden.map((key) => hiddenReasons[key] ?? `the provider names its internal property ${key}`));
        if (changes.length === 0 && notes.length === 0) {
            notes.push("the provider asks for an update, but no declared field differs from what the preview shows");
        }
    }
    if (action === "replaced") {
        replacement = { forcedBy: [...new Set((main.replaceReasons ?? []).filter((key) => !key.startsWith("__")))].sort(), deletesFirst: deletesFirst(steps, old, kind) };
    }
    if (action === "added") {
        if (main.newState?.inputs?.adopt === true) notes.push("adopts the existing object (adopt: true)");
        // Created though it was in the state (refresh read it, or a delete step precedes): refresh found it gone.
        if (steps.some((step) => step.op === "refresh" || step.op === "delete")) notes.push("it is missing at the vendor (refresh found it gone): created again");
    }
    return { action, kind: kindName, label, changes, replacement, notes };
}

export function planOf(digest: PreviewDigest): Plan {
    const byUrn = new Map<string, PreviewStep[]>();
    for (const step of digest.steps ?? []) {
        byUrn.set(step.urn, [...(byUrn.get(step.urn) ?? []), step]);
    }
    const objects: PlannedObject[] = [];
    const others: Plan["others"] = {};
    for (const [urn, steps] of byUrn) {
        const { type, name } = parseUrn(urn);
        const ops = new Set(steps.map((step) => step.op));
        const ours = type.startsWith(ourTypePrefix);
        if (ours) {
            const unknownOp = [...ops].find((op) => !knownOps.has(op));
            if (unknownOp) {
                throw new Error(`the preview plans a "${unknownOp}" step for ${urn}, which summarize does not know how to read; review the raw preview instead.`);
            }
        }
        const action = actionOf(ops);
        if (!action) continue;
        if (!ours) {
            // The stack itself and the engine's default providers are machinery, not the program's resources.
            const machinery = type === "pulumi:pulumi:Stack" || (type.startsWith("pulumi:providers:") && /^default(_|$)/.test(name));
            if (!machinery) others[action] = (others[action] ?? 0) + 1;
            continue;
        }
        const kindName = type.slice(ourTypePrefix.length) as ResourceKind;
        if (!resourceKinds.includes(kindName)) {
            throw new Error(`the preview has a resource of type ${type}, which this version of pulumi-ucaas does not know; update pulumi-ucaas to summarize it.`);
        }
        objects.push(planObject(kindName, name, steps, action));
    }
    return { objects, others };
}
