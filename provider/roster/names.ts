import type { Roster, RosterSections } from "./load";
import { logicalName } from "./logical-name";
import { rosterSections, type NamingContext, type RosterSection } from "./sections";

/** A roster entry with the names its resource goes by. */
export interface NamedEntry {
    section: RosterSection;
    /** Position in its section's list. */
    index: number;
    entry: Record<string, unknown>;
    /** Its logical name, e.g. `pbx-user-alice`. */
    name: string;
    /**
     * Names its resource had before, declared as aliases; never a name that another entry has
     * now, nor one that two entries could claim.
     */
    aliases: string[];
    /** What it is at the vendor, e.g. `alice (extension 1001)`. */
    identity: string;
}

/** Every entry of a roster with its names, sections in dependency order (roles before users). */
export function nameEntries(sections: RosterSections, context: NamingContext): NamedEntry[] {
    const named = rosterSections.flatMap((section) =>
        (sections[section.vendor]?.[section.list] ?? []).map((entry, index) => ({
            section,
            index,
            entry,
            name: logicalName(section.namePrefix, section.nameKey(entry, context)),
            former: [...new Set(section.formerNames?.(entry, context) ?? [])],
            identity: section.identity(entry),
        })),
    );
    const current = new Set(named.map((n) => n.name));
    const claims = new Map<string, number>();
    for (const name of named.flatMap((n) => n.former)) {
        claims.set(name, (claims.get(name) ?? 0) + 1);
    }
    return named.map(({ former, ...n }) => ({
        ...n,
        aliases: former.filter((name) => !current.has(name) && claims.get(name) === 1),
    }));
}

/**
 * Logical name -> what it is at the vendor, for the program's `managed` output. A map, so adding
 * one user adds one line to a preview's diff instead of shifting every later entry of a list.
 */
export function rosterIdentities(roster: Roster): Record<string, string> {
    return Object.fromEntries(nameEntries(roster.sections, { tenants: roster.tenants ?? {} }).map((n) => [n.name, n.identity]));
}
