import { getNumberSetting, getSetting, requireSetting } from "../config";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { assertTransportAllowed } from "../http/transport-guard";
import { masergyErrorFormat } from "./masergy-answers";
import { masergyTokenSource, type MasergyCredential } from "./tokens";

/** The configured credential: the offline refresh token, else username and password. */
export function masergyCredential(): MasergyCredential {
    const refreshToken = getSetting("masergyRefreshToken");
    if (refreshToken) {
        return { kind: "refreshToken", refreshToken };
    }
    const username = getSetting("masergyUsername");
    if (!username) {
        requireSetting(
            "masergyRefreshToken",
            "an offline refresh token from `npx pulumi-ucaas masergy-login`, or set ucaas:masergyUsername and ucaas:masergyPassword",
        );
    }
    return { kind: "password", username: username!, password: requireSetting("masergyPassword", `the password of Masergy user ${username}`) };
}

/** The Masergy provisioning API client, shared by every resource in this process. */
export function masergyClient(): VendorClient {
    const apiUrl = requireSetting("masergyApiUrl");
    assertTransportAllowed("Masergy", apiUrl, "ucaas:masergyApiUrl");
    const tokenUrl = requireSetting("masergyTokenUrl");
    assertTransportAllowed("Masergy", tokenUrl, "ucaas:masergyTokenUrl");
    const credential = masergyCredential();
    const identity = credential.kind === "refreshToken" ? credential.refreshToken : `${credential.username}\n${credential.password}`;
    return cached(["masergy", apiUrl, tokenUrl, identity], () =>
        createVendorClient({
            vendor: "Masergy",
            baseUrl: apiUrl,
            errors: (d) => new MasergyApiError(d),
            errorFormat: masergyErrorFormat,
            tokens: masergyTokenSource(tokenUrl, credential),
        }),
    );
}

/** How often to poll a task and how long to wait for it, read when a wait starts. */
export function masergyJobTiming(): { intervalMs: number; timeoutMs: number } {
    return {
        intervalMs: getNumberSetting("masergyPollIntervalSeconds") * 1000,
        timeoutMs: getNumberSetting("masergyJobTimeoutMinutes") * 60_000,
    };
}
