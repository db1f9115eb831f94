/**
 * The admin API under `/__admin`, for the CLI, the demo and users' CI:
 * state, request log, reset, latency and faults. Vendors add their own routes (e.g. expire-tokens).
 * It answers in its own small JSON format, `{ "error": { kind, message, detail? } }`, never the vendor's.
 */
import type { Route } from "./router";
import { SimResponseError, type SimProblem, type SimResponse } from "./sim-response";
import type { Fault, RequestLogEntry } from "./types";
import { isPlainObject } from "./validate";

export const ADMIN_PREFIX = "/__admin";

/** What the admin API drives; the simulator server and the vendor supply these together. */
export interface AdminControls {
  vendor: string;
  state(): unknown;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  reset(): void;
  latency(): number;
  setLatency(ms: number): void;
  /** Checks and queues a fault; throws an Error naming the problem. */
  injectFault(fault: Fault): Fault;
  faults(): unknown[];
  clearFaults(): void;
}

export const OK = { status: 200, body: { ok: true } } as const satisfies SimResponse;

export function adminRoutes(controls: AdminControls, extra: Route[]): Route[] {
  const builtIn: Route[] = [
    {
      method: "GET",
      pattern: ADMIN_PREFIX,
      handler: () => ({ status: 200, body: { vendor: controls.vendor, routes: describe([...builtIn, ...extra]) } }),
    },
    { method: "GET", pattern: `${ADMIN_PREFIX}/state`, handler: () => ({ status: 200, body: controls.state() }) },
    { method: "GET", pattern: `${ADMIN_PREFIX}/requests`, handler: () => ({ status: 200, body: controls.requests() }) },
    { method: "DELETE", pattern: `${ADMIN_PREFIX}/requests`, handler: () => (controls.clearRequests(), OK) },
    { method: "POST", pattern: `${ADMIN_PREFIX}/reset`, body: "json", handler: () => (controls.reset(), OK) },
    { method: "GET", pattern: `${ADMIN_PREFIX}/latency`, handler: () => ({ status: 200, body: { ms: controls.latency() } }) },
    {
      method: "POST",
      pattern: `${ADMIN_PREFIX}/latency`,
      body: "json",
      handler: ({ body }) => {
        const ms = (body as { ms?: unknown } | undefined)?.ms;
        if (!isPlainObject(body) || Object.keys(body).some((key) => key !== "ms")) {
          throw adminError(400, "body must be {\"ms\": <non-negative number>}");
        }
        if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw adminError(400, "ms must be a non-negative number");
        controls.setLatency(ms);
        return { status: 200, body: { ms } };
      },
    },
    { method: "GET", pattern: `${ADMIN_PREFIX}/faults`, handler: () => ({ status: 200, body: controls.faults() }) },
    {
      method: "POST",
      pattern: `${ADMIN_PREFIX}/faults`,
      body: "json",
      handler: ({ body }) => {
        try {
          return { status: 201, body: controls.injectFault(body as Fault) };
        } catch (error) {
          throw adminError(400, (error as Error).message);
        }
      },
    },
    { method: "DELETE", pattern: `${ADMIN_PREFIX}/faults`, handler: () => (controls.clearFaults(), OK) },
  ];
  return [...builtIn, ...extra];
}

export function renderAdminProblem(problem: SimProblem): SimResponse {
  return adminErrorResponse(problem.status, problem.message, problem.kind, problem.detail);
}

/** For admin handlers (the vendor's extra ones too) to refuse a request. */
export function adminError(status: number, message: string): SimResponseError {
  return new SimResponseError(adminErrorResponse(status, message, "bad_request"), message);
}

function adminErrorResponse(status: number, message: string, kind: string, detail?: unknown): SimResponse {
  return { status, body: { error: { kind, message, ...(detail !== undefined && { detail }) } } };
}

function describe(routes: Route[]): string[] {
  return routes.map((route) => `${route.method} ${route.pattern}`);
}
