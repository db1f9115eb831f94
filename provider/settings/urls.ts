/**
 * Reading a URL setting the way a person wrote it: what is wrong with it, and the URL they most
 * likely meant. Pure: no setting is read here, the caller passes what it knows.
 */

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** This machine: `localhost`, 127.x.x.x or ::1 (a local simulator, never a vendor). */
export function isLoopbackHost(hostname: string): boolean {
    return loopbackHosts.test(hostname);
}

/** What a URL's path must look like for the vendor, when the vendor fixes it. */
export interface PathRule {
    /** The path must end with this (letter case ignored), e.g. `/sysadmin/api`. */
    endsWith?: string;
    /** The path must not end with this, e.g. `/api` where requests add it themselves. */
    notEndsWith?: string;
    /** Why, in a few words: "UMP 365 ENT serves its API under /sysadmin/api". */
    because: string;
}

export interface UrlRule {
    /** An example value, shown when the value is beyond repair. */
    example: string;
    path?: PathRule;
}

/** The value with any user name, password, query and fragment masked, so a message may show it. */
export function shownUrl(raw: string): string {
    return raw
        .trim()
        .replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@?#]*@/i, (_all, scheme: string | undefined) => `${scheme ?? ""}…@`)
        .replace(/[?#].*$/, (rest) => `${rest[0]}…`);
}

const withScheme = /^([a-z][a-z0-9+.-]*):\/\//i;

/** `https://` for another host, `http://` for this machine (where the simulators run). */
function likelyScheme(hostAndRest: string): string {
    try {
        return isLoopbackHost(new URL(`http://${hostAndRest}`).hostname) ? "http://" : "https://";
    } catch {
        return "https://";
    }
}

/** The base without a trailing slash, as the clients use it. */
function withoutTrailingSlash(path: string): string {
    return path.replace(/\/+$/, "");
}

export type UrlReading = { url: URL; problem?: undefined } | { url?: undefined; problem: string; suggestion?: string };

/**
 * The URL, or what is wrong with it (a clause that follows `is "<value>", which ...`) and the
 * value to write instead when one can be guessed.
 */
export function readUrl(raw: string, rule: UrlRule): UrlReading {
    const value = raw.trim();
    const invalid = { problem: `is not a valid URL (it needs scheme://host, e.g. ${rule.example})` };
    const scheme = withScheme.exec(value);
    if (!scheme) {
        if (/^https?:/i.test(value)) {
            return invalid;
        }
        // Judged as the URL it would be with a scheme, so the suggestion is one that passes.
        const rest = value.replace(/^\/+/, "");
        const completed = readUrl(`${likelyScheme(rest)}${rest}`, rule);
        const noScheme = "has no scheme (http:// or https://)";
        if (completed.url) {
            return { problem: noScheme, suggestion: completed.url.href.replace(/\/$/, "") };
        }
        return completed.suggestion ? { problem: `${noScheme}, and ${completed.problem}`, suggestion: completed.suggestion } : completed;
    }
    const protocol = scheme[1].toLowerCase();
    if (protocol !== "http" && protocol !== "https") {
        return { problem: `is not an http(s) URL (${protocol}://)`, suggestion: `https://${value.slice(scheme[0].length)}` };
    }
    if (!URL.canParse(value) || !new URL(value).hostname) {
        return invalid;
    }
    const url = new URL(value);
    if (url.username || url.password) {
        return { problem: "holds a user name or password: credentials go in their own settings, never in a URL" };
    }
    const base = `${url.protocol}//${url.host}${withoutTrailingSlash(url.pathname)}`;
    if (url.search || url.hash || value.includes("?") || value.includes("#")) {
        return { problem: "has a query or fragment (a base URL has none)", suggestion: base };
    }
    const pathProblem = rule.path && readPath(url, rule.path);
    return pathProblem ?? { url };
}

function readPath(url: URL, rule: PathRule): UrlReading | undefined {
    const path = withoutTrailingSlash(url.pathname);
    const origin = `${url.protocol}//${url.host}`;
    if (rule.endsWith && !path.toLowerCase().endsWith(rule.endsWith.toLowerCase())) {
        return { problem: `does not end with ${rule.endsWith} (${rule.because})`, suggestion: `${origin}${path}${missingTail(path, rule.endsWith)}` };
    }
    if (rule.notEndsWith && path.toLowerCase().endsWith(rule.notEndsWith.toLowerCase())) {
        return { problem: `ends with ${rule.notEndsWith} (${rule.because})`, suggestion: `${origin}${path.slice(0, -rule.notEndsWith.length)}` };
    }
    return undefined;
}

/** What `path` lacks of `suffix`: `/api` for `/sysadmin` and `/sysadmin/api`, all of it when they do not overlap. */
function missingTail(path: string, suffix: string): string {
    for (let overlap = suffix.length - 1; overlap > 1; overlap--) {
        const head = suffix.slice(0, overlap);
        if (path.toLowerCase().endsWith(head.toLowerCase()) && suffix[overlap] === "/") {
            return suffix.slice(overlap);
        }
    }
    return suffix;
}

/** Whether credentials would cross a network in clear text: plain http:// to another machine. */
export function isPlainHttpToAnotherHost(url: URL): boolean {
    return url.protocol === "http:" && !isLoopbackHost(url.hostname);
}
