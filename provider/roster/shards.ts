/**
 * One roster, many stacks: a roster that lists `shards:` is deployed by one stack per shard, each
 * declaring only its shard's entries (docs/sharding.md). Which shard an entry is in:
 *
 * - its own `shard:` key;
 * - else, for a PbxRole: the shard of the users that reference it; when users of several shards
 *   do, the first of those shards in `shards:` order, and the other shards' users name the role
 *   by its name as a plain value (the role's shard runs first). One stack owns each role.
 * - else the first shard listed (the default shard).
 *
 * A reference to an entry of another shard (a user's `role`, a group's `members`) becomes that
 * entry's value (the role's name, the user's extension) instead of its resource's output, and makes
 * this shard depend on the other one. Logical names do not depend on the shard, so an entry that
 * moves keeps its name (see provider/shards for how a move adopts and forgets).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { optionsOf } from "./entry-options";
import type { Roster, RosterSections } from "./load";
import { nameEntries, type NamedEntry } from "./names";
import { ReferenceTargets } from "./references";
import { rosterSections, sectionPath, type RosterReference } from "./sections";

/** The key of an entry that names its shard; no resource may have an argument of this name. */
export const shardKey = "shard";

const shardName = z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1 to 40 lowercase letters, digits or '-', starting with a letter or digit");

export const ShardsSchema = z
    .array(shardName)
    .min(1)
    .describe(
        "Splits the roster into shards, one stack each (docs/sharding.md): the shard names, in order. An entry's `shard:` puts it in one; " +
            "an entry without it is in the first, except a PbxRole, which goes with the users that reference it.",
    );

export const EntryShardSchema = shardName.describe("The shard (of the roster's `shards:`) whose stack deploys this entry; default: the first shard.");

/** Sections whose entries go with the entries that reference them, unless they name a shard. */
const travelling = new Set(["pbx.roles"]);

/** A problem of the roster's shards, at `path` in the file. */
export interface ShardProblem {
    path: PropertyKey[];
    message: string;
}

/** Each entry's shard, by logical name. */
export function assignShards(entries: readonly NamedEntry[], shards: readonly string[]): Map<string, string> {
    const assigned = new Map<string, string>();
    const own = (named: NamedEntry) => named.entry[shardKey] as string | undefined;
    for (const named of entries) {
        if (own(named) !== undefined || !travelling.has(sectionPath(named.section))) {
            assigned.set(named.name, own(named) ?? shards[0]);
        }
    }
    // Roles: the shards of the entries that reference them, the first in `shards:` order.
    const targets = new ReferenceTargets<NamedEntry>();
    for (const named of entries.filter((n) => !assigned.has(n.name))) {
        targets.add(named.section, named.entry, named);
    }
    const referrers = new Map<string, Set<string>>();
    for (const named of entries.filter((n) => assigned.has(n.name))) {
        forEachReference(named, targets, (target) => {
            referrers.set(target.name, (referrers.get(target.name) ?? new Set()).add(assigned.get(named.name)!));
        });
    }
    for (const named of entries.filter((n) => !assigned.has(n.name))) {
        const using = referrers.get(named.name) ?? new Set<string>();
        assigned.set(named.name, shards.find((shard) => using.has(shard)) ?? shards[0]);
    }
    return assigned;
}

/** Calls `found` with each entry that a reference field of `named` names, with how to rewrite the value. */
function forEachReference(
    named: NamedEntry,
    targets: ReferenceTargets<NamedEntry>,
    found: (target: NamedEntry, item: unknown, reference: RosterReference) => void,
): void {
    for (const reference of named.section.references ?? []) {
        const value = named.entry[reference.field];
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            const target = targets.find(reference, item);
            if (target) found(target, item, reference);
        }
    }
}

