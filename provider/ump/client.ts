import { getSetting } from "../config";
import { staticToken } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { UmpApiError } from "../http/errors";
import { assertVendorSettings } from "../settings/verify";
import { umpErrorFormat } from "./ump-answers";

/** The UMP client for the configured server, shared by every resource and lookup in this process. */
export function umpClient(): VendorClient {
    assertVendorSettings("ump");
    const baseUrl = getSetting("umpUrl")!;
    // UMP ENT documents no authentication; deployments that put a bearer token in front set ucaas:umpToken.
    const token = getSetting("umpToken");
    return cached(["ump", baseUrl, token], () =>
        createVendorClient({
            vendor: "AudioCodes UMP",
            baseUrl,
            errors: (d) => new UmpApiError(d),
            errorFormat: umpErrorFormat,
            tokens: token ? staticToken(token) : undefined,
        }),
    );
}
