/**
 * A strict, faithful simulator of the PortSIP PBX v22 REST API (roles, users, groups, OAuth login)
 * on a loopback port, for the provider's tests, the demo and users' CI.
 */
import { adminError, OK } from "../common/admin-api";
import { startSimServer } from "../common/sim-server";
import type { Fault, SimulatorHandle } from "../common/types";
import { isPlainObject } from "../common/validate";
import { TokenStore, type LoginAccount } from "./auth";
import { renderPortSipProblem } from "./errors";
import { checkExtraPermissionFlags, type ExtraPermissionFlags } from "./permissions";
import { createRole } from "./role-rules";
import { groupRoutes } from "./routes-groups";
import { loginRoutes } from "./routes-login";
import { roleRoutes } from "./routes-roles";
import { userRoutes } from "./routes-users";
import { PortSipState, type PortSipStateSnapshot } from "./state";
import { createUser, patchUser } from "./user-rules";

export { PORTSIP_OAUTH_CLIENT_ID, type LoginAccount } from "./auth";
export type { PortSipStateSnapshot, RoleRecord, UserRecord, GroupRecord } from "./state";
export type { ExtraPermissionFlags } from "./permissions";

export const DEFAULT_PORTSIP_TOKEN = "portsip-sim-token";
export const DEFAULT_PORTSIP_ADMIN: LoginAccount = { username: "admin", password: "admin-sim-password" };

export interface PortSipSimulatorOptions {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  /** Static bearer token that is always accepted; default "portsip-sim-token". */
  token?: string;
  /** Accounts for the OAuth password grant; default one system admin. */
  users?: LoginAccount[];
  /** Lifetime of issued access tokens; default 1800 (the documented `expires_in`). */
  tokenTtlSeconds?: number;
  latencyMs?: number;
  /**
   * Flags that role answers (`GET /api/roles/{name}`) carry beyond PortSIP v22's, as a newer PBX's
   * would: `{ group: { flag: true|false } }`, each a new group or a new flag of a known group.
   */
  extraPermissionFlags?: ExtraPermissionFlags;
}

export interface PortSipSimulatorHandle extends SimulatorHandle {
  vendor: "portsip";
  /** The static bearer token. */
  token: string;
  /** Deep copy of everything, secrets and Microsoft 365 binding ids included. */
  state(): PortSipStateSnapshot;
  /** Same validation as POST /api/users; returns the new id, throws on invalid bodies. */
  seedUser(body: Record<string, unknown>): string;
  /** Same validation as POST /api/roles; returns the role name. */
  seedRole(body: Record<string, unknown>): string;
  /** Simulates an edit made in the PBX admin UI (any create field; same field rules). */
  mutateUser(id: string, patch: Record<string, unknown>): void;
  /** Role answers carry these flags beyond v22's from now on (`{}`: none); reset() restores the start option. */
  setExtraPermissionFlags(flags: ExtraPermissionFlags): void;
  /** With `expireStaticToken: true` the static token is rejected too, until reset(). */
  expireTokens(options?: { expireStaticToken?: boolean }): void;
  /** A new static token replaces `token` (the old one is refused with 401) until reset(); returns it. */
  rotateStaticToken(): string;
}

/** Secrets replaced by "[REDACTED]" in the request log. */
const SECRET_FIELDS = ["password", "extension_password", "voicemail_pin", "refresh_token", "access_token"];

export async function startPortSipSimulator(options: PortSipSimulatorOptions = {}): Promise<PortSipSimulatorHandle> {
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 1800;
  if (!(tokenTtlSeconds > 0)) throw new Error(`tokenTtlSeconds must be positive, got ${tokenTtlSeconds}`);
  const state = new PortSipState();
  const tokens = new TokenStore(options.token ?? DEFAULT_PORTSIP_TOKEN, tokenTtlSeconds, options.users ?? [DEFAULT_PORTSIP_ADMIN]);
  const expireTokens = (expiry: { expireStaticToken?: boolean } = {}) => tokens.expireAll(expiry);
  const initialExtraFlags = checkExtraPermissionFlags(options.extraPermissionFlags ?? {});
  let extraFlags = initialExtraFlags;
  const setExtraPermissionFlags = (flags: unknown) => void (extraFlags = checkExtraPermissionFlags(flags));
  const reset = () => {
    state.reset();
    tokens.reset();
    extraFlags = initialExtraFlags;
    server.resetTransport();
  };

  const server = await startSimServer({
    vendor: "portsip",
    port: options.port,
    latencyMs: options.latencyMs,
    routes: [...loginRoutes(tokens), ...roleRoutes(state, () => extraFlags), ...userRoutes(state), ...groupRoutes(state)],
    secretFields: SECRET_FIELDS,
    renderProblem: renderPortSipProblem,
    authorize: (parts) => tokens.check(parts),
    adminState: () => state.snapshot(),
    adminReset: reset,
    checkpoint: () => state.checkpoint(),
    adminRoutes: [
      {
        method: "POST",
        pattern: "/__admin/expire-tokens",
        body: "json",
        handler: ({ body }) => {
          if (body !== undefined && (!isPlainObject(body) || Object.keys(body).some((key) => key !== "expireStaticToken"))) {
            throw adminError(400, 'body must be empty or {"expireStaticToken": true|false}');
          }
          expireTokens({ expireStaticToken: (body as { expireStaticToken?: unknown } | undefined)?.expireStaticToken === true });
          return OK;
        },
      },
      { method: "POST", pattern: "/__admin/rotate-token", handler: () => ({ status: 200, body: { token: tokens.rotateStaticToken() } }) },
      { method: "GET", pattern: "/__admin/extra-permission-flags", handler: () => ({ status: 200, body: extraFlags }) },
      {
        method: "POST",
        pattern: "/__admin/extra-permission-flags",
        body: "json",
        handler: ({ body }) => {
          try {
            setExtraPermissionFlags(body ?? {});
          } catch (error) {
            throw adminError(400, (error as Error).message);
          }
          return { status: 200, body: extraFlags };
        },
      },
    ],
  });

  return {
    vendor: "portsip",
    url: server.url,
    adminUrl: server.adminUrl,
    get token() {
      return tokens.staticToken;
    },
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    reset,
    setLatency: (ms: number) => server.setLatency(ms),
    injectFault: (fault: Fault) => server.injectFault(fault),
    expireTokens,
    rotateStaticToken: () => tokens.rotateStaticToken(),
    stop: () => server.stop(),
    state: () => state.snapshot(),
    seedUser: (body) => createUser(state, body),
    seedRole: (body) => createRole(state, body),
    mutateUser: (id, patch) => patchUser(state, id, patch),
    setExtraPermissionFlags,
  };
}
