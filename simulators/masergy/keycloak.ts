/**
 * The Keycloak realm in front of the provisioning API (realm `ucaas`, public client `token-api`):
 * the password grant (with `scope=offline_access` it issues an offline refresh token, which never
 * expires by itself) and the refresh-token grant, 300-second access tokens, `invalid_grant` for a
 * revoked or unknown refresh token, and bearer checks for the API.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { AuthCheck, IncomingParts } from "../common/dispatch";
import { FORM_MEDIA_TYPE, mediaTypeOf } from "../common/body";
import type { Route } from "../common/router";
import { gatewayUnauthorized, keycloakError } from "./errors";

export const TOKEN_PATH = "/auth/realms/ucaas/protocol/openid-connect/token";
export const MASERGY_OAUTH_CLIENT_ID = "token-api";

export interface MasergyAccount {
  username: string;
  password: string;
}

interface Session {
  username: string;
  offline: boolean;
  id: string;
}

const KNOWN_SCOPES = ["openid", "offline_access", "profile", "email"];

export class Keycloak {
  private access = new Map<string, { username: string; expiresAt: number }>();
  private refresh = new Map<string, Session>();

  constructor(
    private readonly accounts: readonly MasergyAccount[],
    private readonly accessTtlSeconds: number,
    private readonly rotateRefreshTokens: boolean,
    private readonly initialRefreshToken: string,
  ) {
    this.reset();
  }

  /** Forget every token; the initial offline refresh token is valid again. */
  reset(): void {
    this.access.clear();
    this.refresh.clear();
    this.refresh.set(this.initialRefreshToken, { username: this.accounts[0]?.username ?? "", offline: true, id: randomUUID() });
  }

  /** Checks `Authorization: Bearer` for the provisioning API; the rejection is the gateway's 401. */
  check(parts: IncomingParts): AuthCheck {
    const header = parts.headers.authorization;
    const match = header ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    if (!match) {
      return { accepted: false, rejection: gatewayUnauthorized("OAuth2 'Authorization' header must be provided as 'Bearer <access token>'.") };
    }
    const grant = this.access.get(match[1]);
    if (!grant || grant.expiresAt <= Date.now()) {
      return { accepted: false, rejection: gatewayUnauthorized(grant ? "Access token has expired." : "Invalid access token.") };
    }
    return { accepted: true, credential: match[1] };
  }

  /** Every access token is rejected from now on; refresh tokens keep working. */
  expireAccessTokens(): void {
    for (const grant of this.access.values()) grant.expiresAt = 0;
  }

  /** Revokes refresh tokens (all, or one), as the self-service UI does; their grants fail with invalid_grant. */
  revokeRefreshTokens(token?: string): void {
    if (token === undefined) this.refresh.clear();
    else this.refresh.delete(token);
  }

  /** An offline refresh token for an account, as the password grant would issue it. */
  issueOfflineToken(username = this.accounts[0]?.username ?? ""): string {
    const token = newToken();
    this.refresh.set(token, { username, offline: true, id: randomUUID() });
    return token;
  }

  route(): Route {
    return {
      method: "POST",
      pattern: TOKEN_PATH,
      public: true,
      // The body is parsed here so even a wrong content type gets Keycloak's error format.
      handler: ({ rawBody, headers }) => {
        if (mediaTypeOf(headers["content-type"]) !== FORM_MEDIA_TYPE) {
          throw keycloakError(400, "invalid_request", `Content-Type must be ${FORM_MEDIA_TYPE}`);
        }
        const form = Object.fromEntries(new URLSearchParams(rawBody.toString("utf8")));
        if (!form.client_id) throw keycloakError(400, "invalid_request", "Missing form parameter: client_id");
        if (form.client_id !== MASERGY_OAUTH_CLIENT_ID) throw keycloakError(401, "invalid_client", "Invalid client or Invalid client credentials");
        if (form.grant_type === "password") return { status: 200, body: this.passwordGrant(form) };
        if (form.grant_type === "refresh_token") return { status: 200, body: this.refreshGrant(form) };
        throw keycloakError(400, "unsupported_grant_type", "Unsupported grant_type");
      },
    };
  }

  private passwordGrant(form: Record<string, string>) {
    if (!form.username) throw keycloakError(400, "invalid_request", "Missing parameter: username");
    const scopes = (form.scope ?? "").split(" ").filter(Boolean);
    const unknown = scopes.filter((scope) => !KNOWN_SCOPES.includes(scope));
    if (unknown.length) throw keycloakError(400, "invalid_scope", `Invalid scopes: ${unknown.join(" ")}`);
    const account = this.accounts.find((a) => a.username === form.username && a.password === form.password);
    if (!account) throw keycloakError(401, "invalid_grant", "Invalid user credentials");
    return this.issue({ username: account.username, offline: scopes.includes("offline_access"), id: randomUUID() });
  }

  private refreshGrant(form: Record<string, string>) {
    if (!form.refresh_token) throw keycloakError(400, "invalid_request", "Missing parameter: refresh_token");
    const session = this.refresh.get(form.refresh_token);
    if (!session) throw keycloakError(400, "invalid_grant", "Invalid refresh token");
    if (this.rotateRefreshTokens) this.refresh.delete(form.refresh_token);
    return this.issue(session);
  }

  private issue(session: Session) {
    const accessToken = newToken();
    const refreshToken = newToken();
    this.access.set(accessToken, { username: session.username, expiresAt: Date.now() + this.accessTtlSeconds * 1000 });
    this.refresh.set(refreshToken, session);
    return {
      access_token: accessToken,
      expires_in: this.accessTtlSeconds,
      refresh_expires_in: session.offline ? 0 : 1800,
      refresh_token: refreshToken,
      token_type: "Bearer",
      "not-before-policy": 0,
      session_state: session.id,
      scope: session.offline ? "offline_access profile email" : "profile email",
    };
  }
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}
