/**
 * The Microsoft Entra ID tenants of the emulation: their users and the directory roles those
 * users hold, and the public client applications allowed to sign them in. A dumb store.
 */
import { randomUUID } from "node:crypto";

/**
 * Directory role template ids, as Microsoft publishes them ("Microsoft Entra built-in roles"); an
 * access token of a user who holds a role carries its id in the `wids` claim.
 */
export const DIRECTORY_ROLES = {
  "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
  "Teams Administrator": "69091246-20e8-4a56-aa4d-066075b2a7a8",
  "Teams Communications Administrator": "baf37b3a-610e-45da-9e62-d9d1e5e8914b",
} as const;

export type DirectoryRole = keyof typeof DIRECTORY_ROLES;

export interface DirectoryUser {
  /** The user principal name, e.g. `teams.admin@contoso.onmicrosoft.com`. */
  username: string;
  displayName: string;
  roles: DirectoryRole[];
  /** Object id; made up when not given. */
  objectId?: string;
}

export interface DirectoryTenant {
  tenantId: string;
  users: DirectoryUser[];
}

/** An app registration with "Allow public client flows" on, so device-code sign-in works. */
export interface PublicClient {
  clientId: string;
  displayName: string;
}

export class Directory {
  private readonly tenants: Map<string, DirectoryTenant>;

  constructor(tenants: readonly DirectoryTenant[], private readonly clients: readonly PublicClient[]) {
    this.tenants = new Map(
      tenants.map((tenant) => [tenant.tenantId, { ...tenant, users: tenant.users.map((user) => ({ ...user, objectId: user.objectId ?? randomUUID() })) }]),
    );
  }

  tenant(tenantId: string): DirectoryTenant | undefined {
    return this.tenants.get(tenantId.toLowerCase()) ?? this.tenants.get(tenantId);
  }

  user(tenantId: string, username: string): DirectoryUser | undefined {
    return this.tenant(tenantId)?.users.find((user) => user.username.toLowerCase() === username.toLowerCase());
  }

  client(clientId: string | undefined): PublicClient | undefined {
    return this.clients.find((client) => client.clientId === clientId);
  }

  snapshot(): { tenants: DirectoryTenant[]; clients: PublicClient[] } {
    return structuredClone({ tenants: [...this.tenants.values()], clients: [...this.clients] });
  }
}
