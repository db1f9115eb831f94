/**
 * `pulumi preview --json` of a test stack, and the captured digests the unit tests read.
 * `UPDATE_SUMMARY_FIXTURES=1 npm test -- test/summary/summarize.engine.test.ts` captures them
 * again from the real engine (for a new Pulumi CLI, say) into test/summary/fixtures/.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { prepareProgram, type TestStack } from "../helpers/engine";

const fixtures = path.join(__dirname, "fixtures");

/** The stdout of `pulumi preview --json` (also when the preview fails: the CLI still prints the digest). */
export async function previewJson(t: TestStack, args: string[] = []): Promise<string> {
    const workspace = t.stack.workspace as automation.LocalWorkspace;
    const env = { ...process.env, ...workspace.envVars };
    try {
        const { stdout } = await promisify(execFile)("pulumi", ["preview", "--json", "--stack", t.stack.name, ...args], { cwd: workspace.workDir, env, maxBuffer: 64 << 20 });
        return stdout;
    } catch (error) {
        const stdout = (error as { stdout?: string }).stdout;
        if (stdout?.trim().startsWith("{")) return stdout;
        throw error;
    }
}

/**
 * A copy of the installed example for this file alone: other test files run stacks in the shared
 * copy, and a stack's config (Pulumi.<stack>.yaml) lives next to the program.
 */
export async function ownCopyOf(example: string): Promise<string> {
    const source = await prepareProgram(example);
    const dir = fs.mkdtempSync(`${source}-summary-`);
    fs.cpSync(source, dir, { recursive: true, filter: (file) => !/^Pulumi\..+\.yaml$/.test(path.basename(file)) });
    return dir;
}

/** Without the serialized provider and the program's stack traces: large, and nothing the summary reads. */
function trimmed(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(trimmed);
    if (value && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([key]) => key !== "stackTrace" && key !== "sourcePosition")
                .map(([key, inner]) => [key, key === "__provider" ? "(serialized provider)" : trimmed(inner)]),
        );
    }
    return value;
}

/** Keeps `json` as fixture `name` when UPDATE_SUMMARY_FIXTURES is set. */
export function keepDigest(name: string, json: string): void {
    if (process.env.UPDATE_SUMMARY_FIXTURES) {
        fs.writeFileSync(path.join(fixtures, `${name}.json`), `${JSON.stringify(trimmed(JSON.parse(json)), null, 4)}\n`);
    }
}

/** The example summary in the README's `pulumi-ucaas summarize` section. */
export function readmeExample(): string {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### `pulumi-ucaas summarize`"));
    const block = /```markdown\n([\s\S]*?)```/.exec(section);
    if (!block) throw new Error("README: no ```markdown block in the `pulumi-ucaas summarize` section");
    return block[1];
}

export function capturedDigest(name: string): string {
    return fs.readFileSync(path.join(fixtures, `${name}.json`), "utf8");
}
