/**
 * The reusable loopback HTTP server core of every vendor simulator.
 *
 * Request pipeline for vendor paths: read body -> latency -> authorise (vendor hook) -> take an
 * injected fault -> route (404/405) -> parse body by route (415/400) -> handler -> log. A fault
 * answers instead of the handler or around it (fault-answers.ts).
 * Paths under `/__admin` go to the admin API instead: no latency, no faults, not logged.
 * Nothing here knows about a particular vendor; errors are rendered by the vendor's `renderProblem`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer, type Server as TlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX, adminRoutes, renderAdminProblem, type AdminControls } from "./admin-api";
import { parseForLog, readRawBody } from "./body";
import { dispatch, type AuthCheck, type HandlerWrapper, type IncomingParts } from "./dispatch";
import { answerWithFault, unsupportedFault, type Checkpoint } from "./fault-answers";
import { FaultQueue, parseFault } from "./faults";
import { RequestLog } from "./request-log";
import { Router, type Route } from "./router";
import { send } from "./send";
import { SimProblemError, type SimProblem, type SimResponse } from "./sim-response";
import type { Fault, RequestLogEntry } from "./types";

export const LOOPBACK_HOST = "127.0.0.1";

export interface SimServerOptions {
  vendor: string;
  /** 0 (default) picks a free port. */
  port?: number;
  routes: Route[];
  /** Delay added before answering each vendor request. */
  latencyMs?: number;
  /** Body keys whose values the request log replaces with "[REDACTED]". */
  secretFields?: Iterable<string>;
  /** Renders a core-detected problem (404, 405, 415, bad JSON, faults, crashes) in the vendor's error format. */
  renderProblem(problem: SimProblem): SimResponse;
  /** Checks the credential of every vendor request; protected routes answer the rejection. */
  authorize?(parts: IncomingParts): AuthCheck;
  /** Vendor state for `GET /__admin/state`. */
  adminState(): unknown;
  /** Full vendor reset for `POST /__admin/reset`; it should call `SimServer.resetTransport()`. */
  adminReset(): void;
  /** Extra vendor admin routes, patterns starting with `/__admin/`. */
  adminRoutes?: Route[];
  /** Saves the vendor state and returns its restore; without it the `ignore` fault is refused. */
  checkpoint?: Checkpoint;
  /** Serve https with this key and certificate (PEM) instead of plain http (a vendor whose clients accept nothing else). */
  tls?: { key: string; cert: string };
}

export class SimServer {
  readonly url: string;
  readonly adminUrl: string;
  private readonly log: RequestLog;
  private readonly faultQueue = new FaultQueue();
  private readonly vendorRouter: Router;
  private readonly adminRouter: Router;
  private latencyMs: number;
  /** Counts resets and stops, so a request delayed across one can tell. */
  private generation = 0;

