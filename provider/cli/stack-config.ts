/**
 * The current stack's config as the commands use it: the `ucaas:*` settings the program would see
 * (so a command reaches the same vendors as `pulumi up`), and storing secrets in it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Option } from "commander";
import { useStackConfig, type ConfigSource } from "../config";
import { runPulumi } from "./pulumi";

export interface StackOptions {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    /** The stack to use; undefined means the selected one. */
    stack?: string;
}

/** `--stack NAME`, spelled and described the same in every command that reads or writes stack config. */
export function stackOption(): Option {
    return new Option("--stack <name>", "the stack whose config to use (default: the selected stack)");
}

/** The folder of the Pulumi project that `cwd` is in (as `pulumi` finds it), if any. */
export function findProject(cwd: string): string | undefined {
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
        if (["Pulumi.yaml", "Pulumi.yml"].some((file) => fs.existsSync(path.join(dir, file)))) return dir;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * The stack's config as a settings source; undefined outside a Pulumi project. Secrets are
 * decrypted only when asked for (it needs the stack's passphrase or secrets provider).
 */
export async function readStackConfig(options: StackOptions, { secrets = true } = {}): Promise<ConfigSource | undefined> {
    if (!findProject(options.cwd)) {
        return undefined;
    }
    const { stdout } = await runPulumi(["config", "--json", ...(secrets ? ["--show-secrets"] : [])], options);
    let values: Record<string, { value?: string }>;
    try {
        values = JSON.parse(stdout);
    } catch {
        throw new Error(`pulumi config --json printed something that is not JSON: ${stdout.slice(0, 200)}`);
    }
    return { get: (key) => values[key]?.value };
}

/**
 * Makes the provider's settings (`getSetting`, the vendor clients) read this stack's `ucaas:*`
 * config first, then the `UCAAS_*` variables, as they do inside `pulumi up`.
 */
export async function loadStackSettings(options: StackOptions, { secrets = true } = {}): Promise<void> {
    // Outside a project: the variables alone (an empty source, not the program's config).
    useStackConfig((await readStackConfig(options, { secrets })) ?? { get: () => undefined });
}

/** `pulumi config set --secret key` with the value on stdin. */
export async function setSecretConfig(key: string, value: string, options: StackOptions): Promise<void> {
    await runPulumi(["config", "set", "--secret", key], { ...options, input: value });
}
