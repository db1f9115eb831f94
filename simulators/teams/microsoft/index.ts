/**
 * An emulation of the Microsoft identity platform (login.microsoftonline.com) for one or more
 * Entra ID tenants: what msal-node's device-code sign-in and refresh-token acquisition reach, over
 * https with a test certificate made at start (msal-node accepts https authorities only). Clients
 * trust it with `NODE_EXTRA_CA_CERTS=<caFile>`; msal-node is pointed at it with `knownAuthorities`.
 *
 * The person in front of the browser is the admin API: `POST /__admin/device-login
 * {"userCode", "username"}` (or `"decline": true`) completes a pending device-code sign-in.
 */
import { adminError } from "../../common/admin-api";
import { isPlainObject } from "../../common/validate";
import { startSimServer } from "../../common/sim-server";
import type { Fault, SimulatorHandle } from "../../common/types";
import { Directory, type DirectoryTenant, type PublicClient } from "./directory";
import { renderMicrosoftProblem } from "./errors";
import { microsoftRoutes } from "./routes";
import { makeTestCertificate } from "../../common/test-certificate";
import { TokenService, type TokenLifetimes } from "./token-service";

export { DIRECTORY_ROLES, type DirectoryRole, type DirectoryTenant, type DirectoryUser, type PublicClient } from "./directory";

/** The app registration the simulator knows by default (a public client, device code allowed). */
export const DEFAULT_MICROSOFT_CLIENT: PublicClient = { clientId: "8d3f7a2e-51c4-4b8e-9f06-2c7d1e9a4b35", displayName: "pulumi-ucaas (simulated app registration)" };

export interface MicrosoftIdentityOptions {
  port?: number;
  /** The tenants and their users; default none (the ConnecttoTeams simulator passes its enterprises'). */
  tenants?: DirectoryTenant[];
  clients?: PublicClient[];
  /** Access token lifetime; default 3599 s. */
  accessTokenSeconds?: number;
  /** Refresh token lifetime; default 90 days, Microsoft's. */
  refreshTokenSeconds?: number;
  /** Default 900 s, Microsoft's. */
  deviceCodeSeconds?: number;
  /** The polling interval device-code answers ask for; default 5 s, Microsoft's. */
  pollIntervalSeconds?: number;
  /** A refresh token is refused after its first use (Microsoft's are not; for tests of token rotation). */
  singleUseRefreshTokens?: boolean;
  latencyMs?: number;
}

export interface MicrosoftIdentityHandle extends SimulatorHandle {
  vendor: "microsoft";
  /** The authority host, `https://127.0.0.1:<port>`; a tenant's authority is `<url>/<tenantId>`. */
  url: string;
  /** The test authority that signed the server certificate (PEM), and a file holding it for NODE_EXTRA_CA_CERTS. */
  caCert: string;
  caFile: string;
  client: PublicClient;
  /** The person at the browser: completes the pending device-code sign-in with this code as `username`. */
  approveDeviceCode(userCode: string, username: string): void;
  declineDeviceCode(userCode: string): void;
  /** Moves the emulation's clock forward: tokens, refresh tokens and device codes expire as time passes. */
  advanceClock(seconds: number): void;
  /** Revokes every refresh token (of one tenant); returns how many. */
  revokeRefreshTokens(tenantId?: string): number;
  /** What a resource server (ConnecttoTeams) learns from an access token. */
  verifyAccessToken(token: string): ReturnType<TokenService["verifyAccessToken"]>;
  state(): ReturnType<Directory["snapshot"]> & ReturnType<TokenService["snapshot"]>;
}

const SECRET_FIELDS = ["refresh_token", "device_code", "access_token", "id_token", "client_secret", "password"];

