/**
 * A tiny router: method + path pattern with `{param}` segments.
 * Literal segments win over parameters, so `/api/users/profile` could coexist with `/api/users/{id}`.
 */
import type { SimRequest } from "./sim-request";
import type { SimResponse } from "./sim-response";

/** How the core should read the request body before calling the handler. */
export type BodyKind = "json" | "form" | "none";

export interface Route {
  method: string;
  /** e.g. `/api/users/{id}/password`. */
  pattern: string;
  /** Default "none": the body, if any, is ignored. */
  body?: BodyKind;
  /** Public routes skip the vendor's authorisation check (login endpoints). */
  public?: boolean;
  handler(request: SimRequest): SimResponse | Promise<SimResponse>;
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: string[] }
  | { kind: "not_found" };

interface CompiledRoute {
  route: Route;
  segments: Array<{ literal: string } | { param: string }>;
  /** Lower is more specific: counts parameter segments. */
  paramCount: number;
}

export class Router {
  private readonly compiled: CompiledRoute[] = [];

  constructor(routes: Route[] = []) {
    for (const route of routes) this.add(route);
  }

  add(route: Route): void {
    const segments = splitPath(route.pattern).map((segment) => {
      const param = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
      return param ? { param: param[1] } : { literal: segment };
    });
    const paramCount = segments.filter((s) => "param" in s).length;
    this.compiled.push({ route: { ...route, method: route.method.toUpperCase() }, segments, paramCount });
    this.compiled.sort((a, b) => a.paramCount - b.paramCount);
  }

  match(method: string, path: string): RouteMatch {
    const parts = splitPath(path);
    const allowed = new Set<string>();
    for (const candidate of this.compiled) {
      const params = matchSegments(candidate.segments, parts);
      if (!params) continue;
      if (candidate.route.method === method.toUpperCase()) return { kind: "found", route: candidate.route, params };
      allowed.add(candidate.route.method);
    }
    return allowed.size > 0 ? { kind: "wrong_method", allowed: [...allowed].sort() } : { kind: "not_found" };
  }
}

/** Splits on "/" keeping empty segments, so a trailing slash is a different path (strict, like the vendors). */
function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

function matchSegments(
  segments: CompiledRoute["segments"],
  parts: string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    if (part === "") return undefined;
    const decoded = safeDecode(part);
    if (decoded === undefined) return undefined;
    params[segment.param] = decoded;
  }
  return params;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
