/**
 * During preview an input computed from another resource arrives as this sentinel string
 * (`pulumi.runtime.unknownValue`'s wire form in dynamic providers).
 */
export const unknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Paths ("a.b.0") of every unknown value inside `value`. */
export function unknownPaths(value: unknown, prefix: string[] = []): string[][] {
    if (value === unknownSentinel) {
        return [prefix];
    }
    if (Array.isArray(value)) {
        return value.flatMap((item, index) => unknownPaths(item, [...prefix, String(index)]));
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([key, inner]) => unknownPaths(inner, [...prefix, key]));
    }
    return [];
}

export function startsWith(path: readonly PropertyKey[], prefix: readonly string[]): boolean {
    return prefix.every((segment, index) => String(path[index]) === segment);
}
