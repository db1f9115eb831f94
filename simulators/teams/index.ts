/**
 * A strict simulator of the ConnecttoTeams API (OAuth password grant, getAuthenticatedUser,
 * configureUser, disableUsers) on a loopback port, for the provider's tests, the demo and users' CI.
 */
import { adminError } from "../common/admin-api";
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
export const DEFAULT_TEAMS_TENANT: TenantRecord = { tenantId: "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c", sbcGatewayIds: [11, 12] };

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
  const reset = (options: { keepTokens?: boolean } = {}) => {
    state.reset();
    if (!options.keepTokens) tokens.reset();
    server.resetTransport();
  };

  const server = await startSimServer({
    vendor: "teams",
    port: options.port,
    latencyMs: options.latencyMs,
    routes: teamsRoutes(state, tokens),
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
    stop: () => server.stop(),
    state: () => state.snapshot(),
    seedUser: (body) => configureUser(state, body).operation,
    sync: (tenantId) => state.sync(tenantId),
  };
}
