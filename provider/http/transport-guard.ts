import { getBooleanSetting } from "../config";

const loopbackHosts = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** This machine: `localhost`, 127.x.x.x or ::1 (a local simulator, never a vendor). */
export function isLoopbackHost(hostname: string): boolean {
    return loopbackHosts.test(hostname);
}

/**
 * Credentials must not cross a network in clear text: plain http:// is allowed only to this
 * machine, unless the operator opts in with `ucaas:insecureHttp`.
 */
export function assertTransportAllowed(vendor: string, baseUrl: string, settingName: string): URL {
    let url: URL;
    try {
        url = new URL(baseUrl);
    } catch {
        throw new Error(`${vendor}: ${settingName} is not a valid URL: "${baseUrl}".`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new Error(`${vendor}: ${settingName} must be an http(s) URL, got "${url.protocol}".`);
    }
    if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !getBooleanSetting("insecureHttp")) {
        throw new Error(
            `${vendor}: refusing plain http:// to ${url.host} (${settingName}); use https://, ` +
                "or set ucaas:insecureHttp / UCAAS_INSECURE_HTTP=true if this network is trusted.",
        );
    }
    return url;
}
