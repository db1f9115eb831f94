/**
 * A strict simulator of the AudioCodes User Management Pack 365 ENT REST API (`sysadmin/api`) on a
 * loopback port: license, system information, registrar pools, call pickup groups, number ranges
 * that track assignments, SIP domains, the user list and detail, and `/script` updates.
 */
import { startSimServer } from "../common/sim-server";
import type { Fault, SimulatorHandle } from "../common/types";
import { umpAdminRoutes } from "./admin";
import { OptionalBearer } from "./auth";
import { POLICY_ATTRIBUTES, type NumberRangeRecord, type PolicyAttribute } from "./catalogue";
import { mutateEndpoint, removeEndpoint, seedEndpoint } from "./directory";
import { renderUmpProblem } from "./errors";
import { numberRangeProblem } from "./numbers";
import { API_PREFIX, umpRoutes } from "./routes";
import { UmpState, type UmpStateSnapshot } from "./state";

export type { EndpointRecord, UmpStateSnapshot, NumberRangeSnapshot } from "./state";
export type { NumberRangeRecord, PolicyAttribute } from "./catalogue";

export interface UmpSimulatorOptions {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  /** Require this bearer token on every request; by default none is needed, as the seed documents. */
  token?: string;
  /** Licensed voice users (`CBUsers`); default 1000. */
  licensedUsers?: number;
  latencyMs?: number;
}

/**
 * Directory users for demos and the README's examples (`pulumi-ucaas-sim` seeds them): UMP manages
 * the voice settings of users that already exist in Active Directory / Microsoft 365.
 */
export const DEMO_UMP_DIRECTORY: ReadonlyArray<{ SipAddress: string; DisplayName: string }> = [
  { SipAddress: "sip:alice@contoso.com", DisplayName: "Alice Example" },
  { SipAddress: "sip:bob@contoso.com", DisplayName: "Bob Example" },
];

/** A range for seedNumberRange: bounds as `tel:+E164`, or a list of E.164 numbers (MsPhoneSystem). */
export interface NumberRangeSeed {
  Identity: string;
  NumberRangeType?: string;
  NumberRangeStart?: string;
  NumberRangeEnd?: string;
  numbers?: string[];
}

export interface UmpSimulatorHandle extends SimulatorHandle {
  vendor: "ump";
  /** The API base to give the provider (`ucaas:umpUrl`): `http://127.0.0.1:PORT/sysadmin/api`. */
  url: string;
  /** The admin API at the server root: `http://127.0.0.1:PORT/__admin`. */
  adminUrl: string;
  /** The bearer token required, if the simulator was started with one. */
  token?: string;
  /** Deep copy of everything: endpoints, ranges with their assigned numbers, policies, license use. */
  state(): UmpStateSnapshot;
  /** Adds a directory user (`SipAddress` plus directory fields or `/script` attributes, same rules). */
  seedEndpoint(fields: Record<string, unknown>): string;
  /** An out-of-band edit, as an admin would make in the UMP web UI (same rules as `/script`). */
  mutateEndpoint(sipAddress: string, patch: Record<string, unknown>): void;
  /** The user leaves the directory; its numbers go back to their ranges. */
  removeEndpoint(sipAddress: string): void;
  seedPolicy(attribute: PolicyAttribute, name: string): void;
  seedNumberRange(range: NumberRangeSeed): void;
  setLicensedUsers(count: number): void;
  /** The configured token is refused from now on, until reset(); no effect without a token. */
  expireTokens(): void;
}

function toRange(input: unknown): NumberRangeRecord {
  const seed = (input ?? {}) as Partial<NumberRangeSeed>;
  const range: NumberRangeRecord = {
    Identity: typeof seed.Identity === "string" ? seed.Identity : "",
    AnnouncementServerFqdn: "",
    AnnouncementName: "",
    AnnouncementServiceId: "",
    AnnouncementId: "",
    NumberRangeStart: seed.numbers ? "" : String(seed.NumberRangeStart ?? ""),
    NumberRangeEnd: seed.numbers ? "" : String(seed.NumberRangeEnd ?? ""),
    Priority: "0",
    ReplicationTicks: 0,
    NumberRangeType: seed.NumberRangeType ?? (seed.numbers ? "MsPhoneSystem" : "SkypeOnPrem"),
    ...(Array.isArray(seed.numbers) && { numbers: seed.numbers.map(String) }),
  };
  const problem = numberRangeProblem(range);
  if (problem) throw new Error(`invalid number range: ${problem}`);
  return range;
}

export async function startUmpSimulator(options: UmpSimulatorOptions = {}): Promise<UmpSimulatorHandle> {
  const licensed = options.licensedUsers ?? undefined;
  if (licensed !== undefined && !(Number.isInteger(licensed) && licensed >= 0)) {
    throw new Error(`licensedUsers must be a non-negative integer, got ${licensed}`);
  }
  const state = new UmpState(licensed);
  const bearer = new OptionalBearer(options.token);
  const reset = () => {
    state.reset();
    bearer.reset();
    server.resetTransport();
  };
  const actions = {
    seedEndpoint: (body: unknown) => seedEndpoint(state, body),
    mutateEndpoint: (sipAddress: string, patch: unknown) => mutateEndpoint(state, sipAddress, patch),
    removeEndpoint: (sipAddress: string) => removeEndpoint(state, sipAddress),
    seedPolicy(attribute: unknown, name: unknown) {
      if (!POLICY_ATTRIBUTES.includes(attribute as PolicyAttribute)) {
        throw new Error(`attribute must be one of ${POLICY_ATTRIBUTES.join(", ")}`);
      }
      if (typeof name !== "string" || name.trim() === "" || name.length > 256) throw new Error("name must be a string of 1-256 characters");
      const known = state.policies[attribute as PolicyAttribute];
      if (!known.includes(name)) known.push(name);
    },
    seedNumberRange: (range: unknown) => state.addRange(toRange(range)),
    setLicensedUsers(count: unknown) {
      if (!Number.isInteger(count) || (count as number) < 0) throw new Error("licensedUsers must be a non-negative integer");
      state.licensedUsers = count as number;
    },
    expireTokens: () => bearer.expire(),
  };

  const server = await startSimServer({
    vendor: "ump",
    port: options.port,
    latencyMs: options.latencyMs,
    routes: umpRoutes(state),
    renderProblem: renderUmpProblem,
    authorize: (parts) => bearer.check(parts),
    adminState: () => state.snapshot(),
    adminReset: reset,
    checkpoint: () => state.checkpoint(),
    adminRoutes: umpAdminRoutes(actions),
  });

  return {
    vendor: "ump",
    url: `${server.url}${API_PREFIX}`,
    adminUrl: server.adminUrl,
    ...(options.token !== undefined && { token: options.token }),
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    reset,
    setLatency: (ms: number) => server.setLatency(ms),
    injectFault: (fault: Fault) => server.injectFault(fault),
    expireTokens: actions.expireTokens,
    stop: () => server.stop(),
    state: () => state.snapshot(),
    seedEndpoint: actions.seedEndpoint,
    mutateEndpoint: actions.mutateEndpoint,
    removeEndpoint: actions.removeEndpoint,
    seedPolicy: actions.seedPolicy,
    seedNumberRange: actions.seedNumberRange,
    setLicensedUsers: actions.setLicensedUsers,
  };
}
