import { spawn } from "node:child_process";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough, Writable } from "node:stream";
import type { CommandIo } from "../../provider/cli/io";
import { repoRoot } from "../helpers/engine";

export const bins = {
    ucaas: path.join(repoRoot, "dist", "provider", "cli", "main.js"),
    sim: path.join(repoRoot, "dist", "simulators", "cli.js"),
};

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs a built bin of the package with `stdin` piped in (not a terminal). */
export function runBin(bin: string, args: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? os.tmpdir(), env: { ...process.env, ...options.env } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(options.stdin ?? "");
    });
}

/** Streams for running a command in this process, and what was written to them. */
export function memoryIo(cwd = os.tmpdir()): { io: CommandIo; stdout: () => string; stderr: () => string } {
    const collect = () => {
        let text = "";
        const stream = new Writable({
            write(chunk, _encoding, done) {
                text += chunk;
                done();
            },
        });
        return { stream, text: () => text };
    };
    const out = collect();
    const err = collect();
    const stdin = new PassThrough();
    stdin.end();
    return { io: { stdin, stdout: out.stream, stderr: err.stream, env: process.env, cwd }, stdout: out.text, stderr: err.text };
}
