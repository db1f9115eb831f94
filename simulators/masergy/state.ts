/**
 * The in-memory BroadWorks side: groups with their numbers and service packs, and users.
 * A dumb store; the rules live in the request checks and the task steps.
 */
import { DEFAULT_ENTERPRISE_ID, type GroupSeed } from "./catalog";

/** A user as stored, secrets included (the API never returns them). */
export interface MasergyUserRecord {
  enterpriseId: string;
  groupId: string;
  userId: string;
  firstName: string;
  lastName: string;
  emailAddress?: string;
  webPortalPassword: string;
  phoneNumber?: string;
  extension: string;
  mainServicePack?: string;
  voicemail: boolean;
  voicePortalPasscode?: string;
  voicemailTranscriptionMachine: boolean;
  ucOverlay: boolean;
  addressType: string;
  trunkGroup?: string;
  enterpriseTrunk?: string;
  deviceModel?: string;
  deviceMacAddress?: string;
  timeZone: string;
  conference: boolean;
  conferenceBridgeId?: string;
  conferenceId?: string;
  conferenceModeratorPin?: string;
  createdAt: string;
}

export interface MasergyStateSnapshot {
  groups: Array<GroupSeed & { availablePhoneNumbers: string[] }>;
  users: MasergyUserRecord[];
}

export class MasergyState {
  private groups = new Map<string, GroupSeed>();
  private users = new Map<string, MasergyUserRecord>();

  constructor(private readonly seeds: readonly GroupSeed[]) {
    this.reset();
  }

  reset(): void {
    this.groups = new Map(this.seeds.map((group) => [group.groupId, structuredClone(group)]));
    this.users = new Map();
  }

  get defaultEnterpriseId(): string {
    return this.seeds[0]?.enterpriseId ?? DEFAULT_ENTERPRISE_ID;
  }

  listGroups(): GroupSeed[] {
    return [...this.groups.values()];
  }

  /** The group in the enterprise (the account's default enterprise when none is given). */
  group(groupId: string, enterpriseId?: string): GroupSeed | undefined {
    const group = this.groups.get(groupId);
    return group && group.enterpriseId === (enterpriseId ?? this.defaultEnterpriseId) ? group : undefined;
  }

  availablePhoneNumbers(group: GroupSeed): string[] {
    const taken = new Set(this.listUsers().map((user) => user.phoneNumber));
    return group.phoneNumbers.filter((number) => !taken.has(number));
  }

  listUsers(): MasergyUserRecord[] {
    return [...this.users.values()];
  }

  /** BroadWorks user ids are unique system-wide. */
  user(userId: string): MasergyUserRecord | undefined {
    return this.users.get(userId);
  }

  putUser(user: MasergyUserRecord): void {
    this.users.set(user.userId, user);
  }

  deleteUser(userId: string): void {
    this.users.delete(userId);
  }

  snapshot(): MasergyStateSnapshot {
    return structuredClone({
      groups: this.listGroups().map((group) => ({ ...group, availablePhoneNumbers: this.availablePhoneNumbers(group) })),
      users: this.listUsers(),
    });
  }
}
