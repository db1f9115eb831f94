/**
 * Field rules of the PortSIP user bodies (seed: POST /api/users, POST /api/users/{id};
 * limits from openapi (5).json as summarised in vendor-apis.md Q2).
 */
import {
  all,
  array,
  boolean,
  custom,
  integer,
  object,
  oneOf,
  string,
  type Check,
  type Shape,
} from "../common/validate";

/** Enumerations the vendor document does not list: accept any UPPER_SNAKE_CASE token. */
const upperSnake: Check = string({
  min: 1,
  max: 64,
  pattern: /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/,
  rule: "must be an UPPER_SNAKE_CASE value",
});

export const SMS_MODES = ["DISABLE", "ALLOW", "ALLOW_WITH_SENDER_ID"] as const;
export const PLAY_DATETIME_MODES = ["DISABLE", "12_HOUR_CLOCK", "24_HOUR_CLOCK"] as const;
export const INTERFACES = ["WEB_DOMAIN", "PUBLIC_IPV4", "PUBLIC_IPV6", "PRIVATE_IPV4", "PRIVATE_IPV6", "SBC_DOMAIN"] as const;
export const TRANSPORTS = ["UDP", "TCP", "TLS"] as const;
export const RESERVED_USER_NAMES = ["admin", "system", "administrator", "root"] as const;
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

const FORWARD_RULE_SITUATIONS = [
  "available_office_hours",
  "available_non_office_hours",
  "available_no_answer",
  "busy_office_hours",
  "busy_non_office_hours",
  "busy_no_answer",
  "dnd_office_hours",
  "dnd_non_office_hours",
  "away_office_hours",
  "away_non_office_hours",
  "lunch_office_hours",
  "lunch_non_office_hours",
  "trip_office_hours",
  "trip_non_office_hours",
  "offline_office_hours",
  "offline_non_office_hours",
] as const;

export const FORWARD_RULE_FIELDS = FORWARD_RULE_SITUATIONS.map((situation) => `${situation}_forward_rule`);

/** Secret fields: accepted on create, never returned by GET. */
export const USER_SECRET_FIELDS = ["password", "extension_password"] as const;

/** Fields only `POST /api/users` accepts; each has its own endpoint or needs a new user. */
export const CREATE_ONLY_FIELDS: Record<string, string> = {
  name: "cannot be changed after creation",
  extension_number: "cannot be changed after creation",
  role: "cannot be changed here; use POST /api/users/{id}/role",
  password: "cannot be changed here; use POST /api/users/{id}/password",
  extension_password: "cannot be changed here; use POST /api/users/{id}/extension_password",
};

/** Defaults the PBX applies when a create body omits a field (the bare values under each field in the seed). */
export const USER_DEFAULTS: Record<string, unknown> = {
  enabled: true,
  enable_audio_recording: false,
  enable_video_recording: false,
  enable_dnd: true,
  enable_acb: true,
  enable_hot_desking: false,
  anonymous_outbound_calls: false,
  delivery_outbound_cid: true,
  sms: "DISABLE",
  voicemail_prompt: "en-US",
  enable_voicemail_pin: true,
  enable_voicemail_notify: false,
  voicemail_play_datetime: "DISABLE",
  outbound_caller_ids: [],
  custom_forward_rules: [],
  blfs: [],
};

