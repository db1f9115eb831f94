/**
 * UMP ENT documents no authentication ("the need for an authentication token is not
 * implemented"). Deployments that put one in front are simulated with an optional static bearer
 * token: without one every request is accepted; with one, requests must carry it.
 */
import type { AuthCheck, IncomingParts } from "../common/dispatch";
import { problemResponse } from "./errors";

export class OptionalBearer {
  private expired = false;

  constructor(readonly token: string | undefined) {}

  check(parts: IncomingParts): AuthCheck {
    if (this.token === undefined) return { accepted: true, credential: "anonymous" };
    const header = parts.headers.authorization;
    if (!header) return reject("missing Authorization header; send 'Authorization: Bearer <token>'");
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match || match[1] !== this.token) return reject("invalid bearer token");
    if (this.expired) return reject("the bearer token has expired");
    return { accepted: true, credential: match[1] };
  }

  /** The token is refused from now on, until reset(). No effect without a token. */
  expire(): void {
    this.expired = true;
  }

  reset(): void {
    this.expired = false;
  }
}

function reject(detail: string): AuthCheck {
  return { accepted: false, rejection: problemResponse(401, detail, {}, { "www-authenticate": 'Bearer realm="UMP"' }) };
}
