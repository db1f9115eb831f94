/**
 * A strict simulator of the Masergy UCaaS Provisioning API and its Keycloak token endpoint on one
 * loopback port: asynchronous writes run as real jobs with steps, `user/find`, the task report,
 * the lookups, and job notifications (webhooks, emails in an outbox). For tests, the demo and CI.
 */
import { adminError, OK } from "../common/admin-api";
import type { Route } from "../common/router";
import { startSimServer } from "../common/sim-server";
import type { Fault, SimulatorHandle } from "../common/types";
import { isPlainObject } from "../common/validate";
import { DEFAULT_GROUPS, type GroupSeed } from "./catalog";
import { renderMasergyProblem } from "./errors";
import { Keycloak, TOKEN_PATH, type MasergyAccount } from "./keycloak";
import { Notifier, type NotificationEmail, type WebhookDelivery } from "./notifications";
import { validateRequest } from "./requests";
import { API_PREFIX, provisioningRoutes } from "./routes";
import { MasergyState, type MasergyStateSnapshot, type MasergyUserRecord } from "./state";
import { StepFailure, planFor } from "./task-plans";
import { TaskQueue, type TaskFault } from "./tasks";
import type { TaskView } from "./task-view";

export { MASERGY_OAUTH_CLIENT_ID, type MasergyAccount } from "./keycloak";
export type { MasergyStateSnapshot, MasergyUserRecord } from "./state";
export type { GroupSeed } from "./catalog";
export type { TaskFault } from "./tasks";
export type { TaskView, StepView, TaskStatus, StepStatus, TaskResult, TaskType } from "./task-view";
export type { WebhookDelivery, NotificationEmail } from "./notifications";

export const DEFAULT_MASERGY_ACCOUNT: MasergyAccount = { username: "provisioner@example.com", password: "masergy-sim-password" };
export const DEFAULT_MASERGY_REFRESH_TOKEN = "masergy-sim-offline-refresh-token";

export interface MasergySimulatorOptions {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  latencyMs?: number;
  /** Accounts for the password grant; default one provisioning account. */
  accounts?: MasergyAccount[];
  /** An offline refresh token that is valid from the start (for the first account). */
  refreshToken?: string;
  /** Lifetime of access tokens; default 300, as Keycloak issues them for Masergy. */
  accessTokenTtlSeconds?: number;
  /** Make refresh tokens single-use (Keycloak's "Revoke Refresh Token"); default false. */
  rotateRefreshTokens?: boolean;
  /** How long a job takes from acceptance to its end; default 1500 ms. */
  jobDurationMs?: number;
  groups?: GroupSeed[];
}

export interface MasergySimulatorHandle extends SimulatorHandle {
  vendor: "masergy";
  /** What `ucaas:masergyApiUrl` should be. */
  apiUrl: string;
  /** What `ucaas:masergyTokenUrl` should be. */
  tokenUrl: string;
  /** The offline refresh token valid from the start. */
  refreshToken: string;
  account: MasergyAccount;
  /** Deep copy of groups and users, secrets included. */
  state(): MasergyStateSnapshot;
  /** Every task report, oldest first. */
  tasks(): TaskView[];
  /** Creates a user at once, as if made in the portal (same validation as user/create); throws when a step cannot run. */
  seedUser(body: Record<string, unknown>): string;
  /** An out-of-band change to a stored user. */
  mutateUser(userId: string, patch: Partial<MasergyUserRecord>): void;
  setJobDuration(ms: number): void;
  /** The next task with this step fails there. */
  failNextTask(fault: Omit<Extract<TaskFault, { kind: "fail" }>, "kind">): void;
  /** The next task (of `taskType`) stops at `step` (default its first) until `releaseTasks()`. */
  hangNextTask(fault?: Omit<Extract<TaskFault, { kind: "hang" }>, "kind">): void;
  /**
   * The next task (of `taskType`) reports `status` (default "ON_HOLD") instead of starting, for
   * `durationMs` or, without it, until `releaseTasks()`; then it runs normally.
   */
  holdNextTask(fault?: Omit<Extract<TaskFault, { kind: "hold" }>, "kind">): void;
  /** The next task (of `taskType`) runs normally but ends with this `taskResult` (view and webhook) instead of "OK" / "FAILED". */
  setNextTaskResult(fault: Omit<Extract<TaskFault, { kind: "result" }>, "kind">): void;
  /** Lets hung and held tasks go on; returns how many there were. */
  releaseTasks(): number;
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once the webhook POSTs sent so far have ended. */
  webhooksSettled(): Promise<void>;
  emails(): NotificationEmail[];
  /** Revokes every refresh token (or one), as the self-service UI does. */
  revokeRefreshTokens(token?: string): void;
  /** Issues another offline refresh token for an account. */
  issueRefreshToken(username?: string): string;
}

/** Secrets replaced by "[REDACTED]" in the request log. */
const SECRET_FIELDS = ["password", "refresh_token", "access_token", "webPortalPassword", "voicePortalPasscode"];

