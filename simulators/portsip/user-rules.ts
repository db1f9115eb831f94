/**
 * User rules on top of the field checks: uniqueness of name (ignoring case) and extension,
 * existing roles, create-only fields, and the single-purpose endpoints (password, role, ms365 binding).
 * Every problem of one request is collected into one 400.
 */
import { notFound, validationFailed } from "./errors";
import type { PortSipState, UserFields, UserRecord } from "./state";
import { CREATE_ONLY_FIELDS, USER_CREATE_SHAPE, USER_DEFAULTS, USER_PATCH_SHAPE, USER_UPDATE_SHAPE } from "./user-fields";
import { Problems, checkFields, custom, string, type Shape } from "../common/validate";

/** Validates a POST /api/users body, stores the user with the PBX defaults, and returns its id. */
export function createUser(state: PortSipState, body: unknown): string {
  const problems = new Problems();
  checkFields(body, "", USER_CREATE_SHAPE, problems);
  const input = asRecord(body);
  checkReferences(state, input, problems);
  if (!problems.empty) throw validationFailed(problems.list);
  const fields = { ...structuredClone(USER_DEFAULTS), ...structuredClone(withoutNulls(input)) } as UserFields;
  return state.addUser(fields);
}

/** POST /api/users/{id}: partial; only the seed's update fields, so create-only fields are named and refused. */
export function updateUser(state: PortSipState, id: string, body: unknown): void {
  existingUser(state, id);
  const problems = new Problems();
  const input = asRecord(body ?? {});
  const updatable: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (Object.hasOwn(CREATE_ONLY_FIELDS, field)) problems.add(field, CREATE_ONLY_FIELDS[field]);
    else updatable[field] = value;
  }
  checkFields(body === undefined || isObject(body) ? updatable : body, "", USER_UPDATE_SHAPE, problems);
  if (!problems.empty) throw validationFailed(problems.list);
  state.patchUser(id, nullsAsUnset(updatable));
}

/** An out-of-band edit, as an admin would make in the PBX web UI: any create field, same rules. */
export function patchUser(state: PortSipState, id: string, patch: unknown): void {
  existingUser(state, id);
  const problems = new Problems();
  checkFields(patch, "", USER_PATCH_SHAPE, problems);
  const input = asRecord(patch);
  checkReferences(state, input, problems, id);
  if (!problems.empty) throw validationFailed(problems.list);
  state.patchUser(id, nullsAsUnset(input));
}

const PASSWORD_BODY: Shape = { password: { check: string({ min: 6, max: 64 }), required: true } };

/** POST /api/users/{id}/password and /extension_password: body `{password}`. */
export function setPassword(state: PortSipState, id: string, field: "password" | "extension_password", body: unknown): void {
  existingUser(state, id);
  const input = checked(body, PASSWORD_BODY);
  state.patchUser(id, { [field]: input.password });
}

/** POST /api/users/{id}/role: body `{role}`, naming an existing role. */
export function setRole(state: PortSipState, id: string, body: unknown): void {
  existingUser(state, id);
  const input = checked(body, { role: { check: string({ min: 1, max: 64 }), required: true } }, (value, problems) =>
    checkReferences(state, value, problems, id),
  );
  state.patchUser(id, { role: input.role });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const MS365_BODY: Shape = {
  id: {
    required: true,
    check: custom((value) =>
      typeof value === "string" && (GUID.test(value) || (UPN.test(value) && value.length <= 113))
        ? undefined
        : "must be a Microsoft 365 object id (GUID) or user principal name (user@domain)",
    ),
  },
};

/** POST /api/users/{id}/ms365_binding: body `{id}`; one Microsoft 365 user binds to one PBX user. */
export function bindMs365(state: PortSipState, id: string, body: unknown): void {
  existingUser(state, id);
  const input = checked(body, MS365_BODY, (value, problems) => {
    const other = state
      .listUsers()
      .find((user) => user.id !== id && user.ms365_binding_id?.toLowerCase() === String(value.id).toLowerCase());
    if (other) problems.add("id", `is already bound to user ${other.id} (${other.name})`);
  });
  state.patchUser(id, { ms365_binding_id: input.id });
}

/** Unbinding a user that is not bound is a no-op. */
export function unbindMs365(state: PortSipState, id: string): void {
  existingUser(state, id);
  state.patchUser(id, { ms365_binding_id: null });
}

export function destroyUser(state: PortSipState, id: string): void {
  existingUser(state, id);
  state.deleteUser(id);
}

export function existingUser(state: PortSipState, id: string): UserRecord {
  const user = state.getUser(id);
  if (!user) throw notFound(`user "${id}" not found`, { id });
  return user;
}

/** Checks what depends on other records; skips fields that already failed their own check. */
function checkReferences(state: PortSipState, input: Record<string, unknown>, problems: Problems, selfId?: string): void {
  const fieldIsValid = (field: string) => typeof input[field] === "string" && problems.list.every((p) => p.field !== field);
  const others = state.listUsers().filter((user) => user.id !== selfId);
  if (fieldIsValid("name")) {
    const name = (input.name as string).toLowerCase();
    if (others.some((user) => user.name.toLowerCase() === name)) problems.add("name", `a user named "${input.name}" already exists`);
  }
  if (fieldIsValid("extension_number") && others.some((user) => user.extension_number === input.extension_number)) {
    problems.add("extension_number", `extension ${input.extension_number} is already in use`);
  }
  if (fieldIsValid("role") && !state.getRole(input.role as string)) problems.add("role", `role "${input.role}" does not exist`);
}

/** Validates a small body against a shape plus optional cross-record checks; throws one 400 with everything. */
function checked(
  body: unknown,
  shape: Shape,
  more?: (input: Record<string, unknown>, problems: Problems) => void,
): Record<string, unknown> {
  const problems = new Problems();
  checkFields(body, "", shape, problems);
  const input = asRecord(body);
  if (problems.empty && more) more(input, problems);
  if (!problems.empty) throw validationFailed(problems.list);
  return input;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}

/** In a patch, null clears the field. */
function nullsAsUnset(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([field, value]) => [field, value === null ? undefined : structuredClone(value)]));
}
