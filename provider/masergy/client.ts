import { configKeyName, envVarName, getNumberSetting, getSetting, requireSetting } from "../config";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { assertTransportAllowed, isLoopbackHost } from "../http/transport-guard";
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

/** Masergy: "We recommend not to poll more than once every 10 seconds" (seed, "1. Polling"). */
export const masergyMinPollIntervalSeconds = 10;

/**
 * How often the run may poll and how long to wait for a job, read when an operation starts (before
 * anything is sent, so a refused setting never leaves a job behind). A poll interval below Masergy's
 * 10 seconds is refused for every Masergy host but this machine's (the simulators).
 */
export function masergyJobTiming(): { intervalMs: number; timeoutMs: number } {
    const seconds = getNumberSetting("masergyPollIntervalSeconds");
    const api = assertTransportAllowed("Masergy", requireSetting("masergyApiUrl"), "ucaas:masergyApiUrl");
    if (seconds < masergyMinPollIntervalSeconds && !isLoopbackHost(api.hostname)) {
        throw new Error(
            `Masergy: ${configKeyName("masergyPollIntervalSeconds")} / ${envVarName("masergyPollIntervalSeconds")} is ${seconds}, ` +
                `but Masergy asks for no more than one poll every ${masergyMinPollIntervalSeconds} seconds; ` +
                `intervals below ${masergyMinPollIntervalSeconds} are allowed only against a simulator on this machine, ` +
                `not ${api.host}. Set it to ${masergyMinPollIntervalSeconds} or more, or leave it unset.`,
        );
    }
    return { intervalMs: seconds * 1000, timeoutMs: getNumberSetting("masergyJobTimeoutMinutes") * 60_000 };
}
