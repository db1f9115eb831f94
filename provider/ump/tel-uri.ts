/**
 * Telephone URIs as UMP writes LineURI and PrivateLine: `tel:` and an E.164 number, optionally an
 * extension (`tel:+31365461212;ext=1212`). The vendor is loose about them (its documentation
 * writes `Tel:`, its responses carry stray spaces), so everything compares them in one canonical
 * spelling: lower-case `tel:` and `;ext=`, no whitespace.
 */
export interface TelUri {
    /** E.164 with the plus: `+31365461212`. */
    number: string;
    extension?: string;
}

const strictTelUri = /^tel:(\+[1-9]\d{6,14})(?:;ext=(\d{1,15}))?$/i;

/** Parses an exact `tel:+E164[;ext=digits]`, any letter case, no whitespace. */
export function parseTelUri(text: string): TelUri | undefined {
    const match = strictTelUri.exec(text);
    return match ? { number: match[1], ...(match[2] !== undefined && { extension: match[2] }) } : undefined;
}

export function formatTelUri(uri: TelUri): string {
    return `tel:${uri.number}${uri.extension !== undefined ? `;ext=${uri.extension}` : ""}`;
}

/**
 * The canonical spelling of a number written by a person or returned by UMP: whitespace
 * removed, `tel:` added when missing, letter case fixed. Undefined when it is not a number.
 */
export function normalizeTelUri(text: string): string | undefined {
    const compact = text.replace(/\s+/g, "");
    const parsed = parseTelUri(/^tel:/i.test(compact) ? compact : `tel:${compact}`);
    return parsed && formatTelUri(parsed);
}
