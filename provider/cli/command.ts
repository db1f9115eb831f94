/** What every `pulumi-ucaas` subcommand is, and the small flag parser they share. */
import type { Readable, Writable } from "node:stream";
import type { TerminalInput } from "./prompt";

export interface CommandIo {
    stdin: TerminalInput & Readable;
    stdout: Writable;
    stderr: Writable;
    env: NodeJS.ProcessEnv;
    cwd: string;
}

export interface Command {
    /** One line for the command list. */
    summary: string;
    usage: string;
    /** Resolves to the exit code. */
    run(args: string[], io: CommandIo): Promise<number>;
}

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/** `--name value`, `--name=value` and boolean `--flag`; anything else is a usage error. */
export function parseFlags(args: string[], spec: Record<string, "value" | "boolean">): Record<string, string | boolean | undefined> {
    const flags: Record<string, string | boolean | undefined> = {};
    for (let i = 0; i < args.length; i++) {
        const [flag, inline] = args[i].split(/=(.*)/s, 2);
        const name = flag.replace(/^--/, "");
        if (!flag.startsWith("--") || !Object.hasOwn(spec, name)) throw new UsageError(`unknown argument: ${args[i]}`);
        if (spec[name] === "boolean") {
            flags[name] = true;
            continue;
        }
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`${flag} needs a value`);
        flags[name] = value;
    }
    return flags;
}
