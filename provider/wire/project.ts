/**
 * The part of a vendor's value that corresponds to what we manage: object members we never set
 * are dropped at every depth, so vendor-side defaults and additions do not show as drift.
 */
export function projectOnto(live: unknown, managed: unknown): unknown {
    if (isPlainObject(live) && isPlainObject(managed)) {
        return Object.fromEntries(Object.keys(managed).map((key) => [key, projectOnto(live[key], managed[key])]));
    }
    if (Array.isArray(live) && Array.isArray(managed) && live.length === managed.length) {
        return live.map((item, index) => projectOnto(item, managed[index]));
    }
    return live;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
