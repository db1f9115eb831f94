/**
 * A failure the pack cannot judge past (it fails the run: fail closed). @pulumi/policy prints an
 * error's stack; this one's "stack" is its message, one line a person can act on.
 */
export class GuardrailError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "GuardrailError";
        this.stack = message;
    }
}
