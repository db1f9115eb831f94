/**
 * The pulumi CLI run as a user runs it, on a stack made by `newStack` (its backend and passphrase),
 * without colours: exit code and everything it printed.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import type { TestStack } from "./engine";

export interface CliRun {
    code: number;
    output: string;
}

export function pulumiCli(t: TestStack, workDir: string) {
    const environment = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
        ...process.env,
        ...(t.stack.workspace as automation.LocalWorkspace).envVars,
        NO_COLOR: "1",
        ...extra,
    });
    return async (args: string[], extra: Record<string, string> = {}): Promise<CliRun> => {
        const run = promisify(execFile)("pulumi", [...args, "--stack", t.stack.name, "--non-interactive"], {
            cwd: workDir,
            env: environment(extra),
            maxBuffer: 16 << 20,
        });
        return run.then(
            ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
            (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
        );
    };
}
