/**
 * ConnecttoTeams error bodies. The API is a Spring service: API errors are Spring's
 * `{timestamp, status, error, message, path}` (with a `code` and, for validation, `errors[]`), and
 * the OAuth endpoint and bearer checks answer `{error, error_description}`. The vendor documents
 * neither; these are the standard Spring shapes.
 */
import { STATUS_CODES } from "node:http";
import { SimResponseError, type SimProblem, type SimResponse } from "../common/sim-response";
import type { FieldProblem } from "../common/validate";

export type TeamsErrorCode =
  | "VALIDATION_FAILED"
  | "TENANT_NOT_FOUND"
  | "INVALID_SBC_GATEWAY"
  | "USER_NOT_FOUND"
  | "USER_ALREADY_DISABLED"
  | "AUTHENTICATION_EXPIRED"
  | "INVALID_AUTHENTICATION"
  | "TENANT_MISMATCH"
  | "NOT_ENTERPRISE_ADMIN"
  | "CONSENT_REQUIRED"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL_ERROR";

export function apiErrorResponse(status: number, code: TeamsErrorCode | string, message: string, path?: string, extra: Record<string, unknown> = {}): SimResponse {
  return {
    status,
    body: {
      timestamp: new Date().toISOString(),
      status,
      error: STATUS_CODES[status] ?? "Error",
      code,
      message,
      ...extra,
      ...(path && { path }),
    },
  };
}

export function apiError(status: number, code: TeamsErrorCode, message: string, path: string, extra?: Record<string, unknown>): SimResponseError {
  return new SimResponseError(apiErrorResponse(status, code, message, path, extra), message);
}

/** One 400 naming every invalid field, as Spring's bean validation does. */
export function validationFailed(problems: FieldProblem[], path: string): SimResponseError {
  const message = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return apiError(400, "VALIDATION_FAILED", message, path, { errors: problems });
}

/** The OAuth2 error shape of `/oauth/token` and of bearer-token rejections. */
export function oauthErrorResponse(status: number, error: string, description: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { error, error_description: description }, ...(headers && { headers }) };
}

export function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): SimResponseError {
  return new SimResponseError(oauthErrorResponse(status, error, description, headers), description);
}

const codeForKind: Record<SimProblem["kind"], TeamsErrorCode> = {
  not_found: "NOT_FOUND",
  method_not_allowed: "METHOD_NOT_ALLOWED",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  malformed_body: "VALIDATION_FAILED",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  injected_fault: "INTERNAL_ERROR",
  internal_error: "INTERNAL_ERROR",
};

/** Core problems (404, 405, 415, bad JSON, injected faults) in Spring's shape. */
export function renderTeamsProblem(problem: SimProblem): SimResponse {
  const path = (problem.detail as { path?: unknown } | undefined)?.path;
  return apiErrorResponse(problem.status, codeForKind[problem.kind], problem.message, typeof path === "string" ? path : undefined);
}
