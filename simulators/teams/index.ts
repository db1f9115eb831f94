/**
 * A strict simulator of the ConnecttoTeams API (OAuth password grant, getAuthenticatedUser,
 * configureUser, disableUsers) on a loopback port, for the provider's tests, the demo and users' CI,
 * together with the Microsoft identity platform its enterprises sign in with (./microsoft: the
 * device-code and refresh-token grants msal-node uses), which judges `authenticationResult` tokens.
 */
import { adminError } from "../common/admin-api";
import { startMicrosoftIdentitySimulator, type DirectoryTenant, type MicrosoftIdentityHandle, type MicrosoftIdentityOptions } from "./microsoft/index";
import { isPlainObject } from "../common/validate";
import { startSimServer } from "../common/sim-server";
import type { Fault, SimulatorHandle } from "../common/types";
import { TeamsTokenStore, type TeamsAdmin, type TeamsOAuthClient } from "./auth";
import { configureUser } from "./configure-user-rules";
import { renderTeamsProblem } from "./errors";
import { teamsRoutes } from "./routes";
import { TeamsState, type TeamsStateSnapshot, type TenantRecord } from "./state";

export type { TeamsAdmin, TeamsOAuthClient } from "./auth";
export type { TeamsStateSnapshot, TeamsUserRecord, TeamsUserStatus, TenantRecord } from "./state";

export const DEFAULT_TEAMS_CLIENT: TeamsOAuthClient = { clientId: "ucaas-sim-client", clientSecret: "ucaas-sim-client-secret" };
export const DEFAULT_TEAMS_ADMIN: TeamsAdmin = { username: "api-admin", password: "api-admin-sim-password", type: "RESELLER", resellerId: 1001 };
export const DEFAULT_TEAMS_TENANT: TenantRecord = {
  tenantId: "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c",
  sbcGatewayIds: [11, 12],
  serviceProviderConsent: true,
  domain: "contoso",
};

/** The Microsoft users each enterprise's tenant has by default: a Teams Administrator and a user without a directory role. */
export function defaultMicrosoftUsers(tenant: TenantRecord): DirectoryTenant {
  const domain = `${tenant.domain ?? `tenant-${tenant.tenantId.slice(0, 8)}`}.onmicrosoft.com`;
  return {
    tenantId: tenant.tenantId,
    users: [
      { username: `teams.admin@${domain}`, displayName: "Teams Admin", roles: ["Teams Administrator"] },
      { username: `jdoe@${domain}`, displayName: "John Doe", roles: [] },
    ],
  };
}

export interface TeamsSimulatorOptions {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  /** OAuth clients; default one. */
  clients?: TeamsOAuthClient[];
  /** Portal admins for the password grant; default one reseller admin. */
  admins?: TeamsAdmin[];
  /** Enterprises and their SBC gateways; default one tenant with gateways 11 and 12. */
  tenants?: TenantRecord[];
  /** Lifetime of issued tokens; default 43199 s (Spring's default). */
  tokenTtlSeconds?: number;
  latencyMs?: number;
  /** The Microsoft identity emulation; its tenants default to the enterprises' with `defaultMicrosoftUsers`. */
  microsoft?: MicrosoftIdentityOptions;
}

export interface TeamsSimulatorHandle extends SimulatorHandle {
  vendor: "teams";
  /** The first OAuth client and admin, for pointing the provider at the simulator. */
  client: TeamsOAuthClient;
  admin: TeamsAdmin;
  /** The first tenant. */
  tenant: TenantRecord;
  /** Deep copy of the tenants and users, secrets included. */
  state(): TeamsStateSnapshot;
  /** Same rules as configureUser (a user configured outside Pulumi); not logged. */
  seedUser(body: Record<string, unknown>): "ADD" | "EDIT";
  /**
   * Back to the initial tenants with no users; clears the log, faults and latency, and the issued
   * tokens unless `keepTokens` (tests that share one provider process between resets).
   */
  reset(options?: { keepTokens?: boolean }): void;
  /** The enterprise synchronization: removes users marked for deletion; returns how many. */
  sync(tenantId?: string): number;
  /** Grants or revokes an enterprise's Service Provider Consent (the enterprise admin's portal action). */
  setConsent(tenantId: string, granted: boolean): void;
  /** The Microsoft identity platform of the enterprises' tenants (https; trust `microsoft.caFile`). */
  microsoft: MicrosoftIdentityHandle;
}

