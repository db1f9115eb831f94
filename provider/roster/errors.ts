import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

export interface RosterProblem {
    file: string;
    line: number;
    column: number;
    /** Field path inside the roster, e.g. `pbx.users[0].extensionNumber`. */
    path: string;
    message: string;
}

/** A roster file as messages name it: relative to the current folder (the Pulumi project) when inside it. */
export function displayFile(file: string): string {
    if (!path.isAbsolute(file)) {
        return file;
    }
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Every problem of a roster at once, one line each with file:line:column, field path and problem.
 * A `pulumi.RunError`, so the engine prints the message alone: no "unhandled exception", no stack.
 */
export class RosterError extends pulumi.RunError {
    constructor(readonly file: string, readonly problems: readonly RosterProblem[]) {
        const shown = displayFile(file);
        super(
            `${shown}: ${plural(problems.length, "problem")}; the roster was not deployed:\n` +
                problems.map((p) => `  ${displayFile(p.file)}:${p.line}:${p.column} ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"),
        );
        this.name = "RosterError";
    }
}

/** A `{ secret: key }` reference of the roster and where it is used. */
export interface MissingSecret {
    /** As written in the roster: `alicePassword` (the project's namespace) or `namespace:key`. */
    key: string;
    /** Where it is used, e.g. `pbx-user-alice: password`. */
    usedBy: string[];
}

/** All the roster's secrets the stack does not have, with the commands that set them. */
export class MissingSecretsError extends pulumi.RunError {
    constructor(readonly file: string, readonly missing: readonly MissingSecret[], stack: string) {
        const commands = missing.map((m) => `pulumi config set --secret --stack ${stack} ${m.key}`);
        const width = Math.max(...commands.map((c) => c.length));
        super(
            `${displayFile(file)}: ${plural(missing.length, "secret")} not set in stack "${stack}"; the roster was not deployed. ` +
                "Set each (the command asks for the value), then run again:\n" +
                commands.map((command, i) => `  ${command.padEnd(width)}  # ${missing[i].usedBy.join(", ")}`).join("\n"),
        );
        this.name = "MissingSecretsError";
    }
}