export async function startMicrosoftIdentitySimulator(options: MicrosoftIdentityOptions = {}): Promise<MicrosoftIdentityHandle> {
  const lifetimes: TokenLifetimes = {
    accessTokenSeconds: options.accessTokenSeconds ?? 3599,
    refreshTokenSeconds: options.refreshTokenSeconds ?? 90 * 24 * 3600,
    deviceCodeSeconds: options.deviceCodeSeconds ?? 900,
    pollIntervalSeconds: options.pollIntervalSeconds ?? 5,
    singleUseRefreshTokens: options.singleUseRefreshTokens ?? false,
  };
  for (const [name, value] of Object.entries(lifetimes)) {
    if (typeof value === "number" && !(value > 0)) throw new Error(`${name} must be positive, got ${value}`);
  }
  const clients = options.clients ?? [DEFAULT_MICROSOFT_CLIENT];
  const directory = new Directory(options.tenants ?? [], clients);
  const certificate = makeTestCertificate("Microsoft identity");
  let url = "";
  const tokens = new TokenService(directory, lifetimes, () => url);
  const reset = () => {
    tokens.reset();
    server.resetTransport();
  };
  const complete = (userCode: string, outcome: { username: string } | "decline") => {
    try {
      tokens.completeDeviceCode(userCode, outcome);
    } catch (error) {
      throw adminError(400, (error as Error).message);
    }
  };

  const server = await startSimServer({
    vendor: "microsoft",
    port: options.port,
    latencyMs: options.latencyMs,
    tls: { key: certificate.key, cert: certificate.cert },
    routes: microsoftRoutes(directory, tokens, () => url),
    secretFields: SECRET_FIELDS,
    renderProblem: renderMicrosoftProblem,
    adminState: () => ({ ...directory.snapshot(), ...tokens.snapshot() }),
    adminReset: reset,
    adminRoutes: [
      {
        method: "POST",
        pattern: "/__admin/device-login",
        body: "json",
        handler: ({ body }) => {
          const { userCode, username, decline } = (isPlainObject(body) ? body : {}) as { userCode?: unknown; username?: unknown; decline?: unknown };
          if (typeof userCode !== "string" || (decline !== true && typeof username !== "string")) {
            throw adminError(400, 'body must be {"userCode": "<code>", "username": "<user principal name>"} or {"userCode": "<code>", "decline": true}');
          }
          complete(userCode, decline === true ? "decline" : { username: username as string });
          return { status: 200, body: { ok: true } };
        },
      },
      {
        method: "POST",
        pattern: "/__admin/clock",
        body: "json",
        handler: ({ body }) => {
          const seconds = (body as { advanceSeconds?: unknown } | undefined)?.advanceSeconds;
          if (typeof seconds !== "number" || !(seconds > 0)) throw adminError(400, 'body must be {"advanceSeconds": <positive number>}');
          tokens.advanceClock(seconds);
          return { status: 200, body: { ok: true } };
        },
      },
      {
        method: "POST",
        pattern: "/__admin/revoke-refresh-tokens",
        body: "json",
        handler: ({ body }) => {
          const tenantId = (body as { tenantId?: unknown } | undefined)?.tenantId;
          if (tenantId !== undefined && typeof tenantId !== "string") throw adminError(400, 'body must be empty or {"tenantId": "<tenant id>"}');
          return { status: 200, body: { revoked: tokens.revokeRefreshTokens(tenantId) } };
        },
      },
    ],
  });
  url = server.url;

  return {
    vendor: "microsoft",
    url: server.url,
    adminUrl: server.adminUrl,
    caCert: certificate.caCert,
    caFile: certificate.caFile,
    client: clients[0],
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    reset,
    setLatency: (ms: number) => server.setLatency(ms),
    injectFault: (fault: Fault) => server.injectFault(fault),
    // Access tokens are self-contained JWTs: they expire by the clock, as Microsoft's do.
    expireTokens: () => tokens.advanceClock(lifetimes.accessTokenSeconds + 1),
    stop: () => server.stop(),
    approveDeviceCode: (userCode, username) => complete(userCode, { username }),
    declineDeviceCode: (userCode) => complete(userCode, "decline"),
    advanceClock: (seconds) => tokens.advanceClock(seconds),
    revokeRefreshTokens: (tenantId) => tokens.revokeRefreshTokens(tenantId),
    verifyAccessToken: (token) => tokens.verifyAccessToken(token),
    state: () => ({ ...directory.snapshot(), ...tokens.snapshot() }),
  };
}
