/**
 * Bearer tokens: one static token (what `UCAAS_PBX_TOKEN` carries) plus access/refresh pairs
 * issued by the OAuth password grant (authentication.md, v22).
 */
import { randomBytes } from "node:crypto";
import type { AuthCheck, IncomingParts } from "../common/dispatch";
import { errorResponse } from "./errors";

/** The client id PortSIP documents for its OAuth token endpoint. */
export const PORTSIP_OAUTH_CLIENT_ID = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a";

export interface LoginAccount {
  username: string;
  password: string;
  /** Tenant SIP domain; omitted for the system admin. */
  domain?: string;
}

export interface TokenPair {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  token_type: "Bearer";
}

interface AccessGrant {
  refreshToken: string;
  expiresAt: number;
}

export class TokenStore {
  private access = new Map<string, AccessGrant>();
  /** Refresh tokens are single use: refreshing returns a new pair and retires the old refresh token. */
  private refresh = new Map<string, LoginAccount>();
  private staticTokenExpired = false;
  private currentStaticToken: string;

  constructor(
    private readonly initialStaticToken: string,
    private readonly ttlSeconds: number,
    private readonly accounts: readonly LoginAccount[],
  ) {
    this.currentStaticToken = initialStaticToken;
  }

  /** The static token accepted now. */
  get staticToken(): string {
    return this.currentStaticToken;
  }

  /**
   * An administrator generates a new API token in the PBX's web UI: the new one is accepted and the
   * old one refused (401) from now on, until reset().
   */
  rotateStaticToken(): string {
    this.currentStaticToken = `portsip-sim-token-${randomBytes(12).toString("base64url")}`;
    this.staticTokenExpired = false;
    return this.currentStaticToken;
  }

  /** Checks the Authorization header; the rejection is PortSIP's 401. */
  check(parts: IncomingParts): AuthCheck {
    const header = parts.headers.authorization;
    if (!header) return reject("missing Authorization header; send 'Authorization: Bearer <token>'");
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match) return reject("malformed Authorization header; expected 'Bearer <token>'");
    const token = match[1];
    if (token === this.staticToken) {
      return this.staticTokenExpired ? reject("access token has expired") : { accepted: true, credential: token };
    }
    const grant = this.access.get(token);
    if (!grant) return reject("invalid access token");
    if (Date.now() >= grant.expiresAt) return reject("access token has expired");
    return { accepted: true, credential: token };
  }

  /** Password grant; undefined when the credentials match no account. */
  login(username: string, password: string, domain: string | undefined): TokenPair | undefined {
    const account = this.accounts.find(
      (candidate) =>
        candidate.username === username &&
        candidate.password === password &&
        (candidate.domain ?? "").toLowerCase() === (domain ?? "").toLowerCase(),
    );
    return account && this.issue(account);
  }

  /** Refresh grant; undefined when the refresh token is unknown or already used. */
  refreshPair(refreshToken: string): TokenPair | undefined {
    const account = this.refresh.get(refreshToken);
    if (!account) return undefined;
    this.refresh.delete(refreshToken);
    return this.issue(account);
  }

  /** Revokes an issued access token and its refresh token; the static token cannot be revoked. */
  revoke(accessToken: string): void {
    const grant = this.access.get(accessToken);
    if (!grant) return;
    this.access.delete(accessToken);
    this.refresh.delete(grant.refreshToken);
  }

  /** Every issued access token is rejected from now on; refresh tokens keep working so clients can recover. */
  expireAll(options: { expireStaticToken?: boolean } = {}): void {
    for (const grant of this.access.values()) grant.expiresAt = 0;
    if (options.expireStaticToken) this.staticTokenExpired = true;
  }

  reset(): void {
    this.currentStaticToken = this.initialStaticToken;
    this.access.clear();
    this.refresh.clear();
    this.staticTokenExpired = false;
  }

  private issue(account: LoginAccount): TokenPair {
    const accessToken = randomBytes(32).toString("base64url");
    const refreshToken = randomBytes(32).toString("base64url");
    this.access.set(accessToken, { refreshToken, expiresAt: Date.now() + this.ttlSeconds * 1000 });
    this.refresh.set(refreshToken, account);
    return { access_token: accessToken, expires_in: this.ttlSeconds, refresh_token: refreshToken, token_type: "Bearer" };
  }
}

function reject(message: string): AuthCheck {
  return {
    accepted: false,
    rejection: errorResponse(401, [{ code: "UNAUTHORIZED", message }], { "www-authenticate": 'Bearer realm="PortSIP"' }),
  };
}
