/**
 * Role permissions: exactly the eleven groups of the seed's role body, each with its boolean flags.
 * Omitted groups and flags mean `false`.
 */
import { Problems, isPlainObject, joinPath } from "../common/validate";

export const PERMISSION_GROUPS = {
  general: ["voicemail_view_only", "voicemail_full_access", "meeting"],
  system: ["information", "dealer", "tenant"],
  trunk: ["view_only", "full_access"],
  company: ["view_only", "full_access"],
  company_call_log: ["call_log_view_only", "call_log_full_access", "call_recording_view_only", "call_recording_full_access"],
  phone_system: ["view_only", "full_access"],
  user_management: ["roles", "users"],
  user_call_log: ["call_log_view_only", "call_log_full_access", "call_recording_view_only", "call_recording_full_access"],
  policies: ["domestic_calls", "internal_calls", "international_calls"],
  analytics: ["call_report_view_only", "call_report_full_access"],
  billing: ["view_only", "full_access"],
} as const satisfies Record<string, readonly string[]>;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;
export type Permissions = { [G in PermissionGroup]: { [F in (typeof PERMISSION_GROUPS)[G][number]]: boolean } };

/** A grant list such as `{ policies: ["internal_calls"] }`; everything not listed is false. */
export type Grants = { [G in PermissionGroup]?: ReadonlyArray<(typeof PERMISSION_GROUPS)[G][number]> };

export function permissionsFrom(grants: Grants | "all"): Permissions {
  const result: Record<string, Record<string, boolean>> = {};
  for (const [group, flags] of Object.entries(PERMISSION_GROUPS)) {
    const granted: readonly string[] = grants === "all" ? flags : (grants[group as PermissionGroup] ?? []);
    result[group] = Object.fromEntries(flags.map((flag) => [flag, granted.includes(flag)]));
  }
  return result as Permissions;
}

/** Validates a request's `permissions` object and fills in `false` for everything omitted. */
export function checkPermissions(value: unknown, path: string, problems: Problems): Permissions | undefined {
  if (!isPlainObject(value)) {
    problems.add(path, "must be a JSON object");
    return undefined;
  }
  const before = problems.list.length;
  const result = permissionsFrom({});
  for (const [group, flags] of Object.entries(value)) {
    const groupPath = joinPath(path, group);
    if (!Object.hasOwn(PERMISSION_GROUPS, group)) {
      problems.add(groupPath, `unknown permission group; expected one of ${Object.keys(PERMISSION_GROUPS).join(", ")}`);
      continue;
    }
    if (!isPlainObject(flags)) {
      problems.add(groupPath, "must be a JSON object");
      continue;
    }
    const known: readonly string[] = PERMISSION_GROUPS[group as PermissionGroup];
    const target = result[group as PermissionGroup] as Record<string, boolean>;
    for (const [flag, granted] of Object.entries(flags)) {
      const flagPath = joinPath(groupPath, flag);
      if (!known.includes(flag)) problems.add(flagPath, `unknown permission; expected one of ${known.join(", ")}`);
      else if (typeof granted !== "boolean") problems.add(flagPath, "must be a boolean (true or false)");
      else target[flag] = granted;
    }
  }
  return problems.list.length === before ? result : undefined;
}

/**
 * Flags a newer PBX might add to role answers: group -> flag -> value. A setting of the simulator
 * (not of the seed), so clients can be tested against an answer that says more than v22 does.
 */
export type ExtraPermissionFlags = Record<string, Record<string, boolean>>;

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Checks extra flags; each must be new (an unknown group, or a flag its group does not have). Throws an Error. */
export function checkExtraPermissionFlags(value: unknown): ExtraPermissionFlags {
  if (!isPlainObject(value)) throw new Error("extra permission flags must be a JSON object of groups");
  for (const [group, flags] of Object.entries(value)) {
    if (!SNAKE_CASE.test(group)) throw new Error(`group "${group}" must be a snake_case name`);
    if (!isPlainObject(flags)) throw new Error(`group "${group}" must be a JSON object of flags`);
    const known: readonly string[] = PERMISSION_GROUPS[group as PermissionGroup] ?? [];
    for (const [flag, granted] of Object.entries(flags)) {
      if (!SNAKE_CASE.test(flag)) throw new Error(`flag "${group}.${flag}" must be a snake_case name`);
      if (known.includes(flag)) throw new Error(`flag "${group}.${flag}" is one PortSIP v22 has; extra flags must be new`);
      if (typeof granted !== "boolean") throw new Error(`flag "${group}.${flag}" must be true or false`);
    }
  }
  return structuredClone(value) as ExtraPermissionFlags;
}

/** A role's permissions as a PBX with the extra flags answers them: known flags first, then the new ones. */
export function withExtraFlags(permissions: Permissions, extra: ExtraPermissionFlags): Record<string, Record<string, boolean>> {
  const answer: Record<string, Record<string, boolean>> = structuredClone(permissions);
  for (const [group, flags] of Object.entries(extra)) answer[group] = { ...answer[group], ...flags };
  return answer;
}
