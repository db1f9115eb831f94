/**
 * The in-memory ConnecttoTeams platform: enterprises (by Microsoft tenant id) with their SBC
 * gateways, and their configured users. A dumb store; the rules live in *-rules.ts.
 */

export interface TenantRecord {
  tenantId: string;
  /** SBC gateways available to the enterprise; configureUser refuses any other `sbcGatewayId`. */
  sbcGatewayIds: number[];
  /**
   * Whether the enterprise admin granted the reseller Service Provider Consent ("Request Consent for
   * Enterprise Management"): without it, a reseller-level caller without an MSAL object can configure
   * users but not enable their calling, and cannot call the /provisioning operations. Default false.
   */
  serviceProviderConsent?: boolean;
  /** The tenant's `<domain>.onmicrosoft.com` name, for the Microsoft users the simulator signs in; default from the id. */
  domain?: string;
}

/**
 * ACTIVE: configured. MARKED_FOR_DELETION: disabled by a reseller-level caller; the next
 * enterprise synchronization removes it.
 */
export type TeamsUserStatus = "ACTIVE" | "MARKED_FOR_DELETION";

export interface TeamsUserRecord {
  tenantID: string;
  loginID: string;
  status: TeamsUserStatus;
  /** The configureUser body as last applied, after defaults, secrets included (no MSAL object). */
  fields: Record<string, unknown>;
  /**
   * Calling Services enabled at Microsoft: by a configureUser with a valid MSAL object of a Teams
   * administrator of the tenant, or by a reseller-level one where the enterprise granted consent.
   */
  callingEnabled: boolean;
  addedAt: string;
  updatedAt: string;
  markedForDeletionAt: string | null;
}

export interface TeamsStateSnapshot {
  tenants: TenantRecord[];
  users: TeamsUserRecord[];
}

const key = (tenantId: string, loginId: string) => JSON.stringify([tenantId, loginId]);

export class TeamsState {
  private tenants = new Map<string, TenantRecord>();
  private users = new Map<string, TeamsUserRecord>();

  constructor(private readonly initialTenants: readonly TenantRecord[]) {
    this.reset();
  }

  /** The initial enterprises, no users. */
  reset(): void {
    this.tenants = new Map(this.initialTenants.map((tenant) => [tenant.tenantId, structuredClone(tenant)]));
    this.users = new Map();
  }

  getTenant(tenantId: string): TenantRecord | undefined {
    return this.tenants.get(tenantId);
  }

  getUser(tenantId: string, loginId: string): TeamsUserRecord | undefined {
    return this.users.get(key(tenantId, loginId));
  }

  usersOf(tenantId: string): TeamsUserRecord[] {
    return [...this.users.values()].filter((user) => user.tenantID === tenantId);
  }

  putUser(user: TeamsUserRecord): void {
    this.users.set(key(user.tenantID, user.loginID), user);
  }

  removeUser(tenantId: string, loginId: string): void {
    this.users.delete(key(tenantId, loginId));
  }

  setConsent(tenantId: string, granted: boolean): void {
    const tenant = this.tenants.get(tenantId);
    if (!tenant) throw new Error(`no enterprise with tenant ID ${tenantId}`);
    tenant.serviceProviderConsent = granted;
  }

  /** Enterprise synchronization: removes the users marked for deletion (of one tenant, or all); returns how many. */
  sync(tenantId?: string): number {
    let removed = 0;
    for (const [userKey, user] of this.users) {
      if (user.status === "MARKED_FOR_DELETION" && (tenantId === undefined || user.tenantID === tenantId)) {
        this.users.delete(userKey);
        removed++;
      }
    }
    return removed;
  }

  /** Saves tenants and users; the function returned puts them back (a write the vendor ignores). */
  checkpoint(): () => void {
    const saved = structuredClone({ tenants: this.tenants, users: this.users });
    return () => void ({ tenants: this.tenants, users: this.users } = saved);
  }

  /** Deep copy of everything, secrets included, for tests and the admin API. */
  snapshot(): TeamsStateSnapshot {
    return structuredClone({ tenants: [...this.tenants.values()], users: [...this.users.values()] });
  }
}
