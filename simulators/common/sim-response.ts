/**
 * What route handlers return, and the two ways they short-circuit:
 * a vendor-formatted response thrown as an error, or a generic problem the
 * vendor renders in its own error format.
 */

export interface SimResponse {
  status: number;
  /** Serialised as JSON; omit for empty bodies (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers to answer with a ready-made (usually error) response. */
export class SimResponseError extends Error {
  constructor(readonly response: SimResponse, message?: string) {
    super(message ?? `simulator answered ${response.status}`);
    this.name = "SimResponseError";
  }
}

/** Problems detected by the vendor-neutral core; each vendor maps them onto its own error body. */
export type SimProblemKind =
  | "not_found"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "malformed_body"
  | "payload_too_large"
  | "injected_fault"
  | "internal_error";

export interface SimProblem {
  status: number;
  kind: SimProblemKind;
  message: string;
  detail?: unknown;
}

/** Thrown by the core helpers (body parsing, routing); rendered by the vendor's `renderProblem`. */
export class SimProblemError extends Error {
  constructor(readonly problem: SimProblem) {
    super(problem.message);
    this.name = "SimProblemError";
  }
}

export function problem(status: number, kind: SimProblemKind, message: string, detail?: unknown): SimProblemError {
  return new SimProblemError({ status, kind, message, detail });
}
