/**
 * The in-memory UMP: directory users (endpoints), number ranges, the policy catalogue and the
 * license. A dumb store; the rules live in script-rules.ts.
 */
import {
  DEFAULT_LICENSED_USERS,
  defaultNumberRanges,
  defaultPolicies,
  type NumberRangeRecord,
  type PolicyCatalogue,
} from "./catalogue";
import { canonicalLine, e164Of } from "./line-uri";
import { rangeContains, rangeSize } from "./numbers";

/** A directory user as UMP reports it (the seed's detail fields, plus the list-only ones). */
export interface EndpointRecord {
  SipAddress: string;
  [field: string]: unknown;
}

export interface NumberAssignment {
  /** Canonical `tel:` URI. */
  uri: string;
  sipAddress: string;
  attribute: "LineURI" | "PrivateLine";
}

export type NumberRangeSnapshot = NumberRangeRecord & { NumbersAvailable: number; assigned: string[] };

export interface UmpStateSnapshot {
  endpoints: EndpointRecord[];
  numberRanges: NumberRangeSnapshot[];
  policies: PolicyCatalogue;
  license: { licensedUsers: number; voiceUsers: number };
}

const key = (sipAddress: string) => sipAddress.trim().toLowerCase();

export class UmpState {
  private endpoints = new Map<string, EndpointRecord>();
  private ranges: NumberRangeRecord[] = [];
  policies: PolicyCatalogue = defaultPolicies();
  licensedUsers: number;

  constructor(private readonly initialLicensedUsers = DEFAULT_LICENSED_USERS) {
    this.licensedUsers = initialLicensedUsers;
    this.reset();
  }

  /** The catalogue of a fresh UMP and no users. */
  reset(): void {
    this.endpoints = new Map();
    this.ranges = defaultNumberRanges();
    this.policies = defaultPolicies();
    this.licensedUsers = this.initialLicensedUsers;
  }

  listEndpoints(): EndpointRecord[] {
    return [...this.endpoints.values()];
  }

  /** SIP addresses match ignoring case, as in Skype for Business. */
  getEndpoint(sipAddress: string): EndpointRecord | undefined {
    return this.endpoints.get(key(sipAddress));
  }

  putEndpoint(record: EndpointRecord): void {
    this.endpoints.set(key(record.SipAddress), record);
  }

  deleteEndpoint(sipAddress: string): void {
    this.endpoints.delete(key(sipAddress));
  }

  /** Every LineURI and PrivateLine held by an endpoint. */
  assignments(): NumberAssignment[] {
    return this.listEndpoints().flatMap((endpoint) =>
      (["LineURI", "PrivateLine"] as const).flatMap((attribute) => {
        const uri = canonicalLine(endpoint[attribute]);
        return uri ? [{ uri, sipAddress: endpoint.SipAddress, attribute }] : [];
      }),
    );
  }

  voiceUsers(): number {
    return this.listEndpoints().filter((endpoint) => endpoint.EnterpriseVoiceEnabled === true).length;
  }

  listRanges(): NumberRangeRecord[] {
    return this.ranges;
  }

  addRange(range: NumberRangeRecord): void {
    this.ranges = [...this.ranges.filter((existing) => existing.Identity !== range.Identity), range];
  }

  /** Ranges with their availability, computed from the assignments. */
  rangeUsage(): NumberRangeSnapshot[] {
    const held = this.assignments();
    return this.ranges.map((range) => {
      const assigned = held.filter((a) => rangeContains(range, e164Of(a.uri)!)).map((a) => a.uri);
      const usedNumbers = new Set(assigned.map((uri) => e164Of(uri)));
      return { ...structuredClone(range), NumbersAvailable: rangeSize(range) - usedNumbers.size, assigned };
    });
  }

  /** Saves the directory, ranges, policies and license; the function returned puts them back (a write UMP ignores). */
  checkpoint(): () => void {
    const saved = structuredClone({ endpoints: this.endpoints, ranges: this.ranges, policies: this.policies, licensedUsers: this.licensedUsers });
    return () => void ({ endpoints: this.endpoints, ranges: this.ranges, policies: this.policies, licensedUsers: this.licensedUsers } = saved);
  }

  snapshot(): UmpStateSnapshot {
    return structuredClone({
      endpoints: this.listEndpoints(),
      numberRanges: this.rangeUsage(),
      policies: this.policies,
      license: { licensedUsers: this.licensedUsers, voiceUsers: this.voiceUsers() },
    });
  }
}
