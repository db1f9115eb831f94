/**
 * Roster fields that name other roster entries: a PbxUser's `role` names a `pbx.roles` entry, a
 * PbxGroup's `members` name `pbx.users` entries. The reference becomes the named resource's output,
 * so the engine orders the two (a role before its users, a user created before it joins a group
 * and deleted after it left) and the preview shows the link. A list field's items each may name one.
 */
import type { RosterSections } from "./load";
import type { NamedEntry } from "./names";
import { rosterSections, sectionPath, type RosterReference, type RosterSection } from "./sections";

type Entry = Record<string, unknown>;

/** The fields of `section` that other sections reference its entries by (a role's `name`, a user's `name` and `extensionNumber`). */
export function referencedFields(section: RosterSection): string[] {
    const path = sectionPath(section);
    return [...new Set(rosterSections.flatMap((other) => (other.references ?? []).filter((r) => r.section === path).flatMap((r) => r.keys)))];
}

/** The entries that may be referenced, by section, field and value, each mapped to what a reference resolves to. */
export class ReferenceTargets<T> {
    private readonly targets = new Map<string, T>();

    private static key(section: string, field: string, value: unknown): string {
        return `${section}\0${field}\0${String(value)}`;
    }

    /** Registers `entry` of `section` under every field other sections reference it by. */
    add(section: RosterSection, entry: Entry, target: T): void {
        for (const field of referencedFields(section)) {
            this.targets.set(ReferenceTargets.key(sectionPath(section), field, entry[field]), target);
        }
    }

    /** The entry `value` names through `reference`: by its first key that matches. */
    find(reference: RosterReference, value: unknown): T | undefined {
        for (const key of reference.keys) {
            const target = this.targets.get(ReferenceTargets.key(reference.section, key, value));
            if (target !== undefined) {
                return target;
            }
        }
        return undefined;
    }
}

/** Replaces, in `args`, each value that names an entry with what `resolve` makes of that entry. */
export function resolveReferences<T>(section: RosterSection, args: Entry, targets: ReferenceTargets<T>, resolve: (target: T, reference: RosterReference) => unknown): void {
    for (const reference of section.references ?? []) {
        const one = (value: unknown) => {
            const target = targets.find(reference, value);
            return target === undefined ? value : resolve(target, reference);
        };
        const value = args[reference.field];
        args[reference.field] = Array.isArray(value) ? value.map(one) : value === undefined ? value : one(value);
    }
}

/** The targets the values of `entry`'s reference fields name (each item of a list field), in field order. */
export function referencedTargets<T>(section: RosterSection, entry: Entry, targets: ReferenceTargets<T>): T[] {
    return (section.references ?? []).flatMap((reference) => {
        const value = entry[reference.field];
        return (Array.isArray(value) ? value : [value]).flatMap((item) => (item === undefined ? [] : (targets.find(reference, item) ?? [])));
    });
}

/**
 * Values that name no roster entry and are not valid as they stand (a group member that is neither
 * a `pbx.users` entry nor an extension number), each at its path in the file.
 */
export function unresolvedReferences(sections: RosterSections, entries: readonly NamedEntry[]): Array<{ path: PropertyKey[]; message: string }> {
    const targets = new ReferenceTargets<true>();
    for (const { section, entry } of entries) {
        targets.add(section, entry, true);
    }
    const problems: Array<{ path: PropertyKey[]; message: string }> = [];
    for (const section of rosterSections) {
        (sections[section.vendor]?.[section.list] ?? []).forEach((entry, index) => {
            for (const reference of (section.references ?? []).filter((r) => r.otherwise)) {
                const value = entry[reference.field];
                const items = Array.isArray(value) ? value.map((item, i) => ({ item, at: [reference.field, i] })) : [{ item: value, at: [reference.field] }];
                for (const { item, at } of items) {
                    if (item === undefined || targets.find(reference, item) || reference.otherwise!.schema.safeParse(item).success) {
                        continue;
                    }
                    problems.push({ path: [section.vendor, section.list, index, ...at], message: `${JSON.stringify(item)} ${reference.otherwise!.says}` });
                }
            }
        });
    }
    return problems;
}
