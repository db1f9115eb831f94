import * as fs from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { readableIssue } from "../dynamic/check";
import { positionOf } from "./positions";
import { RosterSchema } from "./schema";
import { rosterSections } from "./sections";

/** Entries by vendor and list, e.g. `sections.pbx.users`, validated, secrets still as `{ secret: key }` references. */
export type RosterSections = Record<string, Record<string, Array<Record<string, unknown>> | undefined> | undefined>;

export interface Roster {
    readonly file: string;
    readonly sections: RosterSections;
}

export interface RosterProblem {
    file: string;
    line: number;
    column: number;
    /** Field path inside the roster, e.g. `pbx.users[0].extensionNumber`. */
    path: string;
    message: string;
}

/** Every problem of a roster at once, each with file, line, column and field path. */
export class RosterError extends Error {
    constructor(readonly file: string, readonly problems: readonly RosterProblem[]) {
        super(
            `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
                problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"),
        );
        this.name = "RosterError";
    }
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
    const parsed = RosterSchema.safeParse(doc.toJS() ?? {}, { error: readableIssue });
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
    } else {
        problems.push(...duplicateKeys(parsed.data, doc, lineCounter, file));
    }
    if (problems.length) {
        problems.sort((a, b) => a.line - b.line || a.column - b.column);
        throw new RosterError(file, problems);
    }
    return { file, sections: parsed.data as RosterSections };
}

/** Two entries of a section with the same natural key would fight over one vendor object. */
function duplicateKeys(data: Record<string, unknown>, doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, file: string): RosterProblem[] {
    const problems: RosterProblem[] = [];
    for (const section of rosterSections) {
        const entries = ((data[section.vendor] as Record<string, unknown> | undefined)?.[section.list] ?? []) as Record<string, unknown>[];
        const seen = new Map<string, number>();
        entries.forEach((entry, index) => {
            const key = section.naturalKey(entry);
            const first = seen.get(key);
            if (first === undefined) {
                seen.set(key, index);
                return;
            }
            const path = [section.vendor, section.list, index];
            problems.push({
                file,
                ...positionOf(doc, lineCounter, path),
                path: formatPath(path),
                message: `duplicates ${formatPath([section.vendor, section.list, first])}: both are ${section.kind} "${key}"`,
            });
        });
    }
    return problems;
}
