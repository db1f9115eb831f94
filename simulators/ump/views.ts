/**
 * What UMP returns, in the seed's shapes and field order, including its quirks: the user detail
 * carries a stray space before LineURI (`" tel:+31365461212"`) and the user list pads
 * RegistrarPool with spaces. Clients must not mistake either for a change.
 */
import { LICENSE } from "./catalogue";
import type { EndpointRecord, UmpState } from "./state";

/** The seed's GET proxy/endpoint/{sip address} body, in its order (UsageLocation added: /script sets it). */
const DETAIL_FIELDS = [
  "Identity", "Enabled", "IsAdEnabled", "SamAccountName", "SipAddress", "UserPrincipalName", "HostingProvider",
  "DisplayName", "VoicePolicy", "VoiceRoutingPolicy", "ConferencingPolicy", "PresencePolicy", "DialPlan",
  "LocationPolicy", "ClientPolicy", "ClientVersionPolicy", "ArchivingPolicy", "ExchangeArchivingPolicy", "PinPolicy",
  "ExternalAccessPolicy", "MobilityPolicy", "PersistentChatPolicy", "UserServicesPolicy", "HostedVoiceMail",
  "HostedVoicemailPolicy", "RegistrarPool", "LineURI", "PrivateLine", "EnterpriseVoiceEnabled", "ExUmEnabled",
  "HomeServer", "OriginatorSidTxt", "OriginatorGuid", "OriginatorDn", "ObjectGuid", "WindowsEmailAddress",
  "WhenCreated", "WhenChanged", "GroupingId", "CallPickupGroup", "SidTxt", "ReplicationTicks", "IsManaged",
  "Department", "FirstName", "LastName", "City", "Company", "PostalCode", "StreetAddress", "StateOrProvince",
  "Office", "Manager", "PsCount", "UserType", "UsageLocation",
] as const;

export function endpointDetail(endpoint: EndpointRecord): Record<string, unknown> {
  const view: Record<string, unknown> = Object.fromEntries(DETAIL_FIELDS.map((field) => [field, endpoint[field] ?? null]));
  if (typeof view.LineURI === "string" && view.LineURI !== "") view.LineURI = ` ${view.LineURI}`;
  return view;
}

/** An item of POST proxy/endpoint/list. */
export function endpointListItem(endpoint: EndpointRecord): Record<string, unknown> {
  return {
    Identity: endpoint.Identity,
    Status: endpoint.Status,
    CallForward: endpoint.CallForward,
    Department: endpoint.Department ?? null,
    WebName: endpoint.DisplayName,
    LineURI: endpoint.LineURI,
    UserType: endpoint.UserType,
    SipAddress: endpoint.SipAddress,
    UsageLocation: endpoint.UsageLocation ?? null,
    HybridPstnSiteName: endpoint.HybridPstnSiteName,
    RegistrarPool: endpoint.RegistrarPool ? ` ${endpoint.RegistrarPool} ` : null,
    ObjectId: endpoint.ObjectId,
    PsCount: endpoint.PsCount,
    IsManaged: endpoint.IsManaged ?? null,
  };
}

/** GET numberrange: `{rows}` with NumbersAvailable first, as in the seed. */
export function numberRangesView(state: UmpState): { rows: Record<string, unknown>[] } {
  return {
    rows: state.rangeUsage().map(({ numbers: _numbers, assigned: _assigned, NumbersAvailable, ...range }) => ({ NumbersAvailable, ...range })),
  };
}

export function licenseView(state: UmpState): Record<string, unknown> {
  const { Customer, PoNum, OrderNum, ProductKey, Expired, ...rest } = LICENSE;
  return { InUseCceUsers: state.voiceUsers(), Customer, PoNum, OrderNum, ProductKey, Expired, CBUsers: state.licensedUsers, ...rest };
}
