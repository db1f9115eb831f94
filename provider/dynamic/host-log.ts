/**
 * The dynamic-provider host prints `${e}: ${e.stack}` for every error of check, diff, read and
 * delete (not of create and update) to the deployment's output, under the stack, before the engine
 * reports the same error with its resource: for a refresh of 200 resources, 200 stack traces. Such
 * an error's stack is replaced by the resource type and the operation, which that output lacks.
 */
export type HostLoggedOperation = "check" | "diff" | "read" | "delete";

export function withoutStackTrace(error: unknown, kind: string, operation: HostLoggedOperation): unknown {
    if (error instanceof Error) {
        error.stack = `(${kind} ${operation})`;
    }
    return error;
}
