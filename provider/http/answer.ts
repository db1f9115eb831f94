/**
 * How a request's answer is read. Every request declares it: either a JSON body that must match a
 * zod schema (the part of the answer we read; unknown members are ignored), or no body we read.
 * An answer that does not match is a `VendorAnswerError`, never an empty list, "not found" or a default.
 */
import type { z } from "zod";
import { excerpt } from "./redact";
import type { AnswerProblem } from "./errors";

/** A JSON body (JSON content type) that must match `schema`; `expected` words it for errors. */
export interface JsonAnswer<T> {
    kind: "json";
    expected: string;
    schema: z.ZodType<T>;
}

/**
 * An answer we do not read (a write answered 204, or with a body we ignore): an empty body, or a
 * JSON one. Anything else (an HTML login page answered 200 to a write) means the write did not
 * reach the vendor, or we cannot tell that it did, and is an error.
 */
export interface NoAnswer {
    kind: "none";
}

export type AnswerSpec<T> = JsonAnswer<T> | NoAnswer;

export const noAnswer: NoAnswer = { kind: "none" };

export function jsonAnswer<S extends z.ZodType>(expected: string, schema: S): JsonAnswer<z.output<S>> {
    return { kind: "json", expected, schema: schema as z.ZodType<z.output<S>> };
}

/** The JSON media types: `application/json`, and `application/<anything>+json` (problem details). */
export function isJsonContentType(contentType: string | undefined): boolean {
    const media = contentType?.split(";")[0].trim().toLowerCase();
    return media === "application/json" || (media?.startsWith("application/") === true && media.endsWith("+json"));
}

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; problem: AnswerProblem };

const describeReceived = (contentType: string | undefined, text: string) =>
    text === "" ? "an empty body" : `${contentType ?? "no content type"} (${Buffer.byteLength(text)} bytes): ${excerpt(text)}`;

/** Reads a 2xx body as `spec` declares. */
export function readAnswer<T>(spec: AnswerSpec<T>, contentType: string | undefined, text: string): ReadOutcome<T> {
    const received = () => describeReceived(contentType, text);
    if (spec.kind === "none") {
        if (text === "" || (isJsonContentType(contentType) && parseJson(text).ok)) {
            return { ok: true, value: undefined as T };
        }
        return { ok: false, problem: { expected: "no body, or a JSON body", received: received() } };
    }
    if (text === "") {
        return { ok: false, problem: { expected: spec.expected, received: received() } };
    }
    if (!isJsonContentType(contentType)) {
        return { ok: false, problem: { expected: `${spec.expected}, as JSON`, received: received() } };
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
        return { ok: false, problem: { expected: spec.expected, received: `malformed JSON (${parsed.error}): ${received()}` } };
    }
    const result = spec.schema.safeParse(parsed.value);
    if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
        return { ok: false, problem: { expected: spec.expected, received: received(), issues } };
    }
    return { ok: true, value: result.data };
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
    try {
        return { ok: true, value: JSON.parse(text) };
    } catch (error) {
        return { ok: false, error: (error as Error).message };
    }
}

/** `["items", 0, "id"]` -> `items[0].id`. */
export function issuePath(path: readonly PropertyKey[]): string {
    return path.reduce<string>(
        (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)),
        "",
    );
}
