/**
 * What the Microsoft identity platform issues: device codes (RFC 8628), access and ID tokens
 * (RS256 JWTs, v2.0 claims), `client_info`, and refresh tokens that are opaque, bound to their
 * tenant, user and client, and replaced by a new one on every use (the old one stays valid until
 * it expires, 90 days by default, unless revoked; `singleUse` makes a used one invalid, for tests).
 * The clock can be moved forward so that tests see tokens and codes expire.
 */
import { createSign, createVerify, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from "node:crypto";
import { DIRECTORY_ROLES, type Directory, type DirectoryUser } from "./directory";

export interface TokenLifetimes {
  accessTokenSeconds: number;
  refreshTokenSeconds: number;
  deviceCodeSeconds: number;
  /** The polling interval a device-code answer asks for (Microsoft's is 5). */
  pollIntervalSeconds: number;
  singleUseRefreshTokens: boolean;
}

export type DeviceCodeState = "pending" | "approved" | "declined" | "redeemed";

interface DeviceCode {
  deviceCode: string;
  userCode: string;
  tenantId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  state: DeviceCodeState;
  username?: string;
}

interface RefreshGrant {
  tenantId: string;
  clientId: string;
  username: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface IssuedTokens {
  token_type: "Bearer";
  scope: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token: string;
  id_token: string;
  client_info: string;
}

/** OpenID scopes: they shape the ID token and refresh token, never an access token's `scp`. */
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export class TokenService {
  readonly keyId = randomBytes(12).toString("base64url");
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  private offsetMs = 0;
  private deviceCodes = new Map<string, DeviceCode>();
  private refreshGrants = new Map<string, RefreshGrant>();

  constructor(private readonly directory: Directory, private readonly lifetimes: TokenLifetimes, private readonly issuerBase: () => string) {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advanceClock(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  issuer(tenantId: string): string {
    return `${this.issuerBase()}/${tenantId}/v2.0`;
  }

  /** The public key as a JWKS entry, for `jwks_uri`. */
  jwk(): Record<string, unknown> {
    return { kty: "RSA", use: "sig", kid: this.keyId, alg: "RS256", ...this.publicKey.export({ format: "jwk" }) };
  }

  startDeviceCode(tenantId: string, clientId: string, scopes: string[]): DeviceCode {
    // Microsoft's user codes are nine letters and digits without look-alikes.
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const userCode = [...randomBytes(9)].map((byte) => alphabet[byte % alphabet.length]).join("");
    const code: DeviceCode = {
      deviceCode: randomBytes(48).toString("base64url"),
      userCode,
      tenantId,
      clientId,
      scopes,
      expiresAt: this.now() + this.lifetimes.deviceCodeSeconds * 1000,
      state: "pending",
    };
    this.deviceCodes.set(code.deviceCode, code);
    return code;
  }

  /** What a person does in the browser: enters the code and signs in as `username` (or declines). */
  completeDeviceCode(userCode: string, outcome: { username: string } | "decline"): void {
    const code = [...this.deviceCodes.values()].find((candidate) => candidate.userCode === userCode.replace(/[-\s]/g, "").toUpperCase());
    if (!code) throw new Error(`no device code ${userCode} was issued`);
    if (code.state !== "pending") throw new Error(`device code ${userCode} is ${code.state}`);
    if (code.expiresAt <= this.now()) throw new Error(`device code ${userCode} has expired`);
    if (outcome === "decline") {
      code.state = "declined";
      return;
    }
    if (!this.directory.user(code.tenantId, outcome.username)) throw new Error(`tenant ${code.tenantId} has no user ${outcome.username}`);
    code.state = "approved";
    code.username = outcome.username;
  }

  deviceCode(deviceCode: string): DeviceCode | undefined {
    return this.deviceCodes.get(deviceCode);
  }

  pollInterval(): number {
    return this.lifetimes.pollIntervalSeconds;
  }

  deviceCodeLifetime(): number {
    return this.lifetimes.deviceCodeSeconds;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.refreshGrants.get(token);
  }

  isExpired(expiresAt: number): boolean {
    return expiresAt <= this.now();
  }

  /** Marks a device code redeemed, or a single-use refresh token used. */
  redeemDeviceCode(code: DeviceCode): void {
    code.state = "redeemed";
  }

  spendRefreshToken(token: string): void {
    if (this.lifetimes.singleUseRefreshTokens) this.refreshGrants.get(token)!.revoked = true;
  }

  revokeRefreshTokens(tenantId?: string): number {
    let revoked = 0;
    for (const grant of this.refreshGrants.values()) {
      if (!grant.revoked && (tenantId === undefined || grant.tenantId === tenantId)) {
        grant.revoked = true;
        revoked++;
      }
    }
    return revoked;
  }

  /** The token response for `user`, with a new refresh token. */
  issue(tenantId: string, clientId: string, user: DirectoryUser, scopes: string[]): IssuedTokens {
    const nowSeconds = Math.floor(this.now() / 1000);
    const resourceScopes = scopes.filter((scope) => !OIDC_SCOPES.has(scope.toLowerCase()));
    const audience = resourceScopes[0]?.includes("/") ? resourceScopes[0].slice(0, resourceScopes[0].lastIndexOf("/")) : "00000003-0000-0000-c000-000000000000";
    const common = { iss: this.issuer(tenantId), tid: tenantId, oid: user.objectId, iat: nowSeconds, nbf: nowSeconds, ver: "2.0" };
    const accessToken = this.jwt({
      ...common,
      aud: audience,
      exp: nowSeconds + this.lifetimes.accessTokenSeconds,
      azp: clientId,
      scp: resourceScopes.map((scope) => scope.slice(scope.lastIndexOf("/") + 1)).join(" "),
      sub: randomBytes(16).toString("base64url"),
      upn: user.username,
      name: user.displayName,
      wids: user.roles.map((role) => DIRECTORY_ROLES[role]),
      uti: randomBytes(16).toString("base64url"),
    });
    const idToken = this.jwt({
      ...common,
      aud: clientId,
      exp: nowSeconds + 3600,
      sub: randomBytes(16).toString("base64url"),
      preferred_username: user.username,
      name: user.displayName,
    });
    const refreshToken = `1.${randomBytes(64).toString("base64url")}`;
    this.refreshGrants.set(refreshToken, {
      tenantId,
      clientId,
      username: user.username,
      scopes,
      expiresAt: this.now() + this.lifetimes.refreshTokenSeconds * 1000,
      revoked: false,
    });
    return {
      token_type: "Bearer",
      scope: resourceScopes.join(" "),
      expires_in: this.lifetimes.accessTokenSeconds,
      ext_expires_in: this.lifetimes.accessTokenSeconds,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: b64url(JSON.stringify({ uid: user.objectId, utid: tenantId })),
    };
  }

  /**
   * What a resource server finds in an access token: its claims when the signature is this
   * platform's and it has not expired.
   */
  verifyAccessToken(token: string): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: "malformed" | "signature" | "expired" } {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "malformed" };
    let claims: Record<string, unknown>;
    try {
      claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    const verifier = createVerify("RSA-SHA256").update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(this.publicKey, Buffer.from(parts[2], "base64url"))) return { ok: false, reason: "signature" };
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, claims };
  }

  reset(): void {
    this.deviceCodes = new Map();
    this.refreshGrants = new Map();
    this.offsetMs = 0;
  }

  snapshot(): { deviceCodes: Array<Omit<DeviceCode, "deviceCode">>; refreshTokens: RefreshGrant[] } {
    return structuredClone({
      deviceCodes: [...this.deviceCodes.values()].map(({ deviceCode: _secret, ...code }) => code),
      refreshTokens: [...this.refreshGrants.values()],
    });
  }

  private jwt(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ typ: "JWT", alg: "RS256", kid: this.keyId }));
    const payload = b64url(JSON.stringify({ ...claims, jti: randomUUID() }));
    const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(this.privateKey).toString("base64url");
    return `${header}.${payload}.${signature}`;
  }
}
