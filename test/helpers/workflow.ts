/**
 * The GitHub workflow of examples/gitops (what `pulumi-ucaas init` writes), read as GitHub reads
 * it, and its `run:` steps run as a runner runs them (`bash --noprofile --norc -eo pipefail`), with
 * the GitHub CLI replaced by test/helpers/fake-gh.js.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./engine";

export const workflowFile = path.join(repoRoot, "examples", "gitops", ".github", "workflows", "telephony.yml");

export interface Step {
    name?: string;
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    "timeout-minutes"?: number;
}

export interface Job {
    if: string;
    "runs-on": string;
    "timeout-minutes": number;
    permissions?: Record<string, string>;
    concurrency?: { group: string; "cancel-in-progress": boolean };
    environment?: string;
    steps: Step[];
}

export interface Workflow {
    on: Record<string, { paths?: string[]; branches?: string[] } | unknown>;
    env: Record<string, string>;
    permissions: Record<string, string>;
    defaults: { run: { shell: string } };
    jobs: Record<string, Job>;
}

export function loadWorkflow(text = fs.readFileSync(workflowFile, "utf8")): Workflow {
    return parse(text, { merge: true }) as Workflow;
}

export function stepNamed(job: Job, name: string): Step {
    const step = job.steps.find((candidate) => candidate.name === name);
    if (!step?.run) throw new Error(`no run step "${name}"`);
    return step;
}

/** Values without a `${{ }}` expression: what a test can give a step as is. */
const literal = (env: Record<string, string> = {}) => Object.fromEntries(Object.entries(env).filter(([, value]) => !String(value).includes("${{")));

export interface StepRun {
    code: number;
    output: string;
    /** What the step wrote to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY. */
    outputs: string;
    summary: string;
}

/**
 * Runs one `run:` step in `cwd` with the workflow's and the step's literal env, then `env` (the
 * values of its expressions: secrets, PR number). `gh` is the fake, keeping its state in `ghState`.
 */
export async function runStep(workflow: Workflow, step: Step, cwd: string, env: Record<string, string>, ghState: string): Promise<StepRun> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-step-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(repoRoot, "test", "helpers", "fake-gh.js"), path.join(bin, "gh"));
    const script = path.join(dir, "step.sh");
    fs.writeFileSync(script, step.run!);
    const files = { GITHUB_OUTPUT: path.join(dir, "output"), GITHUB_STEP_SUMMARY: path.join(dir, "summary") };
    Object.values(files).forEach((file) => fs.writeFileSync(file, ""));
    const fullEnv = {
        ...process.env,
        ...literal(workflow.env),
        ...literal(step.env),
        GITHUB_REPOSITORY: "example/telephony-ops",
        ...files,
        FAKE_GH_STATE: ghState,
        NO_COLOR: "1",
        ...env,
        PATH: `${bin}${path.delimiter}${env.PATH ?? process.env.PATH}`,
    };
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd, env: fullEnv, maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
        });
    });
    return { ...result, outputs: fs.readFileSync(files.GITHUB_OUTPUT, "utf8"), summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
}

export interface GhState {
    issues: Array<{ number: number; title: string; labels: string[]; body: string; state: string; comments: string[] }>;
    comments: Array<{ id: number; pr: number; body: string }>;
    labels: string[];
    calls: string[][];
}

export function readGhState(file: string): GhState {
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as GhState) : { issues: [], comments: [], labels: [], calls: [] };
}
