/**
 * The plan as Markdown for a pull-request comment: a line of counts, then one table per vendor
 * (one row per changed field, so an updated comment diffs line by line), then one line for other
 * resources. Everything is sorted, so the same preview always gives the same text. Secret values
 * are never rendered: a secret field's row says only "changed".
 */
import type { FieldChange } from "./field-changes";
import { unknownValue } from "./field-changes";
import { kindSummaries, vendors } from "./kinds";
import { actions, type Action, type Plan, type PlannedObject } from "./plan";

const maxValueLength = 100;

/** Text in a table cell: Markdown and HTML have no effect, and a pipe does not end the cell. */
function escapeText(text: string): string {
    return text.replace(/\s+/g, " ").replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}

/** A code span that holds any text, inside a table cell. */
function codeSpan(text: string): string {
    const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longestRun + 1);
    const padded = text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text;
    return `${fence}${padded.replace(/\|/g, "\\|")}${fence}`;
}

function renderValue(value: unknown): string {
    if (value === undefined || value === null) return "*(unset)*";
    if (value === unknownValue) return "*(known after apply)*";
    const json = JSON.stringify(value);
    return codeSpan(json.length > maxValueLength ? `${json.slice(0, maxValueLength - 1)}…` : json);
}

interface Row {
    action: Action;
    object: string;
    field: string;
    change: string;
    note: string;
}

function changeCells(change: FieldChange): Pick<Row, "change" | "note"> {
    switch (change.kind) {
        case "secret":
            return { change: "changed", note: "secret, not shown" };
        case "drift":
            return { change: `vendor now: ${renderValue(change.vendorNow)} → will write: ${renderValue(change.after)}`, note: "drift correction: changed at the vendor outside Pulumi" };
        case "edit":
            return {
                change: `${renderValue(change.before)} → ${renderValue(change.after)}`,
                note: "vendorNow" in change ? `the vendor now holds ${renderValue(change.vendorNow)}` : "",
            };
    }
}

function rowsOf(object: PlannedObject): Row[] {
    const kind = kindSummaries[object.kind];
    const row = (field: string, cells: Pick<Row, "change" | "note">): Row => ({ action: object.action, object: escapeText(object.label), field, ...cells });
    const notes = object.notes.map(escapeText);
    if (object.action === "added") return [row("", { change: "", note: notes.join("; ") })];
    if (object.action === "removed") return [row("", { change: "", note: escapeText(kind.removal) })];

    const forcedBy = object.replacement?.forcedBy ?? [];
    const forces = (change: FieldChange) => forcedBy.includes(change.field.split(".")[0]);
    // Forcing fields first, so the replacement's explanation leads.
    const ordered = [...object.changes.filter(forces), ...object.changes.filter((change) => !forces(change))];
    const rows = ordered.map((change) => {
        const cells = changeCells(change);
        return row(codeSpan(change.field), forces(change) ? { ...cells, note: ["forces the replacement", cells.note].filter(Boolean).join("; ") } : cells);
    });
    if (rows.length === 0 || notes.length) rows.unshift(row("", { change: "", note: notes.join("; ") }));
    if (object.replacement) {
        const order = object.replacement.deletesFirst ? "deletes the old one first" : "creates the new one first, then deletes the old one";
        rows[0].note = [rows[0].note, `${order}: ${escapeText(kind.whileReplaced)}`].filter(Boolean).join("; ");
    }
    return rows;
}

function counts(byAction: Partial<Record<Action, number>>): string {
    return actions.filter((action) => byAction[action]).map((action) => `${byAction[action]} ${action}`).join(", ");
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function renderMarkdown(plan: Plan): string {
    const otherCount = Object.values(plan.others).reduce((sum, n) => sum + (n ?? 0), 0);
    if (plan.objects.length === 0 && otherCount === 0) return "No changes.\n";

    const byAction: Partial<Record<Action, number>> = {};
    for (const object of plan.objects) byAction[object.action] = (byAction[object.action] ?? 0) + 1;
    const lines = [plan.objects.length ? `**Telephony changes:** ${counts(byAction)}.` : "**Telephony changes:** none."];

    for (const vendor of vendors) {
        const objects = plan.objects
            .filter((object) => kindSummaries[object.kind].vendor === vendor)
            .sort((a, b) => actions.indexOf(a.action) - actions.indexOf(b.action) || compare(a.label, b.label) || compare(a.kind, b.kind));
        if (objects.length === 0) continue;
        lines.push("", `#### ${vendor}`, "", "| Action | Object | Field | Before → after | Note |", "|---|---|---|---|---|");
        for (const row of objects.flatMap(rowsOf)) {
            lines.push(`| ${row.action} | ${row.object} | ${row.field} | ${row.change} | ${row.note} |`.replace(/ {2,}\|/g, " |"));
        }
    }
    if (otherCount) lines.push("", `Other resources (not pulumi-ucaas): ${counts(plan.others)}.`);
    return `${lines.join("\n")}\n`;
}
