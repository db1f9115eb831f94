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
  /** Status sent back; 0 when a drop fault destroyed the socket instead. */
  status: number;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  durationMs: number;
  /** True when the request carried a credential the simulator accepted. */
  authorized: boolean;
  /** Parsed body with secret fields replaced by "[REDACTED]"; absent when there was none. */
  body?: unknown;
}

/** Which requests a fault applies to; both filters are optional. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Matches when the request path starts with this prefix. */
  pathPrefix?: string;
}

/** Answer the next `count` (default 1) matching requests with `status` and the vendor's error body. */
export interface StatusFault extends FaultMatch {
  kind: "status";
  status: number;
  /** Sent as a Retry-After header when the status is 429. */
  retryAfterSeconds?: number;
  count?: number;
}

/** Destroy the socket of the next `count` (default 1) matching requests without answering. */
export interface DropFault extends FaultMatch {
  kind: "drop";
  count?: number;
}

export type Fault = StatusFault | DropFault;

/** What every vendor simulator hands back when started. */
export interface SimulatorHandle {
  vendor: string;
  /** Base URL to give the provider, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** `url + "/__admin"`. */
  adminUrl: string;
  /** Vendor requests only (no admin calls), oldest first; dropped ones have status 0. */
  requests(): RequestLogEntry[];
  clearRequests(): void;
  /** Back to the initial state; clears the log, faults, tokens and restores the initial latency. */
  reset(): void;
  setLatency(ms: number): void;
  injectFault(fault: Fault): void;
  /** Every issued access token is rejected from now on. */
  expireTokens(): void;
  stop(): Promise<void>;
}
