/**
 * Turns one parsed HTTP request into a SimResponse: route, authorise, parse the body, call the handler,
 * and render every failure through the owner's error format. Shared by the vendor and the admin APIs.
 */
import type { IncomingHttpHeaders } from "node:http";
import { parseDeclaredBody } from "./body";
import type { Router } from "./router";
import type { SimRequest } from "./sim-request";
import { problem, SimProblemError, SimResponseError, type SimProblem, type SimResponse } from "./sim-response";

export interface IncomingParts {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

/** The outcome of checking a request's credential; a rejection is how protected routes answer. */
export type AuthCheck = { accepted: true; credential: string } | { accepted: false; rejection: SimResponse };

/** Runs a route's handler, e.g. between a checkpoint of the vendor's state and its restore. */
export type HandlerWrapper = (handler: () => SimResponse | Promise<SimResponse>) => SimResponse | Promise<SimResponse>;

export interface DispatchOptions {
  renderProblem(problem: SimProblem): SimResponse;
  /** Precomputed credential check; protected routes answer its rejection when no credential was accepted. */
  auth?: AuthCheck;
  /** Wraps the call of the matched route's handler (the ignore fault undoes its changes). */
  wrap?: HandlerWrapper;
}

export async function dispatch(router: Router, parts: IncomingParts, options: DispatchOptions): Promise<SimResponse> {
  try {
    const match = router.match(parts.method, parts.path);
    if (match.kind === "not_found") {
      throw problem(404, "not_found", `no such resource: ${parts.method} ${parts.path}`, { path: parts.path });
    }
    if (match.kind === "wrong_method") {
      const response = options.renderProblem({
        status: 405,
        kind: "method_not_allowed",
        message: `method ${parts.method} is not allowed on ${parts.path}; allowed: ${match.allowed.join(", ")}`,
        detail: { allowed: match.allowed },
      });
      return { ...response, headers: { ...response.headers, allow: match.allowed.join(", ") } };
    }
    const { route, params } = match;
    const auth = options.auth;
    if (!route.public && auth && !auth.accepted) return auth.rejection;
    const request: SimRequest = {
      method: parts.method,
      path: parts.path,
      query: parts.query,
      headers: parts.headers,
      params,
      rawBody: parts.raw,
      body: parseDeclaredBody(route.body ?? "none", parts.raw, parts.headers["content-type"]),
      ...(auth?.accepted && { credential: auth.credential }),
    };
    return await (options.wrap ? options.wrap(() => route.handler(request)) : route.handler(request));
  } catch (error) {
    if (error instanceof SimResponseError) return error.response;
    if (error instanceof SimProblemError) return options.renderProblem(error.problem);
    return options.renderProblem({
      status: 500,
      kind: "internal_error",
      message: `simulator error: ${(error as Error)?.message ?? String(error)}`,
    });
  }
}
