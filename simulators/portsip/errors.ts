/**
 * PortSIP's error format (about.md, v22.0):
 * `{"errors":[{"code":"<ALL_CAPS>","message":"...","detail":<optional JSON>}]}`.
 */
import { SimResponseError, type SimProblem, type SimResponse } from "../common/sim-response";
import type { FieldProblem } from "../common/validate";

export type PortSipErrorCode =
  | "VALIDATE_FAILED"
  | "UNAUTHORIZED"
  | "NOT_FOUND"
  | "RESOURCE_IN_USE"
  | "TOO_MANY_REQUESTS"
  | "UNKNOWN";

export interface PortSipErrorItem {
  code: PortSipErrorCode;
  message: string;
  detail?: unknown;
}


export function errorResponse(status: number, items: PortSipErrorItem[], headers?: Record<string, string>): SimResponse {
  return { status, body: { errors: items }, ...(headers && { headers }) };
}

export function portSipError(status: number, code: PortSipErrorCode, message: string, detail?: unknown): SimResponseError {
  const item: PortSipErrorItem = { code, message, ...(detail !== undefined && { detail }) };
  return new SimResponseError(errorResponse(status, [item]), message);
}

export function notFound(message: string, detail?: unknown): SimResponseError {
  return portSipError(404, "NOT_FOUND", message, detail);
}

export function resourceInUse(message: string, detail?: unknown): SimResponseError {
  return portSipError(409, "RESOURCE_IN_USE", message, detail);
}

/** One 400 carrying every field problem of the request, one `errors[]` item per field. */
export function validationFailed(problems: FieldProblem[]): SimResponseError {
  const items: PortSipErrorItem[] = problems.map(({ field, message }) => ({
    code: "VALIDATE_FAILED",
    message: `${field}: ${message}`,
    detail: { field },
  }));
  return new SimResponseError(errorResponse(400, items), items.map((item) => item.message).join("; "));
}

export function invalidField(field: string, message: string): SimResponseError {
  return validationFailed([{ field, message }]);
}

/** Maps the core's generic problems onto PortSIP codes; anything unexpected is `UNKNOWN`. */
export function renderPortSipProblem(problem: SimProblem): SimResponse {
  const code = problem.kind === "malformed_body" ? "VALIDATE_FAILED" : codeForStatus(problem.status);
  const item: PortSipErrorItem = {
    code,
    message: problem.message,
    ...(problem.detail !== undefined && { detail: problem.detail }),
  };
  return errorResponse(problem.status, [item]);
}

function codeForStatus(status: number): PortSipErrorCode {
  switch (status) {
    case 400:
      return "VALIDATE_FAILED";
    case 401:
      return "UNAUTHORIZED";
    case 404:
      return "NOT_FOUND";
    case 409:
      return "RESOURCE_IN_USE";
    case 429:
      return "TOO_MANY_REQUESTS";
    default:
      return "UNKNOWN";
  }
}