export async function startMasergySimulator(options: MasergySimulatorOptions = {}): Promise<MasergySimulatorHandle> {
  const accounts = options.accounts ?? [DEFAULT_MASERGY_ACCOUNT];
  const refreshToken = options.refreshToken ?? DEFAULT_MASERGY_REFRESH_TOKEN;
  const ttl = options.accessTokenTtlSeconds ?? 300;
  if (!(ttl > 0)) throw new Error(`accessTokenTtlSeconds must be positive, got ${ttl}`);
  const state = new MasergyState(options.groups ?? DEFAULT_GROUPS);
  const keycloak = new Keycloak(accounts, ttl, options.rotateRefreshTokens ?? false, refreshToken);
  const notifier = new Notifier();
  const initialDuration = options.jobDurationMs ?? 1500;
  const tasks = new TaskQueue(notifier, initialDuration);
  const reset = () => {
    state.reset();
    keycloak.reset();
    tasks.reset();
    tasks.setDuration(initialDuration);
    notifier.reset();
    server.resetTransport();
  };
  const seedUser = (body: Record<string, unknown>) => {
    const request = validateRequest("create", state, body);
    for (const step of planFor("create", state, request)) {
      try {
        step.run();
      } catch (error) {
        if (error instanceof StepFailure) throw new Error(`cannot seed user ${request.userId}: ${step.name}: ${error.message}`);
        throw error;
      }
    }
    return request.userId as string;
  };

  const server = await startSimServer({
    vendor: "masergy",
    port: options.port,
    latencyMs: options.latencyMs,
    routes: [keycloak.route(), ...provisioningRoutes(state, tasks)],
    secretFields: SECRET_FIELDS,
    renderProblem: renderMasergyProblem,
    authorize: (parts) => keycloak.check(parts),
    adminState: () => ({ ...state.snapshot(), tasks: tasks.list(), jobDurationMs: tasks.duration }),
    adminReset: reset,
    adminRoutes: adminRoutes(keycloak, tasks, notifier),
  });

  return {
    vendor: "masergy",
    url: server.url,
    adminUrl: server.adminUrl,
    apiUrl: `${server.url}${API_PREFIX}`,
    tokenUrl: `${server.url}${TOKEN_PATH}`,
    refreshToken,
    account: accounts[0],
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    reset,
    setLatency: (ms: number) => server.setLatency(ms),
    injectFault: (fault: Fault) => server.injectFault(fault),
    expireTokens: () => keycloak.expireAccessTokens(),
    stop: async () => {
      tasks.reset();
      await server.stop();
    },
    state: () => state.snapshot(),
    tasks: () => tasks.list(),
    seedUser,
    mutateUser: (userId, patch) => {
      const user = state.user(userId);
      if (!user) throw new Error(`no user ${userId}`);
      Object.assign(user, structuredClone(patch));
    },
    setJobDuration: (ms) => tasks.setDuration(ms),
    failNextTask: (fault) => void tasks.addFault({ kind: "fail", ...fault }),
    hangNextTask: (fault = {}) => void tasks.addFault({ kind: "hang", ...fault }),
    holdNextTask: (fault = {}) => void tasks.addFault({ kind: "hold", ...fault }),
    setNextTaskResult: (fault) => void tasks.addFault({ kind: "result", ...fault }),
    releaseTasks: () => tasks.release(),
    webhookDeliveries: () => notifier.webhooks(),
    webhooksSettled: () => notifier.settled(),
    emails: () => notifier.emails(),
    revokeRefreshTokens: (token) => keycloak.revokeRefreshTokens(token),
    issueRefreshToken: (username) => keycloak.issueOfflineToken(username),
  };
}

function body(request: { body: unknown }, allowed: string[]): Record<string, unknown> {
  const value = request.body ?? {};
  if (!isPlainObject(value) || Object.keys(value).some((key) => !allowed.includes(key))) {
    throw adminError(400, `body must be a JSON object with only ${allowed.join(", ") || "no fields"}`);
  }
  return value;
}

function adminRoutes(keycloak: Keycloak, tasks: TaskQueue, notifier: Notifier): Route[] {
  const post = (pattern: string, handler: Route["handler"]): Route => ({ method: "POST", pattern: `/__admin/${pattern}`, body: "json", handler });
  return [
    post("expire-tokens", (request) => (body(request, []), keycloak.expireAccessTokens(), OK)),
    post("revoke-refresh-tokens", (request) => {
      const { token } = body(request, ["token"]);
      keycloak.revokeRefreshTokens(typeof token === "string" ? token : undefined);
      return OK;
    }),
    { method: "GET", pattern: "/__admin/jobs", handler: () => ({ status: 200, body: { durationMs: tasks.duration } }) },
    post("jobs", (request) => {
      const { durationMs } = body(request, ["durationMs"]);
      if (typeof durationMs !== "number" || !(durationMs >= 0)) throw adminError(400, "durationMs must be a non-negative number");
      tasks.setDuration(durationMs);
      return { status: 200, body: { durationMs } };
    }),
    post("task-faults", ({ body }) => {
      try {
        return { status: 201, body: tasks.addFault(body as TaskFault) };
      } catch (error) {
        throw adminError(400, (error as Error).message);
      }
    }),
    post("release-tasks", (request) => (body(request, []), { status: 200, body: { released: tasks.release() } })),
    { method: "GET", pattern: "/__admin/tasks", handler: () => ({ status: 200, body: tasks.list() }) },
    { method: "GET", pattern: "/__admin/webhooks", handler: () => ({ status: 200, body: notifier.webhooks() }) },
    { method: "GET", pattern: "/__admin/emails", handler: () => ({ status: 200, body: notifier.emails() }) },
  ];
}
