/**
 * The `pulumi` CLI as the commands of `pulumi-ucaas` use it: reading the current stack's config
 * (so a command sees the same `ucaas:*` settings as the program) and storing secrets in it.
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ConfigSource } from "../config";

export interface StackOptions {
    cwd: string;
    stack?: string;
    env?: NodeJS.ProcessEnv;
}

const stackArgs = (options: StackOptions) => (options.stack ? ["--stack", options.stack] : []);

export function isPulumiProject(cwd: string): boolean {
    return fs.existsSync(path.join(cwd, "Pulumi.yaml")) || fs.existsSync(path.join(cwd, "Pulumi.yml"));
}

/** The selected stack's config, secrets decrypted, as a settings source; undefined outside a project. */
export async function readStackConfig(options: StackOptions): Promise<ConfigSource | undefined> {
    if (!isPulumiProject(options.cwd)) {
        return undefined;
    }
    const { stdout } = await promisify(execFile)("pulumi", ["config", "--json", "--show-secrets", ...stackArgs(options)], {
        cwd: options.cwd,
        env: options.env,
        maxBuffer: 16 << 20,
    });
    const values = JSON.parse(stdout) as Record<string, { value?: string }>;
    return { get: (key) => values[key]?.value };
}

/** `pulumi config set --secret key` with the value on stdin, so it never appears in a process list. */
export function setSecretConfig(key: string, value: string, options: StackOptions): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", ["config", "set", "--secret", key, ...stackArgs(options)], {
            cwd: options.cwd,
            env: options.env,
            stdio: ["pipe", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) =>
            code === 0 ? resolve() : reject(new Error(`pulumi config set --secret ${key} failed: ${stderr.trim()}`)),
        );
        child.stdin.end(value);
    });
}
