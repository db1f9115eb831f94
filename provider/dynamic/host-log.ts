/**
 * The dynamic-provider host prints `${e}: ${e.stack}` for every error of check, diff, read and
 * delete (not of create and update) to the deployment's output, under the stack, before the engine
 * reports the same error with its resource: for a refresh of 200 resources, 200 stack traces. Such
 * an error prints one line there instead: the operation and the first line of its message.
 */
export type HostLoggedOperation = "check" | "diff" | "read" | "delete";

export function oneLineInHostLog(error: unknown, operation: HostLoggedOperation): unknown {
    if (error instanceof Error) {
        Object.defineProperty(error, "toString", { value: () => "pulumi-ucaas", configurable: true, writable: true });
        error.stack = `${operation} failed: ${error.message.split("\n")[0]}`;
    }
    return error;
}
