/**
 * The ops repository `pulumi-ucaas init` writes: the package's own examples/gitops (shipped in the
 * npm package), named for the new repository. One source: the example in this repository is
 * exactly what `init` writes for a project named "telephony" and the stack "production".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { starterRoster } from "./starter-roster";
import type { VendorKey } from "../settings/vendors";

/** The example's project and stack names, replaced by the ones asked for. */
export const templateProject = "telephony";
export const templateStack = "production";

/** Every file of the scaffold, as the example holds it (relative to examples/gitops). */
export const scaffoldFiles = [
    "Pulumi.yaml",
    "package.json",
    "tsconfig.json",
    "index.ts",
    "roster.yaml",
    "policy-config.json",
    ".github/workflows/telephony.yml",
    ".gitignore",
    "README.md",
] as const;

/**
 * npm leaves every `.gitignore` out of a package, so the scaffold's is written from here
 * (test/gitops checks that the example's file says the same).
 */
export const gitignoreText = `node_modules/
# Written by the workflow's jobs.
preview.json
preview.txt
summary-errors.txt
comment.md
drift.md
issue.md
`;

export interface ScaffoldOptions {
    /** The Pulumi project (and npm package) name. */
    project: string;
    /** The stack the workflow deploys. */
    stack: string;
    /** This package's version, which the scaffold's package.json pins. */
    version: string;
    /** The vendors the starter roster has entries for. */
    vendors: readonly VendorKey[];
}

/** A project name Pulumi and npm accept, from a folder name: `Ops Repo` -> `ops-repo`. */
export function projectNameFor(folder: string): string {
    const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "");
    return name || templateProject;
}

/** The scaffold's files with their contents, read from the example in `templateDir`. */
export function renderScaffold(templateDir: string, options: ScaffoldOptions): Map<string, string> {
    const read = (file: string) => fs.readFileSync(path.join(templateDir, file), "utf8");
    const files = new Map<string, string>();
    for (const file of scaffoldFiles) {
        if (file === ".gitignore") {
            files.set(file, gitignoreText);
        } else if (file === "Pulumi.yaml") {
            files.set(file, read(file).replace(new RegExp(`^name: ${templateProject}$`, "m"), `name: ${options.project}`));
        } else if (file === "package.json") {
            const manifest = JSON.parse(read(file)) as { name: string; dependencies: Record<string, string> };
            manifest.name = options.project;
            manifest.dependencies["pulumi-ucaas"] = options.version;
            files.set(file, `${JSON.stringify(manifest, null, 2)}\n`);
        } else if (file === "roster.yaml") {
            files.set(file, starterRoster(read(file), options.vendors));
        } else if (file.endsWith(".yml")) {
            files.set(file, read(file).replace(new RegExp(`\\b${templateStack}\\b`, "g"), options.stack));
        } else {
            files.set(file, read(file));
        }
    }
    return files;
}
