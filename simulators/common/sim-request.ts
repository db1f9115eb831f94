import type { IncomingHttpHeaders } from "node:http";

/** A request as route handlers see it: already routed, authorised and body-parsed. */
export interface SimRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Decoded `{param}` values of the matched pattern. */
  params: Record<string, string>;
  rawBody: Buffer;
  /**
   * Parsed according to the route's `body` kind: a JSON value, a `Record<string, string>`
   * for forms, or `undefined` when the route takes no body or none was sent.
   */
  body: unknown;
  /** The credential the vendor's authoriser accepted, if any (e.g. the bearer token). */
  credential?: string;
}
