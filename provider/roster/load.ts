import * as fs from "node:fs";
import { LineCounter, parseDocument, type Document } from "yaml";
import { declaredSectionsProblems } from "./declared-sections";
import { entryOptionsProblems, optionsKey } from "./entry-options";
import { RosterError, type RosterProblem } from "./errors";
import { rosterIssue } from "./issues";
import { nameEntries } from "./names";
import { positionOf } from "./positions";
import { unresolvedReferences } from "./references";
import { RosterSchema } from "./schema";
import { sectionPath } from "./sections";
import { shardProblems } from "./shards";
import { resolveTenant, type TenantAliases } from "./tenants";

export { RosterError, type RosterProblem } from "./errors";

/** Entries by vendor and list, e.g. `sections.pbx.users`, validated, secrets still as `{ secret: key }` references. */
export type RosterSections = Record<string, Record<string, Array<Record<string, unknown>> | undefined> | undefined>;

export interface Roster {
    readonly file: string;
    /** The entries; a Teams user's `tenantId` is the tenant id, also when the file gives its alias. */
    readonly sections: RosterSections;
    /** The file's `sections:` declaration, e.g. `["pbx.roles", "pbx.users"]`. */
    readonly declared?: readonly string[];
    /** `teams.tenants`: alias -> tenant id. */
    readonly tenants?: TenantAliases;
    /** `shards:`: the stacks the roster is split into (docs/sharding.md); absent when one stack deploys it all. */
    readonly shards?: readonly string[];
}

export function formatPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)),
        "",
    );
}

/** Reads, validates and returns a roster; nothing is sent to any vendor when it is invalid. */
export function loadRoster(file: string): Roster {
    return parseRoster(fs.readFileSync(file, "utf8"), file);
}

type Data = Record<string, unknown>;

export function parseRoster(text: string, file = "roster.yaml"): Roster {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
        throw new RosterError(
            file,
            doc.errors.map((error) => {
                const { line, col } = lineCounter.linePos(error.pos[0]);
                return { file, line, column: col, path: "", message: error.message.split("\n")[0] };
            }),
        );
    }
    const raw: unknown = doc.toJS() ?? {};
    const parsed = RosterSchema.safeParse(raw, { error: rosterIssue });
    const problems: RosterProblem[] = [];
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
            for (const key of keys) {
                const path = key === undefined ? issue.path : [...issue.path, key];
                const message = key === undefined ? issue.message : "is not a property of this resource";
                problems.push({ file, ...positionOf(doc, lineCounter, issue.path, key), path: formatPath(path), message });
            }
        }
    }
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
        problems.push(...declaredSectionsProblems(doc, lineCounter, raw as Data, file, text.length));
    }
    let roster: Roster | undefined;
    if (parsed.success) {
        const { sections: declared = [], shards, ...vendors } = parsed.data as Data & { sections?: string[]; shards?: string[] };
        const { tenants = {}, ...teams } = (vendors.teams ?? {}) as Data & { tenants?: TenantAliases };
        const sections = { ...vendors, ...(vendors.teams ? { teams } : {}) } as RosterSections;
        problems.push(...resolveTenants(sections, tenants, doc, lineCounter, file));
        problems.push(...duplicates(sections, tenants, doc, lineCounter, file));
        for (const { path, message } of unresolvedReferences(sections, nameEntries(sections, { tenants }))) {
            problems.push({ file, ...positionOf(doc, lineCounter, path), path: formatPath(path), message });
        }
        problems.push(...optionProblems(sections, tenants, doc, lineCounter, file));
        for (const { path, message } of shardProblems(nameEntries(sections, { tenants }), shards)) {
            problems.push({ file, ...positionOf(doc, lineCounter, path), path: formatPath(path), message });
        }
        roster = { file, sections, declared, tenants, ...(shards ? { shards } : {}) };
    }
    if (problems.length || !roster) {
        problems.sort((a, b) => a.line - b.line || a.column - b.column);
        throw new RosterError(file, problems);
    }
    return roster;
}

/** Replaces tenant aliases in Teams users by their tenant ids, in place; a value it cannot resolve is a problem. */
function resolveTenants(sections: RosterSections, tenants: TenantAliases, doc: Document, lineCounter: LineCounter, file: string): RosterProblem[] {
    const problems: RosterProblem[] = [];
    const aliases = Object.keys(tenants);
    aliases.forEach((alias, index) => {
        const first = aliases.findIndex((other) => tenants[other] === tenants[alias]);
        if (first < index) {
            problems.push({
                file, ...positionOf(doc, lineCounter, ["teams", "tenants"], alias), path: `teams.tenants.${alias}`,
                message: `names the same tenant as ${aliases[first]}; give each tenant one short name`,
            });
        }
    });
    sections.teams?.users?.forEach((user, index) => {
        const tenantId = resolveTenant(String(user.tenantId), tenants);
        if (tenantId === undefined) {
            const path = ["teams", "users", index, "tenantId"];
            problems.push({
                file, ...positionOf(doc, lineCounter, path), path: formatPath(path),
                message: `"${user.tenantId}" is neither a short name in teams.tenants (${aliases.join(", ")}) nor one of their tenant ids`,
            });
        } else {
            user.tenantId = tenantId;
        }
    });
    return problems;
}

/** Two entries with one logical name, or one value the vendor keeps unique, would fight over one object. */
function duplicates(sections: RosterSections, tenants: TenantAliases, doc: Document, lineCounter: LineCounter, file: string): RosterProblem[] {
    const problems: RosterProblem[] = [];
    const seen = new Map<string, number>();
    for (const { section, index, entry, name } of nameEntries(sections, { tenants })) {
        const keys = [
            { key: name, says: `both are named ${name}` },
            ...(section.uniqueBy ?? []).map((unique) => ({ key: `${sectionPath(section)} ${unique.label} ${unique.of(entry)}`, says: `both have ${unique.label} "${unique.of(entry)}"` })),
        ];
        for (const { key, says } of keys) {
            const first = seen.get(key);
            if (first === undefined) {
                seen.set(key, index);
                continue;
            }
            const path = [section.vendor, section.list, index];
            problems.push({ file, ...positionOf(doc, lineCounter, path), path: formatPath(path), message: `duplicates ${formatPath([section.vendor, section.list, first])}: ${says}` });
            break;
        }
    }
    return problems;
}

/** Problems with the entries' own resource options (see entry-options.ts), at the option's position. */
function optionProblems(sections: RosterSections, tenants: TenantAliases, doc: Document, lineCounter: LineCounter, file: string): RosterProblem[] {
    return entryOptionsProblems(nameEntries(sections, { tenants })).map(({ entry, path: optionPath, message }) => {
        const path = [entry.section.vendor, entry.section.list, entry.index, optionsKey, ...optionPath];
        return { file, ...positionOf(doc, lineCounter, path), path: formatPath(path), message };
    });
}
