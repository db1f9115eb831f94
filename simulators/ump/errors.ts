/**
 * UMP's error bodies. The ENT section of the seed only says an error is any status outside
 * 200-299; the seed's schema list names `ProblemDetails`, so errors are RFC 7807 problem details
 * (`{title, status, detail}`), and invalid attributes come as ASP.NET validation problems with
 * `errors: {"<Attribute>": ["<message>"]}`.
 */
import { SimResponseError, type SimProblem, type SimResponse } from "../common/sim-response";
import type { FieldProblem } from "../common/validate";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function problemResponse(status: number, detail: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): SimResponse {
  return { status, body: { title: titles[status] ?? "Error", status, detail, ...extra }, ...(headers && { headers }) };
}

export function umpError(status: number, detail: string, extra?: Record<string, unknown>): SimResponseError {
  return new SimResponseError(problemResponse(status, detail, extra), detail);
}

export const notFound = (detail: string) => umpError(404, detail);

/** One 400 naming every invalid attribute of the request. */
export function invalidAttributes(problems: FieldProblem[]): SimResponseError {
  const errors: Record<string, string[]> = {};
  for (const { field, message } of problems) (errors[field] ??= []).push(message);
  return umpError(400, "One or more attributes are invalid.", { errors });
}

export function renderUmpProblem(problem: SimProblem): SimResponse {
  return problemResponse(problem.status, problem.message);
}
