/** A counter on stderr for long exports; a line per step when stderr is not a terminal. */
export interface Progress {
    step(label: string, done: number, total: number): void;
    finish(): void;
}

export function stderrProgress(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Progress {
    let lastLabel = "";
    return {
        step(label, done, total) {
            if (stream.isTTY) {
                stream.write(`\r${label}: ${done}/${total}   `);
            } else if (label !== lastLabel || done === total) {
                stream.write(`${label}: ${done}/${total}\n`);
            }
            lastLabel = label;
        },
        finish() {
            if (stream.isTTY && lastLabel) {
                stream.write("\n");
            }
        },
    };
}

export const silentProgress: Progress = { step: () => undefined, finish: () => undefined };