/** Problems with `shards:` and the entries' `shard:` keys, `dependsOn` across shards among them. */
export function shardProblems(entries: readonly NamedEntry[], shards: readonly string[] | undefined): ShardProblem[] {
    const problems: ShardProblem[] = [];
    shards?.forEach((name, index) => {
        if (shards.indexOf(name) < index) problems.push({ path: ["shards", index], message: `lists ${name} twice` });
    });
    for (const named of entries) {
        const shard = named.entry[shardKey];
        const path = [named.section.vendor, named.section.list, named.index, shardKey];
        if (shard !== undefined && !shards) {
            problems.push({ path, message: `names shard "${String(shard)}", but the roster has no \`shards:\` list; add one before \`sections:\`` });
        } else if (shard !== undefined && !shards!.includes(String(shard))) {
            problems.push({ path, message: `"${String(shard)}" is not one of the roster's shards (${shards!.join(", ")})` });
        }
    }
    if (!shards || problems.length) return problems;
    const assigned = assignShards(entries, shards);
    for (const named of entries) {
        (optionsOf(named.entry).dependsOn ?? []).forEach((name, index) => {
            const other = assigned.get(name);
            if (other !== undefined && other !== assigned.get(named.name)) {
                problems.push({
                    path: [named.section.vendor, named.section.list, named.index, "options", "dependsOn", index],
                    message: `${name} is in shard ${other}, this entry in ${assigned.get(named.name)}: dependsOn works within one shard's stack`,
                });
            }
        });
    }
    return problems;
}

/** One shard of a roster: its entries (references across shards resolved to values) and what it needs first. */
export interface RosterShard {
    name: string;
    /** The roster this shard's stack deploys: only its entries, every declared section present. */
    roster: Roster;
    /** Logical names of its entries. */
    names: string[];
    /** Shards whose entries this one references (they are deployed before it, destroyed after it). */
    dependsOn: string[];
    /** A digest of everything the shard's stack is given; unchanged when no entry of the shard changed. */
    hash: string;
}

/** Every shard of a roster that lists `shards:`, in `shards:` order. */
export function splitRoster(roster: Roster): RosterShard[] {
    const shards = roster.shards;
    if (!shards?.length) {
        throw new Error(`${roster.file} has no \`shards:\` list: it is deployed by one stack`);
    }
    const tenants = roster.tenants ?? {};
    const entries = nameEntries(roster.sections, { tenants });
    const assigned = assignShards(entries, shards);
    const targets = new ReferenceTargets<NamedEntry>();
    for (const named of entries) targets.add(named.section, named.entry, named);

    return shards.map((name) => {
        const sections: RosterSections = {};
        const dependsOn = new Set<string>();
        for (const section of rosterSections) {
            const list = roster.sections[section.vendor]?.[section.list];
            if (list === undefined) continue;
            (sections[section.vendor] ??= {})[section.list] = [];
        }
        const mine = entries.filter((named) => assigned.get(named.name) === name);
        for (const named of mine) {
            const entry = { ...named.entry };
            forEachReference(named, targets, (target, item, reference) => {
                const other = assigned.get(target.name)!;
                if (other === name) return;
                dependsOn.add(other);
                // The other stack owns the target: name it by value, as if this roster did not manage it.
                const value = entry[reference.field];
                const replaced = target.entry[reference.output];
                entry[reference.field] = Array.isArray(value) ? value.map((v) => (v === item ? replaced : v)) : replaced;
            });
            sections[named.section.vendor]![named.section.list]!.push(entry);
        }
        const shardRoster: Roster = { file: roster.file, sections, declared: roster.declared, tenants: roster.tenants };
        return {
            name,
            roster: shardRoster,
            names: mine.map((named) => named.name),
            dependsOn: shards.filter((shard) => dependsOn.has(shard)),
            hash: rosterHash(shardRoster),
        };
    });
}

/** A digest of a roster's entries (options and `{ secret: key }` references included), declared sections and tenants. */
export function rosterHash(roster: Roster): string {
    const canonical = (value: unknown): unknown =>
        Array.isArray(value)
            ? value.map(canonical)
            : value && typeof value === "object"
              ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
              : value;
    const text = JSON.stringify(canonical({ sections: roster.sections, declared: roster.declared ?? [], tenants: roster.tenants ?? {} }));
    return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
