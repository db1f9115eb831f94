/**
 * `pulumi-ucaas export`: reads what already exists at each configured vendor and writes a roster
 * that adopts it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InvalidArgumentError } from "commander";
import { exportRoster, exportableVendors } from "../../export/export-roster";
import { stderrProgress } from "../../export/progress";
import { UsageError } from "../errors";
import { registerCommand } from "../registry";
import { findProject, loadStackSettings, setSecretConfig, stackOption } from "../stack-config";

interface ExportOptions {
    vendor?: string[];
    output?: string;
    stack?: string;
    /** false with --no-config */
    config: boolean;
    schema: string;
    masergyDefaults?: Record<string, string>;
}

/** `masergy,pbx` -> `["masergy", "pbx"]`, each a vendor the export knows. */
function parseVendors(text: string): string[] {
    const vendors = text.split(",").map((v) => v.trim()).filter(Boolean);
    const unknown = vendors.filter((v) => !Object.hasOwn(exportableVendors, v));
    if (unknown.length || vendors.length === 0) {
        throw new InvalidArgumentError(`${unknown.length ? `unknown vendor ${unknown.join(", ")}; ` : ""}choose from ${Object.keys(exportableVendors).join(", ")}.`);
    }
    return vendors;
}

/** `a=1,b=2` -> `{ a: "1", b: "2" }`. */
function parseAssignments(text: string): Record<string, string> {
    const pairs = text.split(",").map((pair) => pair.split("=").map((part) => part.trim()));
    const malformed = pairs.filter(([key, value, extra]) => !key || !value || extra !== undefined);
    if (malformed.length) {
        throw new InvalidArgumentError(`expected name=value pairs separated by commas, got "${malformed.map((p) => p.join("=")).join(",")}".`);
    }
    return Object.fromEntries(pairs);
}

registerCommand<ExportOptions>({
    name: "export",
    summary: "write a roster that adopts what already exists at the vendors",
    details: `Every entry of the roster has adopt: true. Settings come from the stack's config
(ucaas:*), then UCAAS_* variables. Secrets the vendors return are stored in the
stack's config with \`pulumi config set --secret\` and referenced as
{ secret: <key> }; with --no-config they are not stored and their keys are
listed instead. Masergy's user/find does not report a user's service pack, time
zone or address type: give them with --masergy-defaults to export Masergy users.`,
    define: (command) =>
        command
            .option("--vendor <list>", `the vendors to read, separated by commas (default: every configured one of ${Object.keys(exportableVendors).join(", ")})`, parseVendors)
            .option("--output <file>", "write the roster to this file (default: stdout)")
            .addOption(stackOption())
            .option("--no-config", "do not store the exported secrets in the stack's config; list their keys")
            .option("--masergy-defaults <assignments>", "mainServicePack=P,timeZone=Z,addressType=A for the Masergy users", parseAssignments)
            .option("--schema <path>", "the roster schema the yaml-language-server comment points at", "node_modules/pulumi-ucaas/schema/roster.schema.json"),
    async run({ options, io, stack, result, note }) {
        if (options.config && !findProject(io.cwd)) {
            throw new UsageError("no Pulumi project here (no Pulumi.yaml in this folder or above) to store the exported secrets in: run it in your project, or pass --no-config");
        }
        await loadStackSettings(stack);
        const exported = await exportRoster({
            vendors: options.vendor,
            masergyDefaults: options.masergyDefaults,
            progress: stderrProgress(io.stderr),
            schemaPath: options.schema,
        });

        if (options.output !== undefined) {
            fs.writeFileSync(path.resolve(io.cwd, options.output), exported.yaml);
        } else {
            result(exported.yaml);
        }
        if (exported.secrets.length && options.config) {
            for (const secret of exported.secrets) {
                await setSecretConfig(secret.key, secret.value, stack);
            }
            note(`Stored ${exported.secrets.length} secret(s) in the stack's config.`);
        } else if (exported.secrets.length) {
            note(`Set these secrets before \`pulumi up\`:\n${exported.secrets.map((s) => `  pulumi config set --secret ${s.key} <value>`).join("\n")}`);
        }
        for (const text of exported.notes) {
            note(`note: ${text}`);
        }
    },
});
