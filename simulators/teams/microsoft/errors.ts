/**
 * The Microsoft identity platform's error body: OAuth's `{error, error_description}` where the
 * description starts with an `AADSTS<code>:` and the code is repeated in `error_codes`, with a
 * timestamp, trace and correlation id (Microsoft's "Error codes" page). Which code answers which
 * case below is this simulator's reading of those published codes.
 */
import { randomUUID } from "node:crypto";
import { SimResponseError, type SimProblem, type SimResponse } from "../../common/sim-response";

export function aadErrorResponse(status: number, error: string, code: number, description: string): SimResponse {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export const aadError = (status: number, error: string, code: number, description: string) =>
  new SimResponseError(aadErrorResponse(status, error, code, description), description);

/** Core problems (404, 405, 415, bad bodies, faults) as Microsoft words them. */
export function renderMicrosoftProblem(problem: SimProblem): SimResponse {
  const error = problem.status === 404 ? "not_found" : problem.status >= 500 ? "temporarily_unavailable" : "invalid_request";
  return aadErrorResponse(problem.status, error, problem.status >= 500 ? 50000 : 900144, problem.message);
}
