/**
 * One msal-node public client application per Microsoft tenant, authority host and app: the
 * authority is `<host>/<tenant id>`. Microsoft's own hosts are known to msal-node; any other host (a
 * sovereign cloud's alias, the simulator) is trusted through `knownAuthorities`, as msal-node's
 * configuration documents for custom authorities, so msal fetches that host's OpenID discovery
 * document and no instance discovery from Microsoft. msal-node accepts https authorities only.
 * msal-node is loaded only when a tenant signs in, so other vendors' runs never load it.
 */
import type { PublicClientApplication } from "@azure/msal-node";
import { MicrosoftNetwork } from "./network";

/** Hosts msal-node knows (its instance discovery metadata): public cloud and national clouds. */
const microsoftHosts = new Set([
    "login.microsoftonline.com",
    "login.microsoft.com",
    "login.windows.net",
    "sts.windows.net",
    "login.microsoftonline.us",
    "login.usgovcloudapi.net",
    "login-us.microsoftonline.com",
    "login.chinacloudapi.cn",
    "login.partner.microsoftonline.cn",
]);

export interface MicrosoftApp {
    /** The authority host, `https://login.microsoftonline.com`. */
    authorityHost: string;
    tenantId: string;
    clientId: string;
}

export interface MsalClient {
    app: PublicClientApplication;
    network: MicrosoftNetwork;
}

export function msalClient(target: MicrosoftApp): MsalClient {
    const { PublicClientApplication: Pca, LogLevel } = require("@azure/msal-node") as typeof import("@azure/msal-node");
    const host = new URL(target.authorityHost).host;
    const network = new MicrosoftNetwork();
    const app = new Pca({
        auth: {
            clientId: target.clientId,
            authority: `${target.authorityHost.replace(/\/+$/, "")}/${target.tenantId}`,
            knownAuthorities: microsoftHosts.has(host.toLowerCase()) ? [] : [host],
        },
        system: {
            networkClient: network,
            // msal's log would carry tokens' metadata; errors reach the caller as exceptions anyway.
            loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
        },
    });
    return { app, network };
}
