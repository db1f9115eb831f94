/**
 * What GET returns for users: the full representation (GET /api/users/{id}) and the summary
 * (GET /api/users items, group members). Secrets are never included; blanks come back as null
 * (about.md), and the Microsoft 365 binding shows only as `sync_type`.
 */
import type { UserRecord } from "./state";
import { USER_SUMMARY_FIELDS } from "./user-fields";

export const MS365_SYNC_TYPE = "Microsoft 365";

/** The seed's GET /api/users/{id} body, in its order. */
const FULL_FIELDS = [
  "id",
  "name",
  "email",
  "display_name",
  "role",
  "enabled",
  "mobile_phone",
  "work_phone",
  "home_phone",
  "address",
  "department",
  "extension_number",
  "enable_audio_recording",
  "enable_video_recording",
  "enable_dnd",
  "enable_acb",
  "enable_hot_desking",
  "anonymous_outbound_calls",
  "delivery_outbound_cid",
  "sms",
  "outbound_caller_ids",
  "custom_options",
  "office_hours",
  "available_office_hours_forward_rule",
  "available_non_office_hours_forward_rule",
  "available_no_answer_forward_rule",
  "busy_office_hours_forward_rule",
  "busy_non_office_hours_forward_rule",
  "busy_no_answer_forward_rule",
  "dnd_office_hours_forward_rule",
  "dnd_non_office_hours_forward_rule",
  "away_office_hours_forward_rule",
  "away_non_office_hours_forward_rule",
  "lunch_office_hours_forward_rule",
  "lunch_non_office_hours_forward_rule",
  "trip_office_hours_forward_rule",
  "trip_non_office_hours_forward_rule",
  "offline_office_hours_forward_rule",
  "offline_non_office_hours_forward_rule",
  "custom_forward_rules",
  "voicemail_prompt",
  "enable_voicemail_pin",
  "voicemail_pin",
  "enable_voicemail_notify",
  "voicemail_play_datetime",
  "interface",
  "preferred_transport",
  "blfs",
  "profile",
  "created_at",
  "avatar_file_name",
  "avatar_file_size",
  "avatar_file_url",
  "sync_type",
] as const;

export function fullUserView(user: UserRecord): Record<string, unknown> {
  const computed: Record<string, unknown> = {
    sync_type: user.ms365_binding_id ? MS365_SYNC_TYPE : null,
    // Avatars and provisioning profiles are not simulated.
    profile: null,
    avatar_file_name: null,
    avatar_file_size: null,
    avatar_file_url: null,
  };
  const view: Record<string, unknown> = {};
  for (const field of FULL_FIELDS) {
    const value = Object.hasOwn(computed, field) ? computed[field] : user[field];
    view[field] = value === undefined || value === "" ? null : structuredClone(value);
  }
  return view;
}

export function summaryUserView(user: UserRecord): Record<string, unknown> {
  const full = fullUserView(user);
  return Object.fromEntries(USER_SUMMARY_FIELDS.map((field) => [field, full[field]]));
}

/** Group member items: `{id, name, display_name, extension_number}`. */
export function memberView(user: UserRecord): Record<string, unknown> {
  return { id: user.id, name: user.name, display_name: user.display_name, extension_number: user.extension_number };
}
