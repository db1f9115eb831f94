/**
 * Exit codes of `pulumi-ucaas`, and how an error becomes one:
 *   0  the command did what it was asked
 *   1  the operation failed (a vendor refused, `pulumi` failed, a differing reading, ...)
 *   2  the command line was wrong (unknown command or option, missing or invalid value)
 * An expected error is reported as one message on stderr, without a stack trace; only a bug
 * (a TypeError, ReferenceError or SyntaxError without a Node.js error code, such as
 * ERR_INVALID_URL, which are about input) shows its stack.
 */

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** A mistake in how the command was called: its message, a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
    override name = "UsageError";
}

export function exitCodeFor(error: unknown): number {
    return error instanceof UsageError ? exitCodes.usage : exitCodes.failed;
}

function isBug(error: unknown): error is Error {
    const kind = error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError;
    return kind && (error as { code?: unknown }).code === undefined;
}

/** The text to print for an error a command threw, without the `pulumi-ucaas <command>: ` prefix. */
export function describeError(error: unknown): string {
    if (isBug(error)) {
        return `internal error (please report it): ${error.stack ?? error.message}`;
    }
    return error instanceof Error ? error.message : String(error);
}
