import * as fs from "node:fs";
import { useStackConfig } from "../config";
import { exportRoster } from "../export/export-roster";
import { stderrProgress } from "../export/progress";
import { readStackConfig, setSecretConfig } from "./stack-config";
import { flag, option, type CommandContext } from "./args";

export const exportUsage = `pulumi-ucaas export [--vendor pbx,...] [--output roster.yaml] [--stack NAME] [--no-config]

Reads what already exists at each configured vendor and writes a roster that adopts it
(every entry has adopt: true). Settings come from the current stack's config (ucaas:*), then
UCAAS_* variables. Secrets the vendors return are stored in the stack's config with
\`pulumi config set --secret\` and referenced as { secret: <key> }; with --no-config they are not
stored and the keys are listed instead. The roster goes to stdout unless --output is given.`;

export async function exportCommand(args: string[], context: CommandContext): Promise<number> {
    const vendors = option(args, "--vendor")?.split(",").map((v) => v.trim()).filter(Boolean);
    const output = option(args, "--output");
    const stack = option(args, "--stack");
    const storeSecrets = !flag(args, "--no-config");
    const stackOptions = { cwd: context.cwd, stack };

    useStackConfig(await readStackConfig(stackOptions));
    const result = await exportRoster({
        vendors,
        progress: stderrProgress(context.stderr),
        schemaPath: option(args, "--schema") ?? "node_modules/pulumi-ucaas/schema/roster.schema.json",
    });

    if (output) {
        fs.writeFileSync(output, result.yaml);
    } else {
        context.stdout.write(result.yaml);
    }
    if (result.secrets.length && storeSecrets) {
        for (const secret of result.secrets) {
            await setSecretConfig(secret.key, secret.value, stackOptions);
        }
        context.stderr.write(`Stored ${result.secrets.length} secret(s) in the stack's config.\n`);
    } else if (result.secrets.length) {
        context.stderr.write(`Set these secrets before \`pulumi up\`:\n${result.secrets.map((s) => `  pulumi config set --secret ${s.key} <value>`).join("\n")}\n`);
    }
    for (const note of result.notes) {
        context.stderr.write(`note: ${note}\n`);
    }
    return 0;
}
