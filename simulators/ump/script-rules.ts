/**
 * `PUT proxy/endpoint/{sip address}/script`: exactly the seed's attributes with their formats,
 * policies that exist, numbers nobody else holds, and no more voice users than licensed. A request
 * applies all of its attributes or none. The same rules guard test seeding and out-of-band edits.
 */
import { Problems, boolean, checkFields, custom, isPlainObject, string, type Shape } from "../common/validate";
import { POLICY_ATTRIBUTES, type PolicyAttribute } from "./catalogue";
import { invalidAttributes, notFound, umpError } from "./errors";
import { canonicalLine } from "./line-uri";
import type { EndpointRecord, UmpState } from "./state";
import { isAssignedCountryCode } from "./usage-location";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Clearing: null, or "" as UMP itself shows an empty line. */
const orEmpty = (rule: (value: string) => boolean, message: string) =>
  custom((value) => (typeof value === "string" && (value === "" || rule(value)) ? undefined : message));

const text = (max: number) => ({ check: string({ max }), nullable: true });
const policy = { check: string({ min: 1, max: 256 }), nullable: true };
const telephoneNumber = {
  check: orEmpty((value) => canonicalLine(value) !== undefined && value.trim() === value, "must be a telephone number in E.164 format preceded by tel:, e.g. tel:+31365461212"),
  nullable: true,
};

export const SCRIPT_SHAPE: Shape = {
  FirstName: text(64),
  LastName: text(64),
  City: text(128),
  Department: text(64),
  Office: text(128),
  PostalCode: text(40),
  StateOrProvince: text(128),
  StreetAddress: text(1024),
  UsageLocation: { check: orEmpty(isAssignedCountryCode, "must be a valid ISO 3166-1 alpha-2 country code, e.g. US or FR"), nullable: true },
  ClientPolicy: policy,
  ConferencingPolicy: policy,
  HostedVoiceMail: { check: boolean },
  PinPolicy: policy,
  ExternalAccessPolicy: policy,
  HostedVoicemailPolicy: policy,
  MobilityPolicy: policy,
  EnterpriseVoiceEnabled: { check: boolean },
  VoicePolicy: policy,
  DialPlan: policy,
  LineURI: telephoneNumber,
  PrivateLine: telephoneNumber,
  CallPickupGroup: { check: orEmpty((value) => /^#\d{1,10}$/.test(value), "must be a call pickup group number like #409"), nullable: true },
  GroupingId: { check: orEmpty((value) => GUID.test(value), "must be a GUID like ad4376fb-ca3a-418a-ba2a-b848442af2b4"), nullable: true },
};

export function existingEndpoint(state: UmpState, sipAddress: string): EndpointRecord {
  const endpoint = state.getEndpoint(sipAddress);
  if (!endpoint) throw notFound(`User ${sipAddress} was not found.`);
  return endpoint;
}

/** Problems with policy names that are not in the catalogue, for attributes that passed their own check. */
function checkPolicies(state: UmpState, attributes: Record<string, unknown>, problems: Problems): void {
  for (const attribute of POLICY_ATTRIBUTES) {
    const name = attributes[attribute];
    if (typeof name !== "string" || problems.list.some((p) => p.field === attribute)) continue;
    const known = state.policies[attribute as PolicyAttribute];
    if (!known.includes(name)) {
      const what = attribute === "DialPlan" ? "dial plan" : "policy";
      problems.add(attribute, `${what} "${name}" does not exist; known: ${known.join(", ")}`);
    }
  }
}

/** Validates a `/script` body; throws one 400 naming every bad attribute. */
export function checkScript(
  state: UmpState,
  body: unknown,
  options: { extraFields?: Shape; allowEmpty?: boolean } = {},
): Record<string, unknown> {
  const problems = new Problems();
  if (body === undefined) {
    problems.add("body", "a JSON object of attributes is required");
  } else {
    checkFields(body, "", { ...SCRIPT_SHAPE, ...options.extraFields }, problems);
    if (isPlainObject(body) && Object.keys(body).length === 0 && !options.allowEmpty) problems.add("body", "must name at least one attribute");
    if (isPlainObject(body)) checkPolicies(state, body, problems);
  }
  if (!problems.empty) throw invalidAttributes(problems.list);
  return body as Record<string, unknown>;
}

/** How UMP stores a cleared value: lines as "", everything else as null. */
function stored(attribute: string, value: unknown): unknown {
  if (attribute === "LineURI" || attribute === "PrivateLine") return value ?? "";
  return value === "" ? null : value;
}

/**
 * Applies validated attributes to `endpoint` (or a new record), refusing a number another user
 * holds (409) and voice beyond the license (403). Nothing changes when it throws.
 */
export function applyAttributes(state: UmpState, endpoint: EndpointRecord, attributes: Record<string, unknown>): void {
  const next: EndpointRecord = { ...endpoint };
  for (const [attribute, value] of Object.entries(attributes)) next[attribute] = stored(attribute, value);

  const others = state.assignments().filter((a) => a.sipAddress.toLowerCase() !== endpoint.SipAddress.toLowerCase());
  for (const attribute of ["LineURI", "PrivateLine"] as const) {
    const uri = attribute in attributes ? canonicalLine(next[attribute]) : undefined;
    const holder = uri && others.find((a) => a.uri === uri);
    if (holder) {
      throw umpError(409, `The telephone number ${uri} is already assigned to another user (${holder.sipAddress}, ${holder.attribute}).`);
    }
  }
  const line = canonicalLine(next.LineURI);
  if (line && line === canonicalLine(next.PrivateLine)) {
    throw invalidAttributes([{ field: "PrivateLine", message: "must differ from LineURI" }]);
  }
  const enabling = next.EnterpriseVoiceEnabled === true && endpoint.EnterpriseVoiceEnabled !== true;
  if (enabling && state.voiceUsers() >= state.licensedUsers) {
    throw umpError(403, `License limit reached: all ${state.licensedUsers} licensed voice users are in use; cannot enable Enterprise Voice for ${endpoint.SipAddress}.`);
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "");
  state.putEndpoint({ ...next, WhenChanged: now, ReplicationTicks: Number(next.ReplicationTicks ?? 0) + 1 });
}

/** PUT .../script. */
export function runScript(state: UmpState, sipAddress: string, body: unknown): void {
  const endpoint = existingEndpoint(state, sipAddress);
  applyAttributes(state, endpoint, checkScript(state, body));
}
