/**
 * Resource args use camelCase; vendors spell the same fields their own way. These convert keys
 * (never values) at every depth.
 */
export function snakeToCamel(key: string): string {
    return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function camelToSnake(key: string): string {
    return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z])([A-Z][a-z])/g, "$1_$2").toLowerCase();
}

export function mapKeysDeep(value: unknown, mapKey: (key: string) => string): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => mapKeysDeep(item, mapKey));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [mapKey(key), mapKeysDeep(inner, mapKey)]));
    }
    return value;
}

export const toSnakeCase = (value: unknown) => mapKeysDeep(value, camelToSnake);
export const toCamelCase = (value: unknown) => mapKeysDeep(value, snakeToCamel);

/** Drops null and undefined members at every depth (vendors send null for unset fields). */
export function withoutNulls(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(withoutNulls);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value)
                .filter(([, inner]) => inner !== null && inner !== undefined)
                .map(([key, inner]) => [key, withoutNulls(inner)]),
        );
    }
    return value;
}
