/**
 * `pulumi-ucaas doctor`: checks our reading of each configured vendor before the first `up`, with
 * read-only requests only; one line per check on stdout, exit 1 on any difference.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InvalidArgumentError } from "commander";
import { vendorKeys, type VendorKey } from "../../doctor/check";
import { runDoctor } from "../../doctor/doctor";
import { closingLine, doctorReport, resultLine } from "../../doctor/output";
import { UsageError, exitCodes } from "../errors";
import { packageVersion } from "../program";
import { registerCommand } from "../registry";
import { loadStackSettings, stackOption } from "../stack-config";

interface DoctorCommandOptions {
    vendor?: VendorKey[];
    masergyTask?: string;
    report?: string;
    stack?: string;
}

/** `pbx,ump` -> `["pbx", "ump"]`, each a vendor the doctor knows. */
function parseVendors(text: string, previous: VendorKey[] = []): VendorKey[] {
    const named = text.split(",").map((v) => v.trim()).filter(Boolean);
    const unknown = named.filter((v) => !(vendorKeys as readonly string[]).includes(v));
    if (unknown.length || named.length === 0) {
        throw new InvalidArgumentError(`${unknown.length ? `unknown vendor ${unknown.join(", ")}; ` : ""}choose from ${vendorKeys.join(", ")}.`);
    }
    return [...new Set([...previous, ...(named as VendorKey[])])];
}

function parseTaskId(text: string): string {
    if (text.trim() === "") throw new InvalidArgumentError("a Masergy task id, e.g. 7e6558de-3006-4c17-80f3-8bb08b969d13.");
    return text.trim();
}

registerCommand<DoctorCommandOptions>({
    name: "doctor",
    summary: "check, read-only, that each configured vendor answers as this package reads it",
    details: `Reads the same settings as the resources (the stack's ucaas:* config, then
UCAAS_* variables), logs in, and sends only reads (GETs, token grants, and the
calls a vendor made a POST or PUT although they read: UMP's endpoint list,
ConnecttoTeams' getAuthenticatedUser). Every answer is read by the schema the
resources read it with. One line per check on stdout:
  ok: what was found
  differs: <path>: expected <what we read>, received <what came, by kind>
  unreachable: <why no answer could be read>
  not configured: <the setting that is missing>
A vendor without settings is skipped, unless --vendor names it. --report FILE
writes every check and the shape of every answer (types and member names, each
string as its kind and length; no token, credential or personal value) as JSON
for a bug report.
Exit codes: 0 every check ok, 1 a check differs or is unreachable (or a vendor
named is not configured), 2 wrong command line.`,
    define: (command) =>
        command
            .option("--vendor <list>", `only these vendors, separated by commas: ${vendorKeys.join(", ")} (default: every configured one)`, parseVendors)
            .option("--masergy-task <id>", "also read this Masergy task's view (task/{id}/view)", parseTaskId)
            .option("--report <file>", "write the checks and the redacted shape of every answer to this JSON file")
            .addOption(stackOption()),
    async run({ options, io, stack, result, note }) {
        if (options.masergyTask !== undefined && options.vendor && !options.vendor.includes("masergy")) {
            throw new UsageError("--masergy-task reads a Masergy task: add masergy to --vendor, or leave --vendor out");
        }
        await loadStackSettings(stack);
        const run = await runDoctor(
            {
                only: options.vendor,
                // A vendor named is checked even without settings (and then fails): asking for a task names Masergy.
                required: options.vendor ?? (options.masergyTask !== undefined ? ["masergy"] : []),
                options: { masergyTaskId: options.masergyTask },
            },
            (checked) => result(resultLine(checked)),
        );
        result(closingLine(run));
        if (options.report !== undefined) {
            fs.writeFileSync(path.resolve(io.cwd, options.report), `${JSON.stringify(doctorReport(run, packageVersion()), null, 2)}\n`);
            note(`Wrote the report to ${options.report}.`);
        }
        return run.passed ? exitCodes.ok : exitCodes.failed;
    },
});
