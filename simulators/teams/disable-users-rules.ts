/**
 * `POST /provisioning/disableUsers`. Called enterprise-scoped (a valid MSAL object of an enterprise
 * admin, msal-rules.ts) it disables the users' calling and removes them. Called by the reseller
 * alone it needs the enterprise's Service Provider Consent, and ONLY marks the users for deletion;
 * an enterprise synchronization removes them later (`POST /__admin/sync`). Users are named by login
 * id in `users[]`, or all users of the tenant (of `userType`, when given) with `updateAllUsers`.
 */
import { array, boolean, checkFields, integer, isPlainObject, object, Problems, string, type Check } from "../common/validate";
import { msalShape } from "./configure-user-rules";
import { apiError, validationFailed } from "./errors";
import { assertResellerMayProvision, callerOf, type AccessTokenVerifier } from "./msal-rules";
import type { TeamsState } from "./state";

export const DISABLE_USERS_PATH = "/provisioning/disableUsers";

const text = string();
const optional = (check: Check) => ({ check, nullable: true });

const SHAPE = {
  authenticationResult: optional(object(msalShape)),
  filter: optional(text), // accepted; the simulator selects users by `users[]` or `updateAllUsers` only
  loginId: optional(text),
  numberOfUsers: optional(integer({ min: 0, max: 2 ** 31 - 1 })),
  searchString: optional(text),
  tenantId: optional(text),
  updateAllUsers: optional(boolean),
  userType: optional(text),
  users: optional(array(string({ min: 1 }))),
};

export type DisableResult = { tenantId: string; markedForDeletion: string[] } | { tenantId: string; removed: string[] };

export function disableUsers(state: TeamsState, body: unknown, verify: AccessTokenVerifier): DisableResult {
  const problems = new Problems();
  checkFields(body, "", SHAPE, problems);
  const valid = (isPlainObject(body) ? body : {}) as { tenantId?: string; users?: string[]; updateAllUsers?: boolean; userType?: string };
  if (isPlainObject(body) && !valid.tenantId?.trim()) problems.add("tenantId", "Tenant ID - cannot be empty");
  if (isPlainObject(body) && !valid.updateAllUsers && !valid.users?.length) {
    problems.add("users", "name at least one user, or set updateAllUsers");
  }
  if (!problems.empty) throw validationFailed(problems.list, DISABLE_USERS_PATH);

  const tenantId = valid.tenantId!;
  const tenant = state.getTenant(tenantId);
  if (!tenant) {
    throw apiError(404, "TENANT_NOT_FOUND", `No enterprise with tenant ID ${tenantId}`, DISABLE_USERS_PATH);
  }
  const caller = callerOf(body as Record<string, unknown>, tenant, verify, DISABLE_USERS_PATH);
  if (caller.scope === "reseller") assertResellerMayProvision(tenant, DISABLE_USERS_PATH);
  const enterprise = caller.scope === "enterprise";
  const targets = valid.updateAllUsers
    ? state.usersOf(tenantId).filter((user) => (enterprise || user.status === "ACTIVE") && (!valid.userType || user.fields.userType === valid.userType))
    : valid.users!.map((loginId) => ({ loginId, user: state.getUser(tenantId, loginId) })).map(({ loginId, user }) => {
        if (!user) throw apiError(404, "USER_NOT_FOUND", `No user ${loginId} in tenant ${tenantId}`, DISABLE_USERS_PATH);
        return user;
      });
  if (enterprise) {
    // Enterprise-scoped: calling is disabled and the users leave the system, those marked for deletion too.
    for (const user of targets) state.removeUser(tenantId, user.loginID);
    return { tenantId, removed: targets.map((user) => user.loginID) };
  }
  const active = targets.filter((user) => user.status === "ACTIVE");
  if (!valid.updateAllUsers && active.length === 0) {
    throw apiError(409, "USER_ALREADY_DISABLED", `Already disabled: ${targets.map((u) => u.loginID).join(", ")}`, DISABLE_USERS_PATH);
  }
  const now = new Date().toISOString();
  for (const user of active) {
    state.putUser({ ...user, status: "MARKED_FOR_DELETION", markedForDeletionAt: now, updatedAt: now });
  }
  return { tenantId, markedForDeletion: active.map((user) => user.loginID) };
}
