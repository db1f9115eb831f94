/**
 * The one way the commands run the `pulumi` CLI: non-interactive, in the command's folder and
 * environment, with an optional stdin (so a secret is never on a command line or in a process list).
 */
import { spawn } from "node:child_process";

export interface PulumiOptions {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    /** `--stack NAME` is added when set; otherwise `pulumi` uses the selected stack. */
    stack?: string;
    /** Written to `pulumi`'s stdin. */
    input?: string;
    /** Resolve with a non-zero exit code instead of failing (for "is it set?" questions). */
    allowFailure?: boolean;
}

export interface PulumiResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs `pulumi <args>`; fails with `pulumi <args> failed: <its stderr>` unless `allowFailure`. */
export function runPulumi(args: string[], options: PulumiOptions): Promise<PulumiResult> {
    const fullArgs = [...args, ...(options.stack ? ["--stack", options.stack] : []), "--non-interactive"];
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", fullArgs, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", (error) => reject(new Error(`cannot run pulumi (is the Pulumi CLI installed and on PATH?): ${error.message}`)));
        child.on("close", (code) => {
            const result = { code: code ?? 1, stdout, stderr };
            if (result.code === 0 || options.allowFailure) resolve(result);
            else reject(new Error(`pulumi ${args.join(" ")} failed: ${stderr.trim() || stdout.trim() || `exit code ${result.code}`}`));
        });
        // A `pulumi` that exits before reading its stdin must not turn into an EPIPE crash here.
        child.stdin.on("error", () => undefined);
        child.stdin.end(options.input ?? "");
    });
}
