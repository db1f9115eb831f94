/**
 * ConnecttoTeams OAuth: `POST /oauth/token` with the API client in HTTP Basic and a portal admin in
 * a password grant issues a reseller-level bearer token. No refresh token is documented, so none
 * is issued: clients log in again when a token is refused.
 */
import { randomBytes } from "node:crypto";
import type { AuthCheck, IncomingParts } from "../common/dispatch";
import { oauthErrorResponse } from "./errors";

/** An API client id/secret pair, as ConnecttoTeams support hands them out. */
export interface TeamsOAuthClient {
  clientId: string;
  clientSecret: string;
}

/** A portal admin allowed to use the API. */
export interface TeamsAdmin {
  username: string;
  password: string;
  type: "MASTER_RESELLER" | "RESELLER";
  resellerId: number;
}

export interface TeamsTokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  scope: string;
}

interface Grant {
  admin: TeamsAdmin;
  expiresAt: number;
}

export class TeamsTokenStore {
  private grants = new Map<string, Grant>();

  constructor(
    private readonly clients: readonly TeamsOAuthClient[],
    private readonly admins: readonly TeamsAdmin[],
    private readonly ttlSeconds: number,
  ) {}

  /** The client named by an `Authorization: Basic` header, if its secret matches. */
  client(authorization: string | undefined): TeamsOAuthClient | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? "");
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    const [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return this.clients.find((client) => client.clientId === id && client.clientSecret === secret);
  }

  /** Password grant; undefined when the admin's credentials do not match. */
  login(username: string, password: string): TeamsTokenResponse | undefined {
    const admin = this.admins.find((candidate) => candidate.username === username && candidate.password === password);
    if (!admin) return undefined;
    const token = randomBytes(24).toString("base64url");
    this.grants.set(token, { admin, expiresAt: Date.now() + this.ttlSeconds * 1000 });
    return { access_token: token, token_type: "bearer", expires_in: this.ttlSeconds, scope: "read write" };
  }

  /** Checks the bearer token of an API request; the rejection is Spring's OAuth2 401. */
  check(parts: IncomingParts): AuthCheck {
    const header = parts.headers.authorization;
    if (!header) return reject("unauthorized", "Full authentication is required to access this resource");
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return reject("unauthorized", "Full authentication is required to access this resource");
    const grant = this.grants.get(match[1]);
    if (!grant) return reject("invalid_token", "Invalid access token");
    if (Date.now() >= grant.expiresAt) return reject("invalid_token", "Access token expired");
    return { accepted: true, credential: match[1] };
  }

  adminFor(token: string | undefined): TeamsAdmin | undefined {
    return token ? this.grants.get(token)?.admin : undefined;
  }

  /** Every issued token is refused from now on. */
  expireAll(): void {
    for (const grant of this.grants.values()) grant.expiresAt = 0;
  }

  reset(): void {
    this.grants.clear();
  }
}

function reject(error: string, description: string): AuthCheck {
  return {
    accepted: false,
    rejection: oauthErrorResponse(401, error, description, {
      "www-authenticate": `Bearer realm="oauth2-resource", error="${error}", error_description="${description}"`,
    }),
  };
}
