/**
 * Reading credentials for the command line: on a terminal, a visible prompt for a name and a prompt
 * that echoes nothing for a password (npm's `read`, which mutes the terminal's echo; Ctrl-C cancels);
 * for scripts, all of stdin. Prompts go to stderr so that stdout carries only results.
 */
import type { Readable, Writable } from "node:stream";
import { read } from "read";

/** A terminal input stream as far as we need it. */
export interface TerminalInput extends Readable {
    isTTY?: boolean;
    setRawMode?(mode: boolean): unknown;
}

export function promptLine(input: TerminalInput, output: Writable, question: string): Promise<string> {
    return read({ input, output, prompt: question, terminal: input.isTTY === true }).then((answer) => answer.trim());
}

/** Reads one line from a terminal without echoing it; Ctrl-C rejects with "canceled". */
export async function promptHidden(input: TerminalInput, output: Writable, question: string): Promise<string> {
    try {
        return await read({ input, output, prompt: question, silent: true, terminal: true });
    } finally {
        // The terminal's own line break after Enter (or ^C) was muted with the echo.
        output.write("\n");
    }
}

/** Everything piped to stdin, without the final line break. */
export async function readAll(input: Readable): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of input) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
