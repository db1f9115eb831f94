/**
 * How a doctor run reads: one line per check (`ok: ...`, `note: <what cannot be checked>`, `differs:
 * <path>: expected ..., received ...`, `unreachable: <why>`, `not configured: <why>`), a closing count, and the report a user can
 * attach to a bug report: every check's result and every answer's shape, without a value.
 */
import type { CheckResult, Difference } from "./check";
import type { DoctorRun } from "./doctor";

/** Differences named on a line; the report has all of them. */
const differencesPerLine = 3;

function differencesText(differences: readonly Difference[]): string {
    const shown = differences.slice(0, differencesPerLine).map((d) => `${d.path}: expected ${d.expected}, received ${d.received}`);
    const more = differences.length - shown.length;
    return shown.join("; ") + (more > 0 ? `; and ${more} more (--report FILE lists them all)` : "");
}

export function resultLine(result: CheckResult): string {
    const text = result.status === "differs" ? differencesText(result.differences) : result.detail;
    return `${result.vendor.padEnd(8)} ${result.check.padEnd(19)} ${result.status}: ${text}`;
}

export function closingLine(run: DoctorRun): string {
    const counts = (["ok", "note", "differs", "unreachable", "not configured"] as const)
        .map((status) => [status, run.results.filter((result) => result.status === status).length] as const)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`);
    const skipped = run.skipped.length ? `; not configured, so not checked: ${run.skipped.join(", ")}` : "";
    if (run.results.length === 0) {
        return `nothing checked: no vendor is configured (ucaas:pbxUrl, ucaas:masergyRefreshToken, ucaas:umpUrl, ucaas:teamsClientId, ... or their UCAAS_* variables)`;
    }
    return `${run.results.length} checks: ${counts.join(", ")}${skipped}`;
}

export function doctorReport(run: DoctorRun, version: string): object {
    return {
        tool: "pulumi-ucaas doctor",
        version,
        createdAt: new Date().toISOString(),
        about: "Shapes only: every string in an answer is replaced by its kind and length, ids in requests too; no token, credential or personal value is in this file.",
        passed: run.passed,
        notConfigured: run.skipped,
        checks: run.results.map(({ vendor, check, request, status, summary, differences, failure }) => ({ vendor, check, request, status, summary, differences, failure })),
        answers: run.answers,
    };
}