const userName = custom((value) => {
  if (typeof value !== "string") return "must be a string";
  if (value.length < 1 || value.length > 64) return "must be 1-64 characters";
  if (!/^[\p{L}\p{N}_\-'.]+$/u.test(value)) return "may contain only letters, digits, _, -, ' and .";
  if (value.startsWith(".") || value.endsWith(".")) return "must not start or end with a period";
  if ((RESERVED_USER_NAMES as readonly string[]).includes(value.toLowerCase())) return `"${value}" is a reserved name`;
  return undefined;
});

export function voicemailPinProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "must be a string of digits";
  if (!/^[0-9]{6,10}$/.test(value)) return "must be 6-10 digits";
  const digits = [...value].map(Number);
  for (let i = 0; i + 2 < digits.length; i++) {
    const [a, b, c] = [digits[i], digits[i + 1], digits[i + 2]];
    if (a === b && b === c) return `must not repeat a digit three times (${value.slice(i, i + 3)})`;
    if ((b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) {
      return `must not contain three sequential digits (${value.slice(i, i + 3)})`;
    }
  }
  return undefined;
}

const password = string({ min: 6, max: 64 });
const phone = string({ max: 32 });
const freeText = string();
const nonEmpty = string({ min: 1 });

/** BCP 47: language, optional script, optional region, optional variants (e.g. en-US, zh-Hans-CN). */
const languageTag = string({
  pattern: /^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$/,
  rule: "must be a BCP 47 language tag such as en-US",
});

const clockTime = string({ pattern: /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, rule: "must be a time HH:MM (00:00-23:59)" });

const timeRange = all(
  object({ from: { check: clockTime, required: true }, to: { check: clockTime, required: true } }),
  custom((value) => {
    const range = value as { from: string; to: string };
    return range.from < range.to ? undefined : "from must be earlier than to";
  }),
);

const daySchedule = object({
  enabled: { check: boolean, required: true },
  ranges: { check: array(timeRange), required: true },
});

const weekShape: Shape = Object.fromEntries(WEEKDAYS.map((day) => [day, { check: daySchedule }]));

const officeHours = object({ mode: { check: upperSnake, required: true }, ...weekShape });

/** `{action, number, timeout?}`; timeout only on the no-answer rules. A forward needs a number to forward to. */
function forwardRule(withTimeout: boolean): Check {
  return all(
    object({
      action: { check: upperSnake, required: true },
      number: { check: string({ max: 64 }) },
      ...(withTimeout && { timeout: { check: integer({ min: 1 }) } }),
    }),
    custom((value) => {
      const rule = value as { action: string; number?: string };
      return rule.action.includes("NUMBER") && !rule.number ? `number is required for action ${rule.action}` : undefined;
    }),
  );
}

const customForwardRule = object({
  action: { check: upperSnake, required: true },
  number: { check: string({ max: 64 }) },
  caller_id: { check: freeText },
  type: { check: upperSnake, required: true },
  hours: { check: object(weekShape) },
});

const userOutboundCallerId = object({
  provider_id: { check: nonEmpty, required: true },
  caller_id: { check: nonEmpty, required: true },
  preferred: { check: boolean },
  description: { check: freeText },
});

const blf = object({
  key: { check: nonEmpty, required: true },
  value: { check: nonEmpty, required: true },
  first_name: { check: freeText },
  last_name: { check: freeText },
});

/** The seed's update body: every field a user can change with POST /api/users/{id}. */
export const USER_UPDATE_SHAPE: Shape = {
  email: {
    check: string({ max: 128, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, rule: "must be a valid email address" }),
  },
  display_name: { check: string({ min: 1, max: 1024 }) },
  enabled: { check: boolean },
  mobile_phone: { check: phone, nullable: true },
  work_phone: { check: phone, nullable: true },
  home_phone: { check: phone, nullable: true },
  address: { check: freeText, nullable: true },
  department: { check: freeText, nullable: true },
  enable_audio_recording: { check: boolean },
  enable_video_recording: { check: boolean },
  enable_dnd: { check: boolean },
  enable_acb: { check: boolean },
  enable_hot_desking: { check: boolean },
  anonymous_outbound_calls: { check: boolean },
  delivery_outbound_cid: { check: boolean },
  sms: { check: oneOf(SMS_MODES) },
  outbound_caller_ids: { check: array(userOutboundCallerId) },
  custom_options: { check: freeText, nullable: true },
  office_hours: { check: officeHours, nullable: true },
  ...Object.fromEntries(
    FORWARD_RULE_FIELDS.map((field) => [field, { check: forwardRule(field.includes("_no_answer_")), nullable: true }]),
  ),
  custom_forward_rules: { check: array(customForwardRule) },
  voicemail_prompt: { check: languageTag },
  enable_voicemail_pin: { check: boolean },
  voicemail_pin: { check: custom(voicemailPinProblem) },
  enable_voicemail_notify: { check: boolean },
  voicemail_play_datetime: { check: oneOf(PLAY_DATETIME_MODES) },
  interface: { check: oneOf(INTERFACES), nullable: true },
  preferred_transport: { check: oneOf(TRANSPORTS), nullable: true },
  blfs: { check: array(blf) },
};

const CREATE_REQUIRED = ["name", "display_name", "password", "email", "role", "extension_number", "extension_password", "voicemail_pin"];

/** Every field of POST /api/users, with its required ones. */
export const USER_CREATE_SHAPE: Shape = markRequired(
  {
    name: { check: userName },
    password: { check: password },
    role: { check: string({ min: 1, max: 64 }) },
    extension_number: { check: string({ pattern: /^[0-9]{3,64}$/, rule: "must be 3-64 digits ([0-9]{3,64})" }) },
    extension_password: { check: password },
    ...USER_UPDATE_SHAPE,
  },
  CREATE_REQUIRED,
);

/** Out-of-band edits (the PBX admin UI): any create field, none required. */
export const USER_PATCH_SHAPE: Shape = Object.fromEntries(
  Object.entries(USER_CREATE_SHAPE).map(([field, spec]) => [field, { ...spec, required: false }]),
);

function markRequired(shape: Shape, required: string[]): Shape {
  return Object.fromEntries(Object.entries(shape).map(([field, spec]) => [field, { ...spec, required: required.includes(field) }]));
}

/** Fields listed by GET /api/users (the summary representation), in the seed's order. */
export const USER_SUMMARY_FIELDS = [
  "id",
  "name",
  "enabled",
  "email",
  "display_name",
  "role",
  "mobile_phone",
  "work_phone",
  "home_phone",
  "address",
  "department",
  "extension_number",
  "created_at",
  "avatar_file_name",
  "avatar_file_size",
  "avatar_file_url",
  "sync_type",
] as const;
