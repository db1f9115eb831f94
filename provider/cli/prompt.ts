/**
 * Reading credentials for the command line: a visible prompt for a name, a prompt that echoes
 * nothing for a password (raw mode on a terminal), and all of stdin for scripts.
 */
import * as readline from "node:readline";
import type { Readable, Writable } from "node:stream";

/** A terminal input stream as far as we need it. */
export interface TerminalInput extends Readable {
    isTTY?: boolean;
    setRawMode?(mode: boolean): unknown;
}

export async function promptLine(input: Readable, output: Writable, question: string): Promise<string> {
    const rl = readline.createInterface({ input, output, terminal: false });
    output.write(question);
    try {
        for await (const line of rl) {
            return line.trim();
        }
        return "";
    } finally {
        rl.close();
    }
}

/** Reads one line from a terminal without echoing it; Ctrl-C cancels. */
export function promptHidden(input: TerminalInput, output: Writable, question: string): Promise<string> {
    return new Promise((resolve, reject) => {
        let value = "";
        const done = (error?: Error) => {
            input.setRawMode?.(false);
            input.pause();
            input.removeListener("data", onData);
            output.write("\n");
            if (error) reject(error);
            else resolve(value);
        };
        const onData = (chunk: Buffer | string) => {
            for (const char of chunk.toString()) {
                if (char === "\r" || char === "\n") return done();
                if (char === "\u0003") return done(new Error("cancelled"));
                if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
                else if (char >= " ") value += char;
            }
        };
        output.write(question);
        input.setRawMode?.(true);
        input.on("data", onData);
        input.resume();
    });
}

/** Everything piped to stdin, without the final line break. */
export async function readAll(input: Readable): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of input) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    }
    return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}
