/**
 * Masergy's three error voices: the provisioning API refuses a write with
 * `{accepted: false, code, message, errors: [{field, message}]}` and answers other problems with
 * `{code, message}`; its apiman gateway rejects credentials with `{type, failureCode, responseCode,
 * message, headers}`; the Keycloak token endpoint answers `{error, error_description}`.
 * (The guide shows none of these bodies; they follow what apiman and Keycloak send.)
 */
import { SimResponseError, type SimProblem, type SimResponse } from "../common/sim-response";
import type { FieldProblem } from "../common/validate";

export type { FieldProblem };

/** Basic validation failed: nothing was queued. */
export function notAccepted(problems: FieldProblem[]): SimResponseError {
  const body = { accepted: false, code: "VALIDATION_ERROR", message: "Request validation failed", errors: problems };
  return new SimResponseError({ status: 400, body }, problems.map((p) => `${p.field}: ${p.message}`).join("; "));
}

export function apiError(status: number, code: string, message: string, errors?: FieldProblem[]): SimResponseError {
  return new SimResponseError({ status, body: { code, message, ...(errors && { errors }) } }, message);
}

export function badQuery(problems: FieldProblem[]): SimResponseError {
  return apiError(400, "VALIDATION_ERROR", "Invalid query parameters", problems);
}

/** The apiman gateway's 401, sent before the request reaches the provisioning API. */
export function gatewayUnauthorized(message: string): SimResponse {
  return {
    status: 401,
    body: { type: "Authentication", failureCode: 10004, responseCode: 401, message, headers: {} },
    headers: { "www-authenticate": 'Bearer realm="apiman-gateway"' },
  };
}

export function keycloakError(status: number, error: string, description: string): SimResponseError {
  return new SimResponseError({ status, body: { error, error_description: description } }, `${error}: ${description}`);
}

const CODES: Record<number, string> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
};

/** The core's generic problems (404, 405, 415, bad JSON, injected faults) in the provisioning API's format. */
export function renderMasergyProblem(problem: SimProblem): SimResponse {
  const code = CODES[problem.status] ?? (problem.status >= 500 ? "INTERNAL_ERROR" : "ERROR");
  return { status: problem.status, body: { code, message: problem.message } };
}
