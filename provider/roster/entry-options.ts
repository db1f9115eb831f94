/**
 * Per-entry resource options in a roster: an entry's `options:` sets Pulumi's `protect`,
 * `retainOnDelete`, `ignoreChanges` and `dependsOn` for that entry's resource alone. `dependsOn`
 * names other entries by their logical names (`pbx-role-Support`), the names the preview, the
 * state and the `managed` output show.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { findCycle } from "./cycle";
import type { NamedEntry } from "./names";
import { ReferenceTargets, referencedTargets } from "./references";

/** The key of an entry that holds its options; no resource may have an argument of this name. */
export const optionsKey = "options";

export const EntryOptionsSchema = z
    .strictObject({
        protect: z
            .boolean()
            .optional()
            .describe("Pulumi's protect: a plan that would delete this entry's resource (removing the entry, or a replacement) fails instead."),
        retainOnDelete: z
            .boolean()
            .optional()
            .describe("Pulumi's retainOnDelete: removing the entry (or a replacement) drops the resource from the stack and leaves the object at the vendor."),
        ignoreChanges: z
            .array(z.string().min(1))
            .optional()
            .describe(
                "Pulumi's ignoreChanges: property paths (`displayName`, `permissions.general`) whose edits in the roster are not applied; " +
                    "the first name must be one of the entry's arguments.",
            ),
        dependsOn: z
            .array(z.string().min(1))
            .optional()
            .describe("Entries this entry's resource waits for, by logical name (`pbx-role-Support`, as the `managed` output lists them)."),
    })
    .describe("Pulumi resource options for this entry's resource alone; deployRoster's own options apply to every entry.");

export type EntryOptions = z.output<typeof EntryOptionsSchema>;

export function optionsOf(entry: Record<string, unknown>): EntryOptions {
    return (entry[optionsKey] ?? {}) as EntryOptions;
}

/** The resource's args: the entry without its options and its shard (roster-only keys). */
export function argsOf(entry: Record<string, unknown>): Record<string, unknown> {
    const { [optionsKey]: _options, shard: _shard, ...args } = entry;
    return args;
}

/** A problem with one option of one entry, at `path` below the entry's `options`. */
export interface OptionProblem {
    entry: NamedEntry;
    path: Array<string | number>;
    message: string;
}

