/**
 * Where an answer that our schema refused (a `VendorAnswerError`) differs from our reading: the
 * path of each problem, what the schema expects there (in zod's words), and what the answer holds
 * there, described by kind only. Nothing of the answer's values leaves here.
 */
import { isJsonContentType, parseJson } from "../http/answer";
import type { ObservedAnswer } from "../http/answer-observer";
import type { VendorAnswerError } from "../http/errors";
import type { Difference } from "./check";
import { describeValue, safeKey } from "./shape";

/** `items[0].name` -> `["items", 0, "name"]`. */
function segmentsOf(path: string): Array<string | number> {
    return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]));
}

/** A path with any member name that is not a field name (a record keyed by e-mail addresses) replaced by its kind. */
function safePath(path: string): string {
    return segmentsOf(path)
        .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : `${index ? "." : ""}${safeKey(segment)}`))
        .join("");
}

function valueAt(root: unknown, path: string): { found: true; value: unknown } | { found: false; missing: boolean } {
    let value = root;
    for (const segment of segmentsOf(path)) {
        if (value === null || typeof value !== "object") return { found: false, missing: false };
        if (!Object.hasOwn(value, segment)) return { found: false, missing: true };
        value = (value as Record<string | number, unknown>)[segment];
    }
    return { found: true, value };
}

/** "Invalid input: expected string, received undefined" -> "string"; other messages as they are. */
function expectedIn(message: string): string {
    return /expected (.+?)(?:, received .*)?$/.exec(message)?.[1] ?? message;
}

function receivedAt(body: unknown, path: string, message: string): string {
    const at = valueAt(body, path);
    if (at.found) return describeValue(at.value);
    if (at.missing) return "nothing (the member is missing)";
    // The schema reshaped the body before reading it (a bare list read as {users: [...]}): zod's own word, a type only.
    return /, received (\w+)$/.exec(message)?.[1] ?? "nothing at this path";
}

/** What the body is, as a whole, when it is not the JSON we read. */
function describeBody(answer: ObservedAnswer | undefined): string {
    if (!answer || answer.text === undefined) return "an answer we could not see";
    const bytes = Buffer.byteLength(answer.text);
    const media = answer.contentType?.split(";")[0].trim() || "no content type";
    if (bytes === 0) return "an empty body";
    if (isJsonContentType(answer.contentType) && !parseJson(answer.text).ok) return `malformed JSON (${media}, ${bytes} bytes)`;
    const markup = /^\s*</.test(answer.text) ? "an HTML or XML page, " : "";
    return `${markup}${media} (${bytes} bytes)`;
}

export function answerDifferences(error: VendorAnswerError, answer: ObservedAnswer | undefined): Difference[] {
    if (answer?.tooLarge) {
        return [{ path: "body", expected: error.expected, received: "more than that: the answer was cut off while it streamed in" }];
    }
    if (error.issues.length === 0) {
        return [{ path: "body", expected: error.expected, received: describeBody(answer) }];
    }
    const parsed = answer?.text !== undefined ? parseJson(answer.text) : undefined;
    const body = parsed?.ok ? parsed.value : undefined;
    return error.issues.map((issue) => ({
        path: safePath(issue.path) || "body",
        expected: expectedIn(issue.message),
        received: receivedAt(body, issue.path, issue.message),
    }));
}
