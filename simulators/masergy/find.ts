/**
 * `GET user/find`: every criterion of the guide with its `*_MATCH_TYPE`, answered as BroadWorks
 * lists users (the phone number nationally, with a separate `countryCode`). GROUP_ID matches
 * exactly and case-sensitively; the other criteria ignore case, as BroadWorks searches do by default.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { badQuery, type FieldProblem } from "./errors";
import type { MasergyState, MasergyUserRecord } from "./state";

const MATCH_TYPES = ["STARTS_WITH", "ENDS_WITH", "CONTAINS", "EXACT"] as const;
type MatchType = (typeof MATCH_TYPES)[number];

const CRITERIA = {
  USER_ID: (user: MasergyUserRecord) => [user.userId],
  PHONE_NUMBER: (user: MasergyUserRecord) => (user.phoneNumber ? [user.phoneNumber, user.phoneNumber.slice(1), national(user.phoneNumber).phoneNumber] : []),
  FIRST_NAME: (user: MasergyUserRecord) => [user.firstName],
  LAST_NAME: (user: MasergyUserRecord) => [user.lastName],
  PRIMARY_DEVICE_MAC_ADDRESS: (user: MasergyUserRecord) => (user.deviceMacAddress ? [user.deviceMacAddress] : []),
} as const;

function national(e164: string): { phoneNumber: string; countryCode?: string } {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? { phoneNumber: parsed.nationalNumber, countryCode: parsed.countryCallingCode } : { phoneNumber: e164 };
}

function matches(candidate: string, wanted: string, type: MatchType): boolean {
  const [c, w] = [candidate.toLowerCase(), wanted.toLowerCase()];
  switch (type) {
    case "EXACT":
      return c === w;
    case "STARTS_WITH":
      return c.startsWith(w);
    case "ENDS_WITH":
      return c.endsWith(w);
    case "CONTAINS":
      return c.includes(w);
  }
}

/** A user as the find endpoint lists it; secrets and service settings are never part of it. */
function listed(user: MasergyUserRecord): Record<string, unknown> {
  return {
    enterpriseId: user.enterpriseId,
    groupId: user.groupId,
    userId: user.userId,
    firstName: user.firstName,
    lastName: user.lastName,
    ...(user.phoneNumber && national(user.phoneNumber)),
    extension: user.extension,
    ...(user.emailAddress && { emailAddress: user.emailAddress }),
    ...(user.deviceMacAddress && { primaryDeviceMacAddress: user.deviceMacAddress }),
  };
}

export function findUsers(state: MasergyState, query: Record<string, string>): { users: Array<Record<string, unknown>> } {
  const problems: FieldProblem[] = [];
  const known = ["ENTERPRISE_ID", "GROUP_ID", ...Object.keys(CRITERIA).flatMap((name) => [name, `${name}_MATCH_TYPE`])];
  for (const key of Object.keys(query)) if (!known.includes(key)) problems.push({ field: key, message: "unknown query parameter" });
  const filters: Array<(user: MasergyUserRecord) => boolean> = [];
  for (const [name, values] of Object.entries(CRITERIA)) {
    const value = query[name];
    const type = query[`${name}_MATCH_TYPE`];
    if (value === undefined) {
      if (type !== undefined) problems.push({ field: `${name}_MATCH_TYPE`, message: `is only used with ${name}` });
      continue;
    }
    if (type === undefined) problems.push({ field: `${name}_MATCH_TYPE`, message: `is required when ${name} is set` });
    else if (!(MATCH_TYPES as readonly string[]).includes(type)) problems.push({ field: `${name}_MATCH_TYPE`, message: `must be one of ${MATCH_TYPES.join(", ")}` });
    else filters.push((user) => values(user).some((candidate) => matches(candidate, value, type as MatchType)));
    if (name === "PRIMARY_DEVICE_MAC_ADDRESS" && value.includes(":")) problems.push({ field: name, message: "must not contain colons" });
  }
  if (problems.length) throw badQuery(problems);
  const enterpriseId = query.ENTERPRISE_ID ?? state.defaultEnterpriseId;
  const users = state
    .listUsers()
    .filter((user) => user.enterpriseId === enterpriseId && (query.GROUP_ID === undefined || user.groupId === query.GROUP_ID))
    .filter((user) => filters.every((filter) => filter(user)));
  return { users: users.map(listed) };
}