/** `ignoreChanges` paths whose first name is no argument of the resource. */
function unknownIgnoredProperties(named: NamedEntry): OptionProblem[] {
    const properties = Object.keys(named.section.schema.shape);
    return (optionsOf(named.entry).ignoreChanges ?? []).flatMap((property, index) => {
        const first = property.split(/[.[]/)[0];
        return properties.includes(first)
            ? []
            : [{ entry: named, path: ["ignoreChanges", index], message: `"${first}" is not an argument of ${named.section.kind}` }];
    });
}

/** `dependsOn` names that are no other entry of the roster. */
function unknownDependencies(named: NamedEntry, names: ReadonlySet<string>, all: readonly NamedEntry[]): OptionProblem[] {
    return (optionsOf(named.entry).dependsOn ?? []).flatMap((name, index) => {
        if (name === named.name) {
            return [{ entry: named, path: ["dependsOn", index], message: "names this entry itself" }];
        }
        if (names.has(name)) {
            return [];
        }
        const meant = all.find((other) => other.name.endsWith(`-${name}`) || other.identity === name);
        return [{
            entry: named,
            path: ["dependsOn", index],
            message: `"${name}" is not the logical name of an entry of this roster${meant ? ` (did you mean ${meant.name}?)` : ""}; ` +
                "entries are named as the `managed` output lists them, e.g. pbx-user-alice",
        }];
    });
}

/**
 * Every problem with the entries' options: an ignored property that is not an argument, a
 * dependency on no entry (or on itself), and a cycle of dependencies (the resources could never
 * be declared in an order).
 */
export function entryOptionsProblems(entries: readonly NamedEntry[]): OptionProblem[] {
    const names = new Set(entries.map((named) => named.name));
    const problems = entries.flatMap((named) => [...unknownIgnoredProperties(named), ...unknownDependencies(named, names, entries)]);
    const cycle = dependencyCycle(entries, dependencyGraph(entries));
    if (cycle) {
        const [first] = cycle;
        const index = (optionsOf(first.entry).dependsOn ?? []).indexOf(cycle[1].name);
        problems.push({
            entry: first,
            path: ["dependsOn", Math.max(index, 0)],
            message: `makes a cycle of dependencies: ${[...cycle.map((named) => named.name), first.name].join(" -> ")}`,
        });
    }
    return problems;
}

/** What each entry waits for, by entry. */
type DependencyGraph = ReadonlyMap<NamedEntry, readonly NamedEntry[]>;

/**
 * What each entry waits for: the entries its `dependsOn` names, and the entries its fields
 * reference (a PbxUser's `role` naming a roster role, a PbxGroup's `members` naming roster users),
 * which deployRoster turns into outputs.
 */
function dependencyGraph(entries: readonly NamedEntry[]): DependencyGraph {
    const byName = new Map(entries.map((other) => [other.name, other]));
    const targets = new ReferenceTargets<NamedEntry>();
    for (const named of entries) {
        targets.add(named.section, named.entry, named);
    }
    return new Map(
        entries.map((named) => {
            const declared = (optionsOf(named.entry).dependsOn ?? []).flatMap((name) => byName.get(name) ?? []);
            const referenced = referencedTargets(named.section, named.entry, targets);
            return [named, [...new Set([...declared, ...referenced])].filter((other) => other !== named)];
        }),
    );
}

/**
 * A cycle of dependencies, as the entries along it, or undefined. It starts at an entry whose
 * `dependsOn` names the next one (references alone never make a cycle: roles reference nothing,
 * users roles, groups users), so the problem points at an option the author wrote.
 */
function dependencyCycle(entries: readonly NamedEntry[], graph: DependencyGraph): NamedEntry[] | undefined {
    const cycle = findCycle(entries, (named) => graph.get(named) ?? []);
    if (!cycle) return undefined;
    const declaring = cycle.findIndex((entry, i) => (optionsOf(entry.entry).dependsOn ?? []).includes(cycle[(i + 1) % cycle.length].name));
    return [...cycle.slice(Math.max(declaring, 0)), ...cycle.slice(0, Math.max(declaring, 0))];
}

/** The entries in an order that declares every entry after what it depends on; otherwise in file order. */
export function inDependencyOrder(entries: readonly NamedEntry[]): NamedEntry[] {
    const graph = dependencyGraph(entries);
    const ordered: NamedEntry[] = [];
    const placed = new Set<NamedEntry>();
    const place = (named: NamedEntry) => {
        if (placed.has(named)) return;
        placed.add(named);
        (graph.get(named) ?? []).forEach(place);
        ordered.push(named);
    };
    entries.forEach(place);
    return ordered;
}

/** `dependsOn` as a list, whichever form the caller gave it in. */
function dependencyList(dependsOn: pulumi.CustomResourceOptions["dependsOn"]): pulumi.Input<pulumi.Resource>[] | pulumi.Output<pulumi.Resource[]> {
    const given: unknown = dependsOn;
    if (given === undefined) return [];
    if (Array.isArray(given)) return given as pulumi.Input<pulumi.Resource>[];
    if (pulumi.Resource.isInstance(given)) return [given];
    // An Output or a Promise of a resource or of a list.
    const later = pulumi.output(given) as unknown as pulumi.Output<pulumi.Resource | pulumi.Resource[]>;
    return later.apply((resolved) => (Array.isArray(resolved) ? resolved : [resolved]));
}

/**
 * The options of one entry's resource: deployRoster's `opts`, with the entry's `protect` and
 * `retainOnDelete` taking precedence, and its `ignoreChanges` and `dependsOn` (resolved to the
 * resources `declared` so far) added to the caller's.
 */
export function mergedOptions(
    opts: pulumi.CustomResourceOptions,
    options: EntryOptions,
    declared: Readonly<Record<string, pulumi.CustomResource>>,
): pulumi.CustomResourceOptions {
    const merged: pulumi.CustomResourceOptions = { ...opts };
    if (options.protect !== undefined) merged.protect = options.protect;
    if (options.retainOnDelete !== undefined) merged.retainOnDelete = options.retainOnDelete;
    if (options.ignoreChanges?.length) merged.ignoreChanges = [...(opts.ignoreChanges ?? []), ...options.ignoreChanges];
    if (options.dependsOn?.length) {
        const resources = options.dependsOn.map((name) => declared[name]);
        const callers = dependencyList(opts.dependsOn);
        merged.dependsOn = Array.isArray(callers)
            ? [...callers, ...resources]
            : callers.apply((list) => [...list, ...resources]);
    }
    return merged;
}
