/** Field names whose values never appear in an error, a log line or a progress message. */
const secretFieldPattern = /pass(word|code)?|pin$|secret|token|authorization|credential/i;

export function isSecretFieldName(name: string): boolean {
    return secretFieldPattern.test(name);
}

/** A deep copy of a JSON-like value with every secret-named field replaced by "[REDACTED]". */
export function redact(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(redact);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, isSecretFieldName(key) ? "[REDACTED]" : redact(inner)]),
        );
    }
    return value;
}

/** Removes known secret values from free text, e.g. a vendor message that echoes a token back. */
export function scrubText(text: string, secrets: readonly string[]): string {
    return secrets
        .filter((secret) => secret.length >= 4)
        .reduce((result, secret) => result.split(secret).join("[REDACTED]"), text);
}
