/** Request bodies for the PortSIP simulator tests, in the vendor's wire format. */

/** The smallest valid POST /api/users body: just the required fields. */
export function minimalUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "alice",
    display_name: "Alice Example",
    password: "alice-Passw0rd",
    email: "alice@example.com",
    role: "StandardUser",
    extension_number: "1001",
    extension_password: "alice-Ext-Secret",
    voicemail_pin: "135792",
    ...overrides,
  };
}

const workday = { enabled: true, ranges: [{ from: "09:00", to: "17:00" }] };
const weekend = { enabled: false, ranges: [] };
const week = {
  monday: workday,
  tuesday: workday,
  wednesday: workday,
  thursday: workday,
  friday: workday,
  saturday: weekend,
  sunday: weekend,
};

const forward = { action: "FORWARD_TO_NUMBER", number: "5551000" };
const forwardAfter = { ...forward, timeout: 30 };

/** Every field of the seed's POST /api/users body, with valid values. */
export function fullUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...minimalUser(),
    enabled: false,
    mobile_phone: "+1 555 0100",
    work_phone: "+1 555 0101",
    home_phone: "+1 555 0102",
    address: "1 Main Street",
    department: "Support",
    enable_audio_recording: true,
    enable_video_recording: true,
    enable_dnd: false,
    enable_acb: false,
    enable_hot_desking: true,
    anonymous_outbound_calls: true,
    sms: "ALLOW",
    delivery_outbound_cid: false,
    outbound_caller_ids: [{ provider_id: "NzAwNTUxOTA5NzczMTQ4MTYw", caller_id: "5550100", preferred: true, description: "main" }],
    custom_options: "{\"theme\":\"dark\"}",
    office_hours: { mode: "CUSTOM", ...week },
    available_office_hours_forward_rule: forward,
    available_non_office_hours_forward_rule: forward,
    available_no_answer_forward_rule: forwardAfter,
    busy_office_hours_forward_rule: forward,
    busy_non_office_hours_forward_rule: forward,
    busy_no_answer_forward_rule: forwardAfter,
    dnd_office_hours_forward_rule: forward,
    dnd_non_office_hours_forward_rule: forward,
    away_office_hours_forward_rule: forward,
    away_non_office_hours_forward_rule: forward,
    lunch_office_hours_forward_rule: forward,
    lunch_non_office_hours_forward_rule: forward,
    trip_office_hours_forward_rule: forward,
    trip_non_office_hours_forward_rule: forward,
    offline_office_hours_forward_rule: forward,
    offline_non_office_hours_forward_rule: forward,
    custom_forward_rules: [{ action: "FORWARD_TO_NUMBER", number: "5552000", caller_id: "5550199", type: "ALL_HOURS", hours: week }],
    voicemail_prompt: "de-DE",
    enable_voicemail_pin: false,
    enable_voicemail_notify: true,
    voicemail_play_datetime: "24_HOUR_CLOCK",
    interface: "PUBLIC_IPV4",
    preferred_transport: "TLS",
    blfs: [{ key: "1", value: "1002", first_name: "Bob", last_name: "Builder" }],
    ...overrides,
  };
}

/** A custom role body; omitted permission groups and flags are false. */
export function supportRole(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Support",
    description: "First-line support",
    permissions: { general: { voicemail_full_access: true }, policies: { internal_calls: true, domestic_calls: true } },
    ...overrides,
  };
}
