import { readableIssue } from "../dynamic/check";

/** What a YAML value is, in a person's words: `an object (import:)`, `a list`. */
export function describeValue(value: unknown): string {
    if (Array.isArray(value)) {
        return "a list";
    }
    if (value && typeof value === "object") {
        const keys = Object.keys(value);
        return keys.length ? `an object (${keys.map((key) => `${key}:`).join(", ")})` : "an empty object";
    }
    return JSON.stringify(value) ?? String(value);
}

/**
 * Zod's messages where a roster author needs other words: a key with nothing after its colon, an
 * object where a plain value belongs (`extensionNumber: { import: "1003" }`), a map key that is
 * not a valid name.
 */
export function rosterIssue(issue: { input?: unknown; code?: string; expected?: string; issues?: ReadonlyArray<{ message: string }> }): string | undefined {
    const { input, code, expected } = issue;
    if (code === "invalid_key" && issue.issues?.length) {
        return `is not a valid name: it ${issue.issues.map((inner) => inner.message).join("; ")}`;
    }
    if (code === "invalid_type" && input === null) {
        return expected === "array"
            ? "has nothing after its colon: write `[]` for a list that is empty on purpose, or remove the line"
            : "has nothing after its colon: write a value or remove the line";
    }
    if (code === "invalid_type" && typeof input === "object" && input !== null && ["string", "number", "boolean"].includes(String(expected))) {
        return `must be a ${expected}, not ${describeValue(input)}; only secret fields take an object, \`{ secret: <stack config key> }\``;
    }
    return readableIssue(issue);
}
