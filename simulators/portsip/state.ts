/**
 * The in-memory PBX: roles, users and groups. A dumb store; the rules live in *-rules.ts.
 * Maps keep insertion order, which is the default list order.
 */
import { BUILT_IN_ROLES } from "./builtin-roles";
import { IdGenerator, rfc3339Now } from "./ids";
import type { Permissions } from "./permissions";

export interface RoleRecord {
  name: string;
  description: string | null;
  permissions: Permissions;
  built_in: boolean;
}

/** The fields a user is created with (the POST /api/users body after defaults), secrets included. */
export interface UserFields {
  name: string;
  extension_number: string;
  role: string;
  password: string;
  extension_password: string;
  voicemail_pin: string;
  display_name: string;
  email: string;
  [field: string]: unknown;
}

/** A stored user: its fields plus what the PBX computes. */
export type UserRecord = UserFields & {
  id: string;
  created_at: string;
  /** The Microsoft 365 object id or UPN the user is bound to; never returned by the vendor API. */
  ms365_binding_id: string | null;
};

export interface GroupOutboundCallerId {
  provider_id: string;
  caller_id: string;
  description?: string;
}

export interface GroupRecord {
  id: string;
  name: string;
  description: string | null;
  outbound_caller_ids: GroupOutboundCallerId[];
  /** User ids, in the order they were added. */
  member_ids: string[];
}

export interface PortSipStateSnapshot {
  roles: RoleRecord[];
  users: UserRecord[];
  groups: Array<Omit<GroupRecord, "member_ids"> & { members: Array<{ id: string; extension_number: string }> }>;
}

export class PortSipState {
  private readonly ids = new IdGenerator();
  private roles = new Map<string, RoleRecord>();
  private users = new Map<string, UserRecord>();
  private groups = new Map<string, GroupRecord>();

  constructor() {
    this.reset();
  }

  /** Built-in roles only, no users or groups. */
  reset(): void {
    this.roles = new Map(BUILT_IN_ROLES.map((role) => [role.name, { ...structuredClone(role), built_in: true }]));
    this.users = new Map();
    this.groups = new Map();
  }

  // Roles are keyed by their exact name: GET /api/roles/{name}.
  listRoles(): RoleRecord[] {
    return [...this.roles.values()];
  }

  getRole(name: string): RoleRecord | undefined {
    return this.roles.get(name);
  }

  /** Role names are unique ignoring case, so "user" clashes with an existing "User". */
  findRoleIgnoringCase(name: string): RoleRecord | undefined {
    return this.listRoles().find((role) => role.name.toLowerCase() === name.toLowerCase());
  }

  putRole(role: RoleRecord): void {
    this.roles.set(role.name, role);
  }

  deleteRole(name: string): void {
    this.roles.delete(name);
  }

  listUsers(): UserRecord[] {
    return [...this.users.values()];
  }

  getUser(id: string): UserRecord | undefined {
    return this.users.get(id);
  }

  findUserByExtension(extension: string): UserRecord | undefined {
    return this.listUsers().find((user) => user.extension_number === extension);
  }

  /** Stores a validated user and returns its new id. */
  addUser(fields: UserFields): string {
    const id = this.ids.newId();
    this.users.set(id, { ...fields, id, created_at: rfc3339Now(), ms365_binding_id: null });
    return id;
  }

  /** Fields set to `undefined` are removed (unset). */
  patchUser(id: string, patch: Record<string, unknown>): void {
    const user = this.users.get(id);
    if (!user) throw new Error(`no user ${id}`);
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) delete user[field];
      else user[field] = value;
    }
  }

  /** Deleting a user also takes it out of every group. */
  deleteUser(id: string): void {
    this.users.delete(id);
    for (const group of this.groups.values()) group.member_ids = group.member_ids.filter((member) => member !== id);
  }

  listGroups(): GroupRecord[] {
    return [...this.groups.values()];
  }

  getGroup(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  addGroup(fields: Omit<GroupRecord, "id" | "member_ids">): string {
    const id = this.ids.newId();
    this.groups.set(id, { ...fields, id, member_ids: [] });
    return id;
  }

  deleteGroup(id: string): void {
    this.groups.delete(id);
  }

  /** Saves roles, users and groups; the function returned puts them back (a write the PBX ignores). */
  checkpoint(): () => void {
    const saved = structuredClone({ roles: this.roles, users: this.users, groups: this.groups });
    return () => void ({ roles: this.roles, users: this.users, groups: this.groups } = saved);
  }

  /** Deep copy of everything, secrets included, for tests and the admin API. */
  snapshot(): PortSipStateSnapshot {
    return structuredClone({
      roles: this.listRoles(),
      users: this.listUsers(),
      groups: this.listGroups().map(({ member_ids, ...group }) => ({
        ...group,
        members: member_ids.map((id) => ({ id, extension_number: this.users.get(id)?.extension_number ?? "" })),
      })),
    });
  }
}
