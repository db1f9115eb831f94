/**
 * The streams a command talks through. Results go to stdout, so they can be piped or redirected;
 * everything meant for the person (progress, notes, prompts, errors) goes to stderr.
 */
import type { Readable, Writable } from "node:stream";
import type { TerminalInput } from "./prompt";

export interface CommandIo {
    stdin: TerminalInput & Readable;
    stdout: Writable & { isTTY?: boolean };
    stderr: Writable & { isTTY?: boolean };
    env: NodeJS.ProcessEnv;
    cwd: string;
}

export function processIo(): CommandIo {
    return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Writes `text` and ends it with a line break unless it already has one. */
export function writeLine(stream: Writable, text: string): void {
    stream.write(text.endsWith("\n") ? text : `${text}\n`);
}
