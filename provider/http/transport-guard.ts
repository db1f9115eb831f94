import { bothNames, getBooleanSetting, getSetting, type SettingKey } from "../config";
import { plainHttpRefusal, urlSettings } from "../settings/rules";
import { isLoopbackHost, isPlainHttpToAnotherHost, readUrl, shownUrl } from "../settings/urls";

export { isLoopbackHost };

/**
 * Credentials must not cross a network in clear text: plain http:// is allowed only to this
 * machine, unless the operator opts in with `ucaas:insecureHttp`. For URLs that are not settings
 * (a command's `--token-url`); settings are judged by `settings/rules.ts` with the same words.
 */
export function assertTransportAllowed(vendor: string, baseUrl: string, settingName: string): URL {
    const reading = readUrl(baseUrl, { example: "https://host.example.com" });
    if (reading.problem !== undefined) {
        const fix = reading.suggestion ? `: use ${reading.suggestion}` : "";
        throw new Error(`${vendor}: ${settingName} is "${shownUrl(baseUrl)}", which ${reading.problem}${fix}.`);
    }
    if (isPlainHttpToAnotherHost(reading.url) && !getBooleanSetting("insecureHttp")) {
        throw new Error(`${vendor}: ${plainHttpRefusal(reading.url.host, settingName)}`);
    }
    return reading.url;
}

/** The URL setting a client's base URL came from (the token endpoint's client has its folder as base). */
function settingWithUrl(baseUrl: string): SettingKey | undefined {
    const base = baseUrl.replace(/\/+$/, "");
    return urlSettings.find((key) => {
        const value = getSetting(key)?.trim().replace(/\/+$/, "");
        return value !== undefined && (value === base || value.startsWith(`${base}/`));
    });
}

/**
 * A TLS handshake that met plain HTTP (OpenSSL's "wrong version number", EPROTO): the server at an
 * https:// URL speaks http. Said in those words with the URL to use, instead of OpenSSL's dump.
 */
export function plainHttpServerMessage(error: unknown, baseUrl: string): string | undefined {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== "EPROTO" || !/wrong version number/i.test(message ?? "")) {
        return undefined;
    }
    const key = settingWithUrl(baseUrl);
    const url = new URL(key ? getSetting(key)!.trim() : baseUrl);
    const port = url.port || "443"; // the port that answered, which is no longer the default one
    url.protocol = "http:";
    url.port = port;
    const guard = isLoopbackHost(url.hostname)
        ? ""
        : `, and set ${bothNames("insecureHttp")}=true if this network is trusted (credentials would cross it unencrypted)`;
    return (
        `the server at ${url.host} speaks plain HTTP, not HTTPS (TLS: "wrong version number"): ` +
        `use ${shownUrl(url.href.replace(/\/$/, ""))}${key ? ` in ${bothNames(key)}` : ""}${guard}`
    );
}
