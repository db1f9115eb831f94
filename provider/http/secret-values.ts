/**
 * Every secret value this process has seen: access and refresh tokens the run obtained, the secret
 * settings (`ucaas:pbxToken`, passwords, client secrets) and the secret inputs of the resources it
 * operates on. Vendor messages, echoed bodies, log lines and errors pass through `scrubSecrets`
 * before anyone sees them, so a vendor that echoes a request never puts a credential on screen.
 *
 * Process-wide on purpose: a value registered by one resource or token source is scrubbed from
 * every other message too, which costs nothing and can only hide more.
 */

/** Shorter values would scrub ordinary words and digits; secrets this short are refused by the schemas anyway. */
const minimumLength = 4;

export const redactedMarker = "[REDACTED]";

const registered = new Set<string>();
/** Longest first, so a secret that contains another is replaced whole. Rebuilt lazily. */
let ordered: string[] | undefined;

/** Remembers a secret value (and the spellings a vendor may echo it in) for `scrubSecrets`. */
export function registerSecret(value: unknown): void {
    if (typeof value !== "string" || value.length < minimumLength) {
        return;
    }
    for (const spelling of spellingsOf(value)) {
        if (!registered.has(spelling)) {
            registered.add(spelling);
            ordered = undefined;
        }
    }
}

/** Registers every string inside a JSON-like value (a secret object such as Masergy's result data). */
export function registerSecretsIn(value: unknown): void {
    if (typeof value === "string") {
        registerSecret(value);
    } else if (Array.isArray(value)) {
        value.forEach(registerSecretsIn);
    } else if (value !== null && typeof value === "object") {
        Object.values(value).forEach(registerSecretsIn);
    }
}

/** `text` with every registered secret (and every one of `extra`) replaced by "[REDACTED]". */
export function scrubSecrets(text: string, extra: readonly string[] = []): string {
    const secrets = extra.length ? sortLongestFirst([...registered, ...extra.flatMap(spellingsOf)]) : (ordered ??= sortLongestFirst([...registered]));
    let result = text;
    for (const secret of secrets) {
        if (secret.length >= minimumLength && result.includes(secret)) {
            result = result.split(secret).join(redactedMarker);
        }
    }
    return result;
}

/**
 * The ways a vendor may echo a value back: as sent, escaped inside a JSON string, URL- or
 * form-encoded (a form body or query echoed in an error page).
 */
function spellingsOf(value: string): string[] {
    const json = JSON.stringify(value).slice(1, -1);
    const url = encodeURIComponent(value);
    const form = new URLSearchParams({ v: value }).toString().slice(2);
    return [...new Set([value, json, url, form])].filter((spelling) => spelling.length >= minimumLength);
}

function sortLongestFirst(values: string[]): string[] {
    return [...new Set(values)].sort((a, b) => b.length - a.length);
}