/** Secrets replaced by "[REDACTED]" in the request log. */
const SECRET_FIELDS = ["password", "rePassword", "portalPassword", "provisioningPassword", "accessToken", "idToken", "refreshToken", "access_token"];

export async function startTeamsSimulator(options: TeamsSimulatorOptions = {}): Promise<TeamsSimulatorHandle> {
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 43199;
  if (!(tokenTtlSeconds > 0)) throw new Error(`tokenTtlSeconds must be positive, got ${tokenTtlSeconds}`);
  const clients = options.clients ?? [DEFAULT_TEAMS_CLIENT];
  const admins = options.admins ?? [DEFAULT_TEAMS_ADMIN];
  const tenants = options.tenants ?? [DEFAULT_TEAMS_TENANT];
  if (!clients.length || !admins.length || !tenants.length) throw new Error("clients, admins and tenants must not be empty");
  const state = new TeamsState(tenants);
  const tokens = new TeamsTokenStore(clients, admins, tokenTtlSeconds);
  const microsoft = await startMicrosoftIdentitySimulator({ ...options.microsoft, tenants: options.microsoft?.tenants ?? tenants.map(defaultMicrosoftUsers) });
  const verify = (token: string) => microsoft.verifyAccessToken(token);
  const reset = (options: { keepTokens?: boolean } = {}) => {
    state.reset();
    if (!options.keepTokens) {
      tokens.reset();
      microsoft.reset();
    }
    microsoft.clearRequests();
    server.resetTransport();
  };

  const server = await startSimServer({
    vendor: "teams",
    port: options.port,
    latencyMs: options.latencyMs,
    routes: teamsRoutes(state, tokens, verify),
    secretFields: SECRET_FIELDS,
    renderProblem: renderTeamsProblem,
    authorize: (parts) => tokens.check(parts),
    adminState: () => state.snapshot(),
    adminReset: () => reset(),
    checkpoint: () => state.checkpoint(),
    adminRoutes: [
      {
        method: "POST",
        pattern: "/__admin/expire-tokens",
        handler: () => (tokens.expireAll(), { status: 200, body: { ok: true } }),
      },
      {
        method: "POST",
        pattern: "/__admin/consent",
        body: "json",
        handler: ({ body }) => {
          const { tenantId, granted } = (isPlainObject(body) ? body : {}) as { tenantId?: unknown; granted?: unknown };
          if (typeof tenantId !== "string" || typeof granted !== "boolean") throw adminError(400, 'body must be {"tenantId": "<tenant id>", "granted": true|false}');
          try {
            state.setConsent(tenantId, granted);
          } catch (error) {
            throw adminError(404, (error as Error).message);
          }
          return { status: 200, body: { ok: true } };
        },
      },
      {
        method: "POST",
        pattern: "/__admin/sync",
        body: "json",
        handler: ({ body }) => {
          const tenantId = (body as { tenantId?: unknown } | undefined)?.tenantId;
          if (body !== undefined && (!isPlainObject(body) || Object.keys(body).some((k) => k !== "tenantId") || (tenantId !== undefined && typeof tenantId !== "string"))) {
            throw adminError(400, 'body must be empty or {"tenantId": "<tenant id>"}');
          }
          return { status: 200, body: { removed: state.sync(tenantId as string | undefined) } };
        },
      },
    ],
  });

  return {
    vendor: "teams",
    url: server.url,
    adminUrl: server.adminUrl,
    client: clients[0],
    admin: admins[0],
    tenant: structuredClone(tenants[0]),
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    reset,
    setLatency: (ms: number) => server.setLatency(ms),
    injectFault: (fault: Fault) => server.injectFault(fault),
    expireTokens: () => tokens.expireAll(),
    stop: async () => {
      await server.stop();
      await microsoft.stop();
    },
    state: () => state.snapshot(),
    seedUser: (body) => configureUser(state, body, verify).operation,
    sync: (tenantId) => state.sync(tenantId),
    setConsent: (tenantId, granted) => state.setConsent(tenantId, granted),
    microsoft,
  };
}
