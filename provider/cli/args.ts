/** What a command gets besides its arguments, so tests can run commands in-process. */
export interface CommandContext {
    cwd: string;
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream & { isTTY?: boolean };
    stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** `--name value` or `--name=value`. */
export function option(args: readonly string[], name: string): string | undefined {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === name) {
            return args[i + 1];
        }
        if (args[i].startsWith(`${name}=`)) {
            return args[i].slice(name.length + 1);
        }
    }
    return undefined;
}

export function flag(args: readonly string[], name: string): boolean {
    return args.includes(name);
}
