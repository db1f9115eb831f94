/**
 * UMP manages users that live in the directory; it never creates them. The simulator's directory
 * is filled through the admin API (and test helpers), and an out-of-band edit is what an admin
 * would do in the UMP web UI. Both go through the same attribute rules as `/script`.
 */
import { randomUUID } from "node:crypto";
import { boolean, isPlainObject, string, type Shape } from "../common/validate";
import { REGISTRAR_POOLS } from "./catalogue";
import { invalidAttributes, umpError } from "./errors";
import { applyAttributes, checkScript, existingEndpoint } from "./script-rules";
import type { EndpointRecord, UmpState } from "./state";

const SIP_ADDRESS = /^sip:([^@\s:;]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)$/i;

/** Directory fields a test may set besides the `/script` attributes. */
const DIRECTORY_SHAPE: Shape = {
  DisplayName: { check: string({ min: 1, max: 256 }) },
  UserPrincipalName: { check: string({ min: 3, max: 113 }) },
  SamAccountName: { check: string({ min: 1, max: 20 }) },
  WindowsEmailAddress: { check: string({ max: 256 }), nullable: true },
  RegistrarPool: { check: string({ max: 256 }), nullable: true },
  Company: { check: string({ max: 64 }), nullable: true },
  Manager: { check: string({ max: 256 }), nullable: true },
  UserType: { check: string({ min: 1, max: 64 }) },
  Status: { check: string({ min: 1, max: 32 }) },
  Enabled: { check: boolean },
};

function directoryTimestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "");
}

/** A user as a fresh directory sync would bring it: no number, no voice, global policies. */
function newEndpoint(sipAddress: string): EndpointRecord {
  const [, user, domain] = SIP_ADDRESS.exec(sipAddress)!;
  const objectGuid = randomUUID();
  return {
    Identity: `CN=${user},OU=Users,${domain.split(".").map((part) => `DC=${part}`).join(",")}`,
    Enabled: true,
    IsAdEnabled: true,
    SamAccountName: user.slice(0, 20),
    SipAddress: sipAddress,
    UserPrincipalName: `${user}@${domain}`,
    HostingProvider: "SRV:",
    DisplayName: user,
    VoicePolicy: null,
    VoiceRoutingPolicy: null,
    ConferencingPolicy: null,
    PresencePolicy: null,
    DialPlan: null,
    LocationPolicy: null,
    ClientPolicy: null,
    ClientVersionPolicy: null,
    ArchivingPolicy: null,
    ExchangeArchivingPolicy: null,
    PinPolicy: null,
    ExternalAccessPolicy: null,
    MobilityPolicy: null,
    PersistentChatPolicy: null,
    UserServicesPolicy: null,
    HostedVoiceMail: false,
    HostedVoicemailPolicy: null,
    RegistrarPool: REGISTRAR_POOLS[2],
    LineURI: "",
    PrivateLine: "",
    EnterpriseVoiceEnabled: false,
    ExUmEnabled: false,
    HomeServer: null,
    OriginatorSidTxt: null,
    OriginatorGuid: null,
    OriginatorDn: null,
    ObjectGuid: objectGuid,
    WindowsEmailAddress: `${user}@${domain}`,
    WhenCreated: directoryTimestamp(),
    WhenChanged: directoryTimestamp(),
    GroupingId: null,
    CallPickupGroup: null,
    SidTxt: `S-1-5-21-2174285779-1354194355-1328848920-${1000 + Math.floor(Math.random() * 90000)}`,
    ReplicationTicks: 0,
    IsManaged: null,
    Department: null,
    FirstName: null,
    LastName: null,
    City: null,
    Company: null,
    PostalCode: null,
    StreetAddress: null,
    StateOrProvince: null,
    Office: null,
    Manager: null,
    PsCount: 0,
    UserType: "HybridOnPrem",
    UsageLocation: null,
    // Reported only in the user list.
    Status: "Offline",
    CallForward: "Off",
    HybridPstnSiteName: "",
    ObjectId: randomUUID().toUpperCase(),
  };
}

/** Adds a directory user: `SipAddress` plus any directory field or `/script` attribute. Returns the SIP address. */
export function seedEndpoint(state: UmpState, body: unknown): string {
  const { SipAddress: sipAddress, ...fields } = isPlainObject(body) ? body : {};
  const input = checkScript(state, isPlainObject(body) ? fields : body, { extraFields: DIRECTORY_SHAPE, allowEmpty: true });
  if (typeof sipAddress !== "string" || !SIP_ADDRESS.test(sipAddress)) {
    throw invalidAttributes([{ field: "SipAddress", message: "is required: a SIP address such as sip:alice@example.com" }]);
  }
  if (state.getEndpoint(sipAddress)) throw umpError(409, `User ${sipAddress} already exists.`);
  applyAttributes(state, newEndpoint(sipAddress), input);
  return sipAddress;
}

/** The user left the directory (deleted in Active Directory / Microsoft 365); its numbers go back to their ranges. */
export function removeEndpoint(state: UmpState, sipAddress: string): void {
  existingEndpoint(state, sipAddress);
  state.deleteEndpoint(sipAddress);
}

/** An edit made outside the API (UMP web UI, PowerShell): directory fields or `/script` attributes. */
export function mutateEndpoint(state: UmpState, sipAddress: string, patch: unknown): void {
  const endpoint = existingEndpoint(state, sipAddress);
  applyAttributes(state, endpoint, checkScript(state, patch, { extraFields: DIRECTORY_SHAPE }));
}
