/**
 * Types shared by every vendor simulator: the handle the tests and the CLI hold,
 * the request log entries, and the faults that can be injected.
 */

/** One vendor request as the simulator saw it (admin calls are never logged). */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string, e.g. `/api/users/NzAw.../destroy`. */
  path: string;
  query: Record<string, string>;
  /** Status sent back; 0 when no answer was sent (a drop or lost fault, or the client had gone). */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  durationMs: number;
  /** True when the request carried a credential the simulator accepted. */
  authorized: boolean;
  /** Parsed body with secret fields replaced by "[REDACTED]"; absent when there was none. */
  body?: unknown;
  /** The kind of the injected fault this request met, if any. */
  fault?: Fault["kind"];
}

/**
 * Which requests a fault applies to, and how many: the next `count` (default 1) vendor requests
 * whose method and path match. Admin requests never meet a fault.
 */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Matches when the request path starts with this prefix. */
  pathPrefix?: string;
  count?: number;
}

/** Answer with `status` and the vendor's error body; the handler does not run. */
export interface StatusFault extends FaultMatch {
  kind: "status";
  /** 400-599. */
  status: number;
  /** Sent as a Retry-After header when the status is 429. */
  retryAfterSeconds?: number;
}

/** Destroy the socket without answering; the handler does not run. Logged with status 0. */
export interface DropFault extends FaultMatch {
  kind: "drop";
}

/** A proxy or SSO gateway's HTML login page, `text/html`, status 200 unless given; the handler does not run. */
export interface HtmlFault extends FaultMatch {
  kind: "html";
  /** 200-599, default 200. */
  status?: number;
}

/** Any answer: `status`, `contentType` (no Content-Type header when omitted) and the raw `body` (default empty); the handler does not run. */
export interface RawFault extends FaultMatch {
  kind: "raw";
  /** 200-599, default 200; 204 and 304 take no body. */
  status?: number;
  contentType?: string;
  body?: string;
}

/**
 * The handler runs (its changes stay); its JSON answer is cut to the first `fraction` of its bytes
 * and sent as a complete response (Content-Length of the cut body). An answer without a body passes unchanged.
 */
export interface TruncateFault extends FaultMatch {
  kind: "truncate";
  /** 0 <= fraction < 1, default 0.5. */
  fraction?: number;
}

/** A JSON body of `megabytes` MiB (`{"filler":"xxx..."}`), streamed; the handler does not run. */
export interface HugeFault extends FaultMatch {
  kind: "huge";
  /** More than 0, at most 1024; default 64. */
  megabytes?: number;
  /** 200-599, default 200. */
  status?: number;
  /** Announce the size in Content-Length; by default the body is sent chunked, without it. */
  contentLength?: boolean;
}

/**
 * An error in the vendor's own format whose message echoes the request: method, path, query, every
 * header as received (Authorization included) and the raw body. The handler does not run.
 */
export interface EchoFault extends FaultMatch {
  kind: "echo";
  /** 400-599, default 400. */
  status?: number;
}

/** The handler runs and its changes stay, then the socket is destroyed without an answer. Logged with status 0. */
export interface LostFault extends FaultMatch {
  kind: "lost";
}

/**
 * An extra delay of `ms` for this request. "slow-then-done" (default): wait, then run the handler
 * and answer; the handler runs even when the client has given up meanwhile. "done-then-slow": run
 * the handler at once (its changes are visible to other requests), then wait before answering.
 */
export interface DelayFault extends FaultMatch {
  kind: "delay";
  ms: number;
  mode?: "slow-then-done" | "done-then-slow";
}

/**
 * The handler runs and its answer is sent as usual, but every change it made is undone: a vendor
 * that answers success to a write it ignored. Only for simulators that can take a checkpoint of
 * their state (PortSIP, UMP, ConnecttoTeams; not Masergy, whose writes are jobs).
 */
export interface IgnoreFault extends FaultMatch {
  kind: "ignore";
}

export type Fault =
  | StatusFault
  | DropFault
  | HtmlFault
  | RawFault
  | TruncateFault
  | HugeFault
  | EchoFault
  | LostFault
  | DelayFault
  | IgnoreFault;

/** What every vendor simulator hands back when started. */
export interface SimulatorHandle {
  vendor: string;
  /** Base URL to give the provider, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** `url + "/__admin"`. */
  adminUrl: string;
  /** Vendor requests only (no admin calls), oldest first; unanswered ones have status 0. */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Back to the initial state; clears the log, faults, tokens and restores the initial latency. */
  reset(): void;
  setLatency(ms: number): void;
  /** Queues a fault (checked first: throws on an invalid one, or a kind this simulator cannot apply). */
  injectFault(fault: Fault): void;
  /** Every issued access token is rejected from now on. */
  expireTokens(): void;
  stop(): Promise<void>;
}
