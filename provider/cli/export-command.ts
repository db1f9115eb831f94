/**
 * `pulumi-ucaas export`: reads what already exists at each configured vendor and writes a roster
 * that adopts it.
 */
import * as fs from "node:fs";
import { useStackConfig } from "../config";
import { exportRoster } from "../export/export-roster";
import { stderrProgress } from "../export/progress";
import { parseFlags, type Command } from "./command";
import { readStackConfig, setSecretConfig } from "./stack-config";

const usage = `Usage: pulumi-ucaas export [--vendor masergy,pbx,ump] [--output roster.yaml] [--stack NAME] [--no-config]
                           [--masergy-defaults mainServicePack=P,timeZone=Z,addressType=A] [--schema PATH]

Reads what already exists at each configured vendor and writes a roster that adopts it
(every entry has adopt: true). Settings come from the current stack's config (ucaas:*), then
UCAAS_* variables. Secrets the vendors return are stored in the stack's config with
\`pulumi config set --secret\` and referenced as { secret: <key> }; with --no-config they are not
stored and the keys are listed instead. The roster goes to stdout unless --output is given.
Masergy's user/find does not report a user's service pack, time zone or address type: give them
with --masergy-defaults to export Masergy users.`;

export const exportRosterCommand: Command = {
    summary: "write a roster that adopts what already exists at the vendors",
    usage,
    async run(args, io) {
        const flags = parseFlags(args, {
            vendor: "value",
            output: "value",
            stack: "value",
            "no-config": "boolean",
            schema: "value",
            "masergy-defaults": "value",
        });
        const vendors = typeof flags.vendor === "string" ? flags.vendor.split(",").map((v) => v.trim()).filter(Boolean) : undefined;
        const stackOptions = { cwd: io.cwd, stack: typeof flags.stack === "string" ? flags.stack : undefined, env: io.env };

        useStackConfig(await readStackConfig(stackOptions));
        const result = await exportRoster({
            vendors,
            masergyDefaults: typeof flags["masergy-defaults"] === "string" ? parseAssignments(flags["masergy-defaults"]) : undefined,
            progress: stderrProgress(io.stderr),
            schemaPath: typeof flags.schema === "string" ? flags.schema : "node_modules/pulumi-ucaas/schema/roster.schema.json",
        });

        if (typeof flags.output === "string") {
            fs.writeFileSync(flags.output, result.yaml);
        } else {
            io.stdout.write(result.yaml);
        }
        if (result.secrets.length && !flags["no-config"]) {
            for (const secret of result.secrets) {
                await setSecretConfig(secret.key, secret.value, stackOptions);
            }
            io.stderr.write(`Stored ${result.secrets.length} secret(s) in the stack's config.\n`);
        } else if (result.secrets.length) {
            io.stderr.write(
                `Set these secrets before \`pulumi up\`:\n${result.secrets.map((s) => `  pulumi config set --secret ${s.key} <value>`).join("\n")}\n`,
            );
        }
        for (const note of result.notes) {
            io.stderr.write(`note: ${note}\n`);
        }
        return 0;
    },
};

/** `a=1,b=2` -> `{ a: "1", b: "2" }`. */
function parseAssignments(text: string): Record<string, string> {
    return Object.fromEntries(
        text
            .split(",")
            .map((pair) => pair.split("=").map((part) => part.trim()))
            .filter(([key, value]) => key && value),
    );
}
