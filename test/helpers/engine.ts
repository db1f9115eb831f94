/**
 * Runs example programs through the real Pulumi engine with the Automation API: the package is
 * packed and installed into a copy of the example as a consumer would install it, state lives in
 * a local file backend in a temp folder, and secrets use a passphrase.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as automation from "@pulumi/pulumi/automation";

const run = promisify(execFile);
export const repoRoot = path.resolve(__dirname, "..", "..");

let tarball: Promise<string> | undefined;

/** `npm pack` of the built package, once per test run. */
export function packedPackage(): Promise<string> {
    tarball ??= (async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-pack-"));
        const { stdout } = await run("npm", ["pack", "--pack-destination", dir, "--silent"], { cwd: repoRoot });
        return path.join(dir, stdout.trim().split("\n").pop()!);
    })();
    return tarball;
}

const prepared = new Map<string, Promise<string>>();

/** A copy of `examples/<name>` with the packed package and its dependencies installed, once per test run. */
export function prepareProgram(name: string): Promise<string> {
    if (!prepared.has(name)) {
        prepared.set(name, installExample(name));
    }
    return prepared.get(name)!;
}

async function installExample(name: string): Promise<string> {
    const source = path.join(repoRoot, "examples", name);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ucaas-${name}-`));
    fs.cpSync(source, dir, { recursive: true, filter: (file) => !file.includes("node_modules") });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    manifest.dependencies["pulumi-ucaas"] = `file:${await packedPackage()}`;
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
    return dir;
}

function listFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
}

export interface TestStack {
    stack: automation.Stack;
    backendDir: string;
    /** The steps a `preview` announces, by logical name (a replace has several steps). */
    previewSteps(options?: automation.PreviewOptions): Promise<Map<string, automation.StepEventMetadata[]>>;
    /** `pulumi stack export` as a user runs it (secrets encrypted), and the raw checkpoint files. */
    exportedState(): Promise<{ exported: string; checkpoint: string }>;
}

/** A new stack of the program in `workDir`, on a fresh file backend. */
export async function newStack(workDir: string, envVars: Record<string, string> = {}): Promise<TestStack> {
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-state-"));
    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: "test", workDir },
        {
            envVars: {
                PULUMI_BACKEND_URL: `file://${backendDir}`,
                PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
                PULUMI_SKIP_UPDATE_CHECK: "true",
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                ...envVars,
            },
        },
    );
    return {
        stack,
        backendDir,
        async previewSteps(options = {}) {
            const steps = new Map<string, automation.StepEventMetadata[]>();
            await stack.preview({
                ...options,
                onEvent: (event) => {
                    const metadata = event.resourcePreEvent?.metadata;
                    if (metadata && metadata.type !== "pulumi:pulumi:Stack" && !metadata.type.startsWith("pulumi:providers:")) {
                        const name = metadata.urn.split("::").pop()!;
                        steps.set(name, [...(steps.get(name) ?? []), metadata]);
                    }
                },
            });
            return steps;
        },
        async exportedState() {
            // The Automation API's exportStack() shows secrets; a user's `pulumi stack export` does not.
            const env = { ...process.env, ...(stack.workspace as automation.LocalWorkspace).envVars };
            const { stdout } = await run("pulumi", ["stack", "export", "--stack", "test"], { cwd: workDir, env, maxBuffer: 64 << 20 });
            const checkpoint = listFiles(backendDir).map((file) => fs.readFileSync(file, "utf8")).join("\n");
            return { exported: stdout, checkpoint };
        },
    };
}
