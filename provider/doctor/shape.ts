/**
 * The shape of a vendor answer with none of its values: member names, types, array lengths, and
 * each string as its kind and length (`string(email, 16)`). A shape can go into a bug report:
 * tokens, credentials and personal values (names, numbers, addresses) never appear in it.
 */

export type Shape = string | Shape[] | { [key: string]: Shape };

/** Coarse kinds: enough to see a format changed (E.164 vs national digits), never the value. */
const stringKinds: Array<[string, RegExp]> = [
    ["blank", /^\s+$/],
    ["digits", /^\d+$/],
    ["e164", /^\+\d{6,15}$/],
    ["tel-uri", /^tel:/i],
    ["sip-uri", /^sip:/i],
    ["email", /^[^@\s]+@[^@\s]+$/],
    ["uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
    ["date-time", /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/],
    ["date", /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/],
    ["url", /^https?:\/\//i],
    ["jwt", /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/],
    ["host name", /^([a-z0-9-]+\.)+[a-z]{2,}$/i],
    ["upper-case word", /^[A-Z][A-Z0-9_]*$/],
    ["opaque", /^[A-Za-z0-9_\-+/=.]{20,}$/],
    ["word", /^[A-Za-z][A-Za-z0-9_-]*$/],
];

export function stringKind(text: string): string {
    if (text === "") return "empty";
    return stringKinds.find(([, pattern]) => pattern.test(text))?.[0] ?? "text";
}

/** `string(email, 16)`; spaces around a value are worth seeing (UMP pads some), so they are named. */
export function describeString(text: string): string {
    if (text === "") return "string(empty)";
    const trimmed = text.trim();
    const padded = trimmed !== text && trimmed !== "" ? ", with spaces around it" : "";
    return `string(${stringKind(trimmed || text)}, ${[...text].length}${padded})`;
}

/** Member names are kept when they look like field names; anything else (an e-mail, a number) is replaced by its kind. */
export function safeKey(key: string): string {
    return /^[A-Za-z_$][A-Za-z0-9_$.-]{0,63}$/.test(key) ? key : `<${describeString(key)}>`;
}

const distinctItemsShown = 3;

export function shapeOf(value: unknown): Shape {
    if (value === null) return "null";
    if (Array.isArray(value)) {
        // Items of one list usually share a shape: show each distinct one once.
        const distinct = new Map<string, Shape>();
        for (const item of value) {
            const shape = shapeOf(item);
            distinct.set(JSON.stringify(shape), shape);
        }
        const shown = [...distinct.values()].slice(0, distinctItemsShown);
        const more = distinct.size - shown.length;
        return [`${value.length} item(s)`, ...shown, ...(more > 0 ? [`${more} more distinct item shape(s)`] : [])];
    }
    if (typeof value === "object") {
        const shape: Record<string, Shape> = {};
        for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
            let name = safeKey(key);
            for (let n = 2; Object.hasOwn(shape, name); n++) name = `${safeKey(key)}#${n}`;
            shape[name] = shapeOf(inner);
        }
        return shape;
    }
    if (typeof value === "string") return describeString(value);
    if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
    return typeof value;
}

/** A value in words for a "received" part: its type and, for a string, kind and length. */
export function describeValue(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
    if (typeof value === "string") return `a ${describeString(value)}`;
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}

function decoded(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}

/**
 * `GET api/users/NzAw...` -> `GET api/users/{string(opaque, 24)}`: path segments that are neither
 * lower-case words nor among `words` (the check's own request template), and every string query
 * value, replaced by their kind. Numbers and flags in the query are the client's own (paging).
 */
export function requestTemplate(method: string, path: string, searchParams?: Record<string, unknown>, words = ""): string {
    const known = new Set(words.split(/[^A-Za-z0-9_-]+/));
    const segments = path
        .replace(/^\/+/, "")
        .split("/")
        .map((segment) => (/^[a-z][a-z0-9_-]*$|^\d+(\.\d+)*$|^$/.test(segment) || known.has(segment) ? segment : `{${describeString(decoded(segment))}}`));
    const query = Object.entries(searchParams ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${safeKey(key)}=${typeof value === "string" ? `{${describeString(value)}}` : String(value)}`);
    return `${method} ${segments.join("/")}${query.length ? `?${query.join("&")}` : ""}`;
}

/**
 * A value of the vendor's vocabulary (a status, a role type) is shown as it is when it looks like
 * one: a short word (a time zone's `Area/City` too). Anything else is shown by kind, as every other value.
 */
export function vocabulary(value: string): string {
    return /^[A-Za-z][A-Za-z0-9_/+-]{0,39}$/.test(value) ? `"${value}"` : `a ${describeString(value)}`;
}
