/**
 * Who is acting in a provisioning call: the reseller alone, or the enterprise through the MSAL
 * `authenticationResult` of one of its Microsoft administrators.
 *
 * The vendor's getting-started page: provisioning operations need "an Enterprise-level Bearer
 * Token and an MSAL object in the request body", or "a Reseller-level Bearer Token using the
 * Service Provider Consent"; configureUser may also be called with the reseller token and no MSAL
 * object. configureUser "enables the Calling Services ... when the Authentication object is filled
 * in"; disableUsers called enterprise-scoped disables calling and removes the users, reseller-scoped
 * it only marks them. The consent page: the enterprise's Teams Administrators (or its Global
 * Administrator) act as enterprise admins.
 *
 * Our reading, where the pages are silent: the MSAL object makes the call enterprise-scoped when its
 * access token is a valid Microsoft token of that tenant whose user holds one of those roles; a
 * filled-in object that is not (a token of another tenant, an expired or forged one, a user without
 * the role) is refused rather than ignored, with 400 for a token that is not usable and 403 for one
 * that does not grant the enterprise. The error codes are ours (Spring's shape, see errors.ts).
 */
import { isPlainObject } from "../common/validate";
import { apiError } from "./errors";
import type { TenantRecord } from "./state";

/** Template ids of the directory roles that act as the enterprise's admin. */
const ENTERPRISE_ADMIN_ROLES: Record<string, string> = {
  "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
  "69091246-20e8-4a56-aa4d-066075b2a7a8": "Teams Administrator",
};

/** What Microsoft says about an access token (the identity emulation's verifier). */
export type AccessTokenVerifier = (token: string) => { ok: true; claims: Record<string, unknown> } | { ok: false; reason: "malformed" | "signature" | "expired" };

export type Caller = { scope: "reseller" } | { scope: "enterprise"; admin: string };

/** The caller of a provisioning call for `tenant`, from its body's `authenticationResult`; throws the vendor's refusal. */
export function callerOf(body: Record<string, unknown>, tenant: TenantRecord, verify: AccessTokenVerifier, path: string): Caller {
  const msal = body.authenticationResult;
  if (msal === undefined || msal === null) return { scope: "reseller" };
  const inner = isPlainObject(msal) && isPlainObject(msal.authenticationResult) ? msal.authenticationResult : {};
  const token = inner.accessToken;
  if (typeof token !== "string" || token === "") {
    throw apiError(400, "VALIDATION_FAILED", "authenticationResult.authenticationResult.accessToken: cannot be empty when authenticationResult is given", path);
  }
  const verified = verify(token);
  if (!verified.ok) {
    if (verified.reason === "expired") {
      throw apiError(400, "AUTHENTICATION_EXPIRED", "The Microsoft access token in authenticationResult has expired: sign in to Microsoft again", path);
    }
    throw apiError(400, "INVALID_AUTHENTICATION", "The Microsoft access token in authenticationResult could not be validated with Microsoft", path);
  }
  const claims = verified.claims;
  const signedInTenant = String(claims.tid);
  const claimedTenants = [msal && (msal as { tenantId?: unknown }).tenantId, isPlainObject(inner.userInfo) ? inner.userInfo.tenantId : undefined];
  const other = [signedInTenant, ...claimedTenants].find((id) => id !== undefined && id !== null && id !== tenant.tenantId);
  if (other !== undefined) {
    throw apiError(403, "TENANT_MISMATCH", `The Microsoft sign-in in authenticationResult is for tenant ${other}, not for the enterprise's tenant ${tenant.tenantId}`, path);
  }
  const roles = Array.isArray(claims.wids) ? claims.wids.filter((id): id is string => typeof id === "string" && id in ENTERPRISE_ADMIN_ROLES) : [];
  if (roles.length === 0) {
    throw apiError(403, "NOT_ENTERPRISE_ADMIN", `${String(claims.upn)} is neither a Teams Administrator nor a Global Administrator of tenant ${tenant.tenantId}`, path);
  }
  return { scope: "enterprise", admin: String(claims.upn) };
}

/** The /provisioning operations without an MSAL object: allowed only where the enterprise granted the reseller consent. */
export function assertResellerMayProvision(tenant: TenantRecord, path: string): void {
  if (!tenant.serviceProviderConsent) {
    throw apiError(
      403,
      "CONSENT_REQUIRED",
      `The enterprise of tenant ${tenant.tenantId} has not granted the Service Provider Consent: provisioning needs it, or an enterprise admin's authenticationResult`,
      path,
    );
  }
}
