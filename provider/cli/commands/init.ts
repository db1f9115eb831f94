/**
 * `pulumi-ucaas init [dir]`: writes an ops repository (the package's examples/gitops) without any
 * network access, then prints the commands that make it a working stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InvalidArgumentError } from "commander";
import { nextSteps } from "../../init/next-steps";
import { projectNameFor, renderScaffold, templateStack } from "../../init/template";
import { vendorSettings, type VendorKey } from "../../settings/vendors";
import { packageRoot, packageVersion } from "../program";
import { registerCommand } from "../registry";

interface InitOptions {
    force?: boolean;
    vendor?: VendorKey[];
    stack: string;
    name?: string;
}

const vendorKeys = Object.keys(vendorSettings) as VendorKey[];

function parseVendors(text: string): VendorKey[] {
    const vendors = text.split(",").map((v) => v.trim()).filter(Boolean);
    const unknown = vendors.filter((v) => !(vendorKeys as string[]).includes(v));
    if (unknown.length || vendors.length === 0) {
        throw new InvalidArgumentError(`${unknown.length ? `unknown vendor ${unknown.join(", ")}; ` : ""}choose from ${vendorKeys.join(", ")}.`);
    }
    return vendorKeys.filter((vendor) => vendors.includes(vendor));
}

function stackName(text: string): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(text)) {
        throw new InvalidArgumentError("a stack name has letters, digits, -, _ and . only.");
    }
    return text;
}

registerCommand<InitOptions>({
    name: "init",
    summary: "write a new ops repository: program, starter roster, CI workflow",
    details: `Writes, into DIR (default: the current folder), a Pulumi project that deploys
roster.yaml: Pulumi.yaml, package.json (pinning @pulumi/pulumi, typescript and
this version of pulumi-ucaas), tsconfig.json, index.ts, a starter roster.yaml,
policy-config.json (the guardrails' settings), the GitHub workflow
.github/workflows/telephony.yml (preview on pull requests, refresh and update on
merge, a nightly drift check), .gitignore and README.md. Nothing is downloaded.
Existing files are left alone and nothing is written, unless --force.

Then it prints the commands to run next: npm install, the stack, and one
\`pulumi config set\` line per setting and roster secret to give. Against the
simulators, \`npx pulumi-ucaas-sim --print-config\` prints the settings' lines
with their values.

  npx pulumi-ucaas init ops --vendor pbx,teams`,
    define: (command) =>
        command
            .argument("[dir]", "the folder to write into (created if missing; default: the current folder)")
            .option("--vendor <list>", `the vendors of the starter roster, separated by commas (default: all of ${vendorKeys.join(", ")})`, parseVendors)
            .option("--stack <name>", "the stack the workflow deploys", stackName, templateStack)
            .option("--name <project>", "the Pulumi project name (default: from the folder's name)")
            .option("--force", "overwrite files that exist"),
    async run({ args, options, io, note, result }) {
        const dir = path.resolve(io.cwd, args[0] ?? ".");
        const vendors = options.vendor ?? vendorKeys;
        const files = renderScaffold(path.join(packageRoot(), "examples", "gitops"), {
            project: options.name ?? projectNameFor(path.basename(dir)),
            stack: options.stack,
            version: packageVersion(),
            vendors,
        });
        const existing = [...files.keys()].filter((file) => fs.existsSync(path.join(dir, file)));
        if (existing.length && !options.force) {
            throw new Error(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""} in ${dir}; nothing was written. Run it in a new folder, or with --force to overwrite them.`);
        }
        for (const [file, text] of files) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), text);
        }
        note(`Wrote ${files.size} files to ${dir}${existing.length ? ` (overwrote ${existing.join(", ")})` : ""}: ${[...files.keys()].join(", ")}. Next:`);
        const relative = path.relative(io.cwd, dir);
        const shown = relative === "" ? "." : relative.startsWith("..") ? dir : relative;
        result(nextSteps({ dir: shown, stack: options.stack, vendors, rosterText: files.get("roster.yaml")! }));
    },
});
