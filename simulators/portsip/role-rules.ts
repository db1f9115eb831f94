/**
 * Role rules: name 1-64 chars and unique ignoring case, built-in names reserved,
 * built-in roles read-only, roles in use cannot be destroyed.
 */
import { isBuiltInRoleName } from "./builtin-roles";
import { invalidField, notFound, resourceInUse, validationFailed } from "./errors";
import { checkPermissions, permissionsFrom, type Permissions } from "./permissions";
import type { PortSipState, RoleRecord } from "./state";
import { Problems, checkFields, string, type Check, type Shape } from "../common/validate";

/** Permissions are checked separately by checkPermissions, which also fills in the omitted flags. */
const checkedElsewhere: Check = () => undefined;

const ROLE_SHAPE: Shape = {
  name: { check: string({ min: 1, max: 64 }), required: true },
  permissions: { check: checkedElsewhere },
  description: { check: string(), nullable: true },
};

const ROLE_UPDATE_SHAPE: Shape = { ...ROLE_SHAPE, name: { check: string({ min: 1, max: 64 }) } };

/** Validates a POST /api/roles body and stores the role; returns its name. */
export function createRole(state: PortSipState, body: unknown): string {
  const problems = new Problems();
  checkFields(body, "", ROLE_SHAPE, problems);
  const input = (body ?? {}) as { name?: unknown; permissions?: unknown; description?: unknown };
  // null is refused by checkFields; only objects reach checkPermissions.
  const permissions = input.permissions == null ? permissionsFrom({}) : checkPermissions(input.permissions, "permissions", problems);
  if (typeof input.name === "string" && problems.list.every((p) => p.field !== "name")) {
    if (isBuiltInRoleName(input.name)) problems.add("name", `"${input.name}" is the name of a built-in role`);
    else if (state.findRoleIgnoringCase(input.name)) problems.add("name", `a role named "${input.name}" already exists`);
  }
  if (!problems.empty || !permissions) throw validationFailed(problems.list);
  const name = input.name as string;
  state.putRole({ name, permissions, description: (input.description as string | null | undefined) ?? null, built_in: false });
  return name;
}

/** POST /api/roles/{name}: partial; a `name` in the body must equal the path's. */
export function updateRole(state: PortSipState, name: string, body: unknown): void {
  const role = existingCustomRole(state, name, "modified");
  const problems = new Problems();
  checkFields(body ?? {}, "", ROLE_UPDATE_SHAPE, problems);
  const input = (body ?? {}) as { name?: unknown; permissions?: unknown; description?: unknown };
  if (typeof input.name === "string" && input.name !== name) {
    problems.add("name", `must equal the role name in the path ("${name}"); roles cannot be renamed`);
  }
  let permissions: Permissions | undefined;
  if (input.permissions != null) permissions = checkPermissions(input.permissions, "permissions", problems);
  if (!problems.empty) throw validationFailed(problems.list);
  if (permissions) role.permissions = permissions;
  if (input.description !== undefined) role.description = input.description as string | null;
}

export function destroyRole(state: PortSipState, name: string): void {
  existingCustomRole(state, name, "destroyed");
  const holders = state.listUsers().filter((user) => user.role === name);
  if (holders.length > 0) {
    throw resourceInUse(`role "${name}" is assigned to ${holders.length} user(s)`, {
      role: name,
      users: holders.map((user) => user.id),
    });
  }
  state.deleteRole(name);
}

export function existingRole(state: PortSipState, name: string): RoleRecord {
  const role = state.getRole(name);
  if (!role) throw notFound(`role "${name}" not found`, { name });
  return role;
}

function existingCustomRole(state: PortSipState, name: string, verb: string): RoleRecord {
  const role = existingRole(state, name);
  if (role.built_in) throw invalidField("name", `"${name}" is a built-in role and cannot be ${verb}`);
  return role;
}
