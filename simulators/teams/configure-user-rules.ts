/**
 * `POST /enterprise/configureUser` (connecttoteams-enterprise-configure-user.txt): adds the user,
 * or edits it when the tenant already has that login id. Every documented field is accepted, with
 * its type; nothing else is. Required: loginID, pbxLocation, pbxUserId, teamsUserId, tenantID
 * (non-empty) and sbcGatewayId (> 0). Defaults: userType "PBX" and the pbxCallPolicyInfo defaults.
 * An edit replaces the stored fields with the body: the provider always sends the whole user.
 * Calling is enabled for an enterprise-scoped call (a valid MSAL object, msal-rules.ts) or where the
 * enterprise granted the reseller its consent; otherwise the user is configured without it.
 */
import { all, boolean, checkFields, custom, integer, isPlainObject, object, oneOf, Problems, string, type Check, type Shape } from "../common/validate";
import { apiError, validationFailed } from "./errors";
import { callerOf, type AccessTokenVerifier } from "./msal-rules";
import type { TeamsState, TeamsUserRecord } from "./state";

export const CONFIGURE_USER_PATH = "/enterprise/configureUser";

const text = string();
const int64 = integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const optional = (check: Check) => ({ check, nullable: true });

/** The MSAL authentication object some provisioning calls take (shared with disableUsers). */
export const msalShape: Shape = {
  authenticationResult: optional(
    object({
      accessToken: optional(text),
      accessTokenType: optional(text),
      expiresAfter: optional(int64),
      expiresOn: optional(int64),
      expiresOnDate: optional(all(text, custom((v) => (Number.isNaN(Date.parse(v as string)) ? "must be a date-time" : undefined)))),
      idToken: optional(text),
      multipleResourceRefreshToken: optional(boolean),
      refreshToken: optional(text),
      userInfo: optional(object({ displayableId: optional(text), identityProvider: optional(text), tenantId: optional(text) })),
    }),
  ),
  resellerId: optional(int64),
  tenantId: optional(text),
};

/** Required fields and the vendor's own message for each. */
const REQUIRED: Record<string, string> = {
  loginID: "Login ID - cannot be empty",
  pbxLocation: "PBX ID - cannot be empty",
  pbxUserId: "PBX User ID - cannot be empty",
  sbcGatewayId: "SBC Gateway identifier - value must be greater than 0",
  teamsUserId: "Teams User ID - cannot be empty",
  tenantID: "Tenant ID - cannot be empty",
};

const nonEmpty = (field: string): Check => all(text, custom((v) => ((v as string).trim() === "" ? REQUIRED[field] : undefined)));

const SHAPE: Shape = {
  authenticationResult: optional(object(msalShape)),
  callPolicyInfo: optional(
    object({
      callPolicyCNAM: optional(text),
      callPolicyCallerId: optional(text),
      callPolicyName: optional(text),
      forwardedCallsCallerId: optional(text),
      resellerId: optional(int64),
    }),
  ),
  codecs: optional(text),
  deviceName: optional(text),
  deviceType: optional(text),
  directRouteId: optional(int64), // deprecated, still accepted until 2.7.0
  disableTeamsVoicemail: optional(boolean), // deprecated
  email: optional(text),
  firstName: optional(text),
  lastName: optional(text),
  linePort: optional(text),
  loginID: optional(nonEmpty("loginID")),
  macAddress: optional(text),
  password: optional(text),
  pbxAuthUserId: optional(text),
  pbxCallPolicyInfo: optional(
    object({
      callPolicyCNAM: optional(oneOf(["TRANSPARENT", "OTHER"])),
      callPolicyCustomCNAM: optional(text),
      callPolicyName: optional(text),
      forwardedCallsCallerId: optional(oneOf(["USER_CALLER_ID", "TRANSPARENT"])),
      resellerId: optional(int64),
    }),
  ),
  pbxLocation: optional(nonEmpty("pbxLocation")),
  pbxUserId: optional(nonEmpty("pbxUserId")),
  phoneNumber: optional(text),
  portalLoginName: optional(text),
  portalPassword: optional(text),
  provisioningPassword: optional(text),
  provisioningUsername: optional(text),
  rePassword: optional(text),
  sbcGatewayId: optional(all(int64, custom((v) => ((v as number) > 0 ? undefined : REQUIRED.sbcGatewayId)))),
  sipAutoProvisioningEnabled: optional(boolean),
  teamsUserId: optional(nonEmpty("teamsUserId")),
  tenantID: optional(nonEmpty("tenantID")),
  useAudioConferenceVRP: optional(boolean),
  useEnterpriseDialPlan: optional(boolean),
  useTeamsVoicemail: optional(boolean),
  userTag: optional(text),
  userType: optional(text),
};