  private constructor(
    private readonly server: Server | TlsServer,
    private readonly options: SimServerOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.url = `${options.tls ? "https" : "http"}://${LOOPBACK_HOST}:${port}`;
    this.adminUrl = `${this.url}${ADMIN_PREFIX}`;
    this.log = new RequestLog(new Set(options.secretFields ?? []));
    this.vendorRouter = new Router(options.routes);
    this.adminRouter = new Router(adminRoutes(this.adminControls(), options.adminRoutes ?? []));
    this.latencyMs = checkLatency(options.latencyMs ?? 0);
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      void this.onRequest(request, response);
    });
  }

  static async start(options: SimServerOptions): Promise<SimServer> {
    const server = options.tls ? createTlsServer({ keepAlive: true, ...options.tls }) : createServer({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, LOOPBACK_HOST, () => {
        server.off("error", reject);
        resolve();
      });
    });
    return new SimServer(server, options);
  }

  requests(): RequestLogEntry[] {
    return this.log.list();
  }

  clearRequests(): void {
    this.log.clear();
  }

  latency(): number {
    return this.latencyMs;
  }

  setLatency(ms: number): void {
    this.latencyMs = checkLatency(ms);
  }

  /** Queues a valid fault this simulator can apply; throws an Error saying why not otherwise. */
  injectFault(fault: Fault): Fault {
    const problem = unsupportedFault(this.options.vendor, parseFault(fault), this.options.checkpoint);
    if (problem) throw new Error(problem);
    return this.faultQueue.add(fault);
  }

  pendingFaults(): unknown[] {
    return this.faultQueue.list();
  }

  clearFaults(): void {
    this.faultQueue.clear();
  }

  /** Clears the log and faults and restores the initial latency; vendors call it from their reset. */
  resetTransport(): void {
    this.generation += 1;
    this.log.clear();
    this.faultQueue.clear();
    this.latencyMs = checkLatency(this.options.latencyMs ?? 0);
  }

  async stop(): Promise<void> {
    this.generation += 1;
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private adminControls(): AdminControls {
    return {
      vendor: this.options.vendor,
      state: () => this.options.adminState(),
      requests: () => this.requests(),
      clearRequests: () => this.clearRequests(),
      reset: () => this.options.adminReset(),
      latency: () => this.latency(),
      setLatency: (ms) => this.setLatency(ms),
      injectFault: (fault) => this.injectFault(fault),
      faults: () => this.pendingFaults(),
      clearFaults: () => this.clearFaults(),
    };
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const generation = this.generation;
    // A request that outlives a reset belongs to the log (and the state) of before it.
    const cancelled = () => generation !== this.generation;
    const url = new URL(request.url ?? "/", this.url);
    const isAdmin = url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`);
    const render = isAdmin ? renderAdminProblem : this.options.renderProblem;
    let raw: Buffer;
    try {
      raw = await readRawBody(request);
    } catch (error) {
      if (!(error instanceof SimProblemError)) {
        request.socket.destroy();
        return;
      }
      raw = Buffer.alloc(0);
      const answer = render(error.problem);
      const sent = send(response, answer);
      if (!isAdmin) this.record(request, url, raw, sent ? answer.status : 0, arrivedAt, false);
      return;
    }
    const parts: IncomingParts = {
      method: (request.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      raw,
    };
    if (isAdmin) {
      send(response, await dispatch(this.adminRouter, parts, { renderProblem: renderAdminProblem }));
      return;
    }

    if (this.latencyMs > 0) await sleep(this.latencyMs);
    if (cancelled()) {
      request.socket.destroy();
      return;
    }
    const auth = this.options.authorize?.(parts);
    const authorized = auth?.accepted ?? false;
    const run = (wrap?: HandlerWrapper) => dispatch(this.vendorRouter, parts, { renderProblem: render, auth, wrap });
    const fault = this.faultQueue.take(parts.method, parts.path);
    if (!fault) {
      const answer = await run();
      const sent = send(response, answer);
      if (!cancelled()) this.record(request, url, raw, sent ? answer.status : 0, arrivedAt, authorized);
      return;
    }
    // Unanswered requests are logged with status 0, so tests can count the attempt a client had to retry.
    const status = await answerWithFault(fault, { parts, response, run, renderProblem: render, checkpoint: this.options.checkpoint, cancelled });
    if (!cancelled()) this.record(request, url, raw, status, arrivedAt, authorized, fault.kind);
  }

  private record(
    request: IncomingMessage,
    url: URL,
    raw: Buffer,
    status: number,
    arrivedAt: number,
    authorized: boolean,
    fault?: Fault["kind"],
  ): void {
    const body = parseForLog(raw, request.headers["content-type"]);
    this.log.record({
      method: (request.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status,
      at: arrivedAt,
      durationMs: Date.now() - arrivedAt,
      authorized,
      ...(body !== undefined && { body }),
      ...(fault && { fault }),
    });
  }
}

/** Starts a simulator server on 127.0.0.1 (port 0 unless given). */
export function startSimServer(options: SimServerOptions): Promise<SimServer> {
  return SimServer.start(options);
}

function checkLatency(ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new Error(`latency must be a non-negative number of milliseconds, got ${ms}`);
  return ms;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
