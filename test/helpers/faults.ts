import type { Fault } from "pulumi-ucaas/simulators";

/** A fault without its match: the tests add `method` and `pathPrefix`. */
export type AnswerFault = Fault;

/**
 * The answer faults of issue 10's "Done means" rows, as the simulators serve them: what a proxy,
 * a newer vendor version or a broken network puts where the vendor's answer should be.
 */
export const answerFaults: ReadonlyArray<{ row: string; fault: AnswerFault }> = [
    { row: "HTML 200", fault: { kind: "html" } },
    { row: "truncated JSON", fault: { kind: "truncate" } },
    // JSON, but an array where every answer we read is an object.
    { row: "wrong shape", fault: { kind: "raw", contentType: "application/json", body: '[{"unexpected":true}]' } },
    { row: "empty body", fault: { kind: "raw", body: "" } },
    // Just over the provider's 4 MiB cap, so the row stays fast.
    { row: "huge body", fault: { kind: "huge", megabytes: 5 } },
];

/** The error a rejected promise carries, for assertions on its message and properties. */
export async function failureOf(operation: Promise<unknown>): Promise<Error & { id?: string; properties?: Record<string, unknown> }> {
    try {
        await operation;
    } catch (error) {
        return error as Error & { id?: string; properties?: Record<string, unknown> };
    }
    throw new Error("expected the operation to fail, and it succeeded");
}
