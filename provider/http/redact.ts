import { redactedMarker, scrubSecrets } from "./secret-values";

/** Field names whose values never appear in an error, a log line or a progress message. */
const secretFieldPattern = /pass(word|code)?|pin$|secret|token|authorization|credential/i;

export function isSecretFieldName(name: string): boolean {
    return secretFieldPattern.test(name);
}

/**
 * A deep copy of a JSON-like value with every secret-named field replaced by "[REDACTED]" and every
 * known secret value scrubbed from the remaining strings (a vendor may echo one under any name).
 */
export function redact(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(redact);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value).map(([key, inner]) => [key, isSecretFieldName(key) ? redactedMarker : redact(inner)]),
        );
    }
    return typeof value === "string" ? scrubSecrets(value) : value;
}

/** Removes known secret values from free text, e.g. a vendor message that echoes a token back. */
export function scrubText(text: string, extraSecrets: readonly string[] = []): string {
    return scrubSecrets(text, extraSecrets);
}

const defaultExcerptLength = 200;

/**
 * A short, redacted excerpt of a body for an error message: JSON with secret fields redacted, any
 * other text with whitespace collapsed, every known secret scrubbed, then cut (after scrubbing, so a
 * secret is never cut in half and half-shown).
 */
export function excerpt(text: string, maxLength = defaultExcerptLength): string {
    let shown: string;
    try {
        shown = JSON.stringify(redact(JSON.parse(text)));
    } catch {
        shown = text.replace(/\s+/g, " ").trim();
    }
    shown = scrubSecrets(shown);
    return shown.length > maxLength ? `${shown.slice(0, maxLength)}…` : shown;
}