const PBX_CALL_POLICY_DEFAULTS = { callPolicyCNAM: "TRANSPARENT", callPolicyName: "Global", forwardedCallsCallerId: "USER_CALLER_ID" };

/** Validates a body; throws the vendor's 400 naming every problem. */
function validate(body: unknown): Record<string, unknown> {
  const problems = new Problems();
  checkFields(body, "", SHAPE, problems);
  if (isPlainObject(body)) {
    for (const [field, message] of Object.entries(REQUIRED)) {
      if (body[field] === undefined || body[field] === null) problems.add(field, message);
    }
  }
  if (!problems.empty) throw validationFailed(problems.list, CONFIGURE_USER_PATH);
  return body as Record<string, unknown>;
}

/** The stored fields: nulls mean unset, defaults filled, the MSAL object (a credential) not kept. */
function storedFields(body: Record<string, unknown>): Record<string, unknown> {
  const { authenticationResult: _msal, ...rest } = body;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
  const pbxPolicy = isPlainObject(fields.pbxCallPolicyInfo) ? fields.pbxCallPolicyInfo : {};
  return {
    ...fields,
    userType: fields.userType ?? "PBX",
    pbxCallPolicyInfo: {
      ...PBX_CALL_POLICY_DEFAULTS,
      ...Object.fromEntries(Object.entries(pbxPolicy).filter(([, value]) => value !== null)),
    },
  };
}

export interface ConfigureResult {
  operation: "ADD" | "EDIT";
  user: TeamsUserRecord;
}

/** Adds or edits the user. Editing a user marked for deletion configures it again and clears the mark. */
export function configureUser(state: TeamsState, body: unknown, verify: AccessTokenVerifier): ConfigureResult {
  const valid = validate(body);
  const tenantId = valid.tenantID as string;
  const tenant = state.getTenant(tenantId);
  if (!tenant) {
    throw apiError(404, "TENANT_NOT_FOUND", `No enterprise with tenant ID ${tenantId}`, CONFIGURE_USER_PATH);
  }
  if (!tenant.sbcGatewayIds.includes(valid.sbcGatewayId as number)) {
    throw apiError(400, "INVALID_SBC_GATEWAY", `SBC Gateway ${valid.sbcGatewayId} is not available to the enterprise of tenant ${tenantId}`, CONFIGURE_USER_PATH);
  }
  const caller = callerOf(valid, tenant, verify, CONFIGURE_USER_PATH);
  const now = new Date().toISOString();
  const existing = state.getUser(tenantId, valid.loginID as string);
  const user: TeamsUserRecord = {
    tenantID: tenantId,
    loginID: valid.loginID as string,
    status: "ACTIVE",
    fields: storedFields(valid),
    callingEnabled: caller.scope === "enterprise" || tenant.serviceProviderConsent === true,
    addedAt: existing?.addedAt ?? now,
    updatedAt: now,
    markedForDeletionAt: null,
  };
  state.putUser(user);
  return { operation: existing ? "EDIT" : "ADD", user: structuredClone(user) };
}
