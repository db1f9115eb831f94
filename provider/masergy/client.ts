import { getNumberSetting, getSetting } from "../config";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { assertVendorSettings } from "../settings/verify";
import { masergyErrorFormat } from "./masergy-answers";
import { masergyTokenSource, type MasergyCredential } from "./tokens";

/** The configured credential: the offline refresh token, else username and password. */
export function masergyCredential(): MasergyCredential {
    assertVendorSettings("masergy");
    const refreshToken = getSetting("masergyRefreshToken");
    if (refreshToken) {
        return { kind: "refreshToken", refreshToken };
    }
    return { kind: "password", username: getSetting("masergyUsername")!, password: getSetting("masergyPassword")! };
}

/** The Masergy provisioning API client, shared by every resource in this process. */
export function masergyClient(): VendorClient {
    const credential = masergyCredential();
    const apiUrl = getSetting("masergyApiUrl")!;
    const tokenUrl = getSetting("masergyTokenUrl")!;
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

/**
 * How often the run may poll and how long to wait for a job, read when an operation starts (before
 * anything is sent, so a refused setting never leaves a job behind). The settings rules refuse a poll
 * interval below Masergy's 10 seconds ("We recommend not to poll more than once every 10 seconds",
 * seed, "1. Polling") for every Masergy host but this machine's (the simulators).
 */
export function masergyJobTiming(): { intervalMs: number; timeoutMs: number } {
    return {
        // Stacks polling one Masergy API at once (shards) each take their share of its poll rate.
        intervalMs: getNumberSetting("masergyPollIntervalSeconds") * getNumberSetting("masergyPollSharedBy") * 1000,
        timeoutMs: getNumberSetting("masergyJobTimeoutMinutes") * 60_000,
    };
}
