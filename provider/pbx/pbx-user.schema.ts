import { z } from "zod";

const reservedUserNames = ["admin", "system", "administrator", "root"];

/** Secret input properties; the PBX never returns the passwords. */
export const pbxUserSecretKeys = ["password", "extensionPassword", "voicemailPin"] as const;

/**
 * PortSIP's voicemail PIN policy: 6-10 digits, no three repeated and no three consecutive digits.
 * The problem never quotes the PIN: it is a secret, and part of it is still part of it.
 */
export function voicemailPinProblem(pin: string): string | undefined {
    if (!/^\d{6,10}$/.test(pin)) {
        return "must be 6 to 10 digits";
    }
    for (let i = 0; i + 2 < pin.length; i++) {
        const [a, b, c] = [pin.charCodeAt(i), pin.charCodeAt(i + 1), pin.charCodeAt(i + 2)];
        if (a === b && b === c) {
            return `must not repeat a digit three times in a row (digits ${i + 1} to ${i + 3})`;
        }
        if ((b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) {
            return `must not contain three consecutive digits such as 123 or 987 (digits ${i + 1} to ${i + 3})`;
        }
    }
    return undefined;
}

const time = (description: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM").describe(description);
const upperSnake = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an UPPER_SNAKE_CASE value");
const phone = (description: string) => z.string().max(32).optional().describe(description);

const dayHours = z.strictObject({
    enabled: z.boolean().describe("Whether the day has office hours."),
    ranges: z
        .array(z.strictObject({ from: time("Start, HH:MM (24-hour clock)."), to: time("End, HH:MM (24-hour clock).") }))
        .default([])
        .describe("The day's office-hour ranges."),
}).meta({ title: "DayHours", description: "One day's office hours." });
const weekHours = {
    monday: dayHours.optional(),
    tuesday: dayHours.optional(),
    wednesday: dayHours.optional(),
    thursday: dayHours.optional(),
    friday: dayHours.optional(),
    saturday: dayHours.optional(),
    sunday: dayHours.optional(),
};

const forwardAction = upperSnake.describe("What to do with the call, e.g. FORWARD_TO_NUMBER.");
const forwardNumber = z.string().max(64).optional().describe("The number to forward to.");

const forwardRule = z
    .strictObject({ action: forwardAction, number: forwardNumber })
    .meta({ title: "ForwardRule", description: "A call forwarding rule." });
const noAnswerForwardRule = forwardRule
    .extend({ timeout: z.number().int().min(1).max(600).optional().describe("Seconds of ringing before the rule applies.") })
    .meta({ title: "NoAnswerForwardRule", description: "What happens to a call the user does not answer." });

const forwardRuleNames = [
    "availableOfficeHoursForwardRule",
    "availableNonOfficeHoursForwardRule",
    "busyOfficeHoursForwardRule",
    "busyNonOfficeHoursForwardRule",
    "dndOfficeHoursForwardRule",
    "dndNonOfficeHoursForwardRule",
    "awayOfficeHoursForwardRule",
    "awayNonOfficeHoursForwardRule",
    "lunchOfficeHoursForwardRule",
    "lunchNonOfficeHoursForwardRule",
    "tripOfficeHoursForwardRule",
    "tripNonOfficeHoursForwardRule",
    "offlineOfficeHoursForwardRule",
    "offlineNonOfficeHoursForwardRule",
] as const;

const presenceWords: Record<string, string> = {
    available: "available",
    busy: "busy",
    dnd: "in Do Not Disturb",
    away: "away",
    lunch: "at lunch",
    trip: "on a business trip",
    offline: "offline",
};

/** `busyNonOfficeHoursForwardRule` -> "Where calls go while the user is busy, outside office hours." */
function forwardRuleDescription(name: string): string {
    const [, presence, nonOffice] = /^([a-z]+)(Non)?OfficeHours/.exec(name)!;
    return `Where calls go while the user is ${presenceWords[presence]}, ${nonOffice ? "outside" : "in"} office hours.`;
}

const forwardRules = Object.fromEntries(
    forwardRuleNames.map((name) => [name, forwardRule.optional().describe(forwardRuleDescription(name))]),
) as {
    [K in (typeof forwardRuleNames)[number]]: z.ZodOptional<typeof forwardRule>;
};

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const upn = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export const PbxUserArgsSchema = z.strictObject({
    name: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_\-'.]+$/, "may contain only letters, digits and _ - ' .")
        .refine((n) => !n.startsWith(".") && !n.endsWith("."), "must not start or end with a period")
        .refine((n) => !reservedUserNames.includes(n.toLowerCase()), "is reserved for the system administrator")
        .describe(
            "The account name: letters, digits and _ - ' ., not starting or ending with a period; admin, system, administrator and " +
                "root are reserved. PortSIP cannot rename a user: changing it replaces the user.",
        ),
    password: z
        .string()
        .min(6)
        .max(64)
        .optional()
        .describe("The account password (secret; write-only at the PBX). May be omitted only with adopt: true."),
    email: z.email().max(128).describe("The user's email address."),
    displayName: z.string().min(1).max(1024).describe("The name shown for the user."),
    enabled: z.boolean().optional().describe("False disables the extension temporarily."),
    role: z.string().min(1).max(64).describe("A built-in role or a PbxRole's name (its `name` output, so the role is created first)."),
    mobilePhone: phone("The user's mobile phone number."),
    workPhone: phone("The user's office phone number."),
    homePhone: phone("The user's home phone number."),
    address: z.string().max(1024).optional().describe("The user's address."),
    department: z.string().max(256).optional().describe("The user's department."),
    extensionNumber: z
        .string()
        .regex(/^[0-9]{3,64}$/, "must be 3 to 64 digits")
        .describe("The extension number, 3-64 digits, unique on the PBX. Changing it replaces the user, deleting the old one first (the name would collide)."),
    extensionPassword: z
        .string()
        .min(6)
        .max(64)
        .optional()
        .describe("The SIP registration password (secret). May be omitted only with adopt: true."),
    enableAudioRecording: z.boolean().optional().describe("Record all calls and keep the audio recordings on the server."),
    enableVideoRecording: z.boolean().optional().describe("Record all calls and keep the video recordings on the server."),
    enableDnd: z.boolean().optional().describe("Do Not Disturb."),
    enableAcb: z.boolean().optional().describe("Automatic callback."),
    enableHotDesking: z.boolean().optional().describe("Hot desking: the user may sign in at any shared phone."),
    anonymousOutboundCalls: z.boolean().optional().describe("Always make outbound calls anonymously."),
    deliveryOutboundCid: z.boolean().optional().describe("Always deliver the outbound caller ID."),
    sms: z
        .enum(["DISABLE", "ALLOW", "ALLOW_WITH_SENDER_ID"])
        .optional()
        .describe("SMS/MMS: DISABLE, ALLOW (sent with the outbound caller ID) or ALLOW_WITH_SENDER_ID (sent with the trunk's sender ID)."),
    outboundCallerIds: z
        .array(
            z.strictObject({
                providerId: z.string().min(1).describe("The trunk provider the caller ID is used with."),
                callerId: z.string().min(1).describe("The caller ID presented on calls through that provider."),
                preferred: z.boolean().optional().describe("Use this caller ID by default."),
                description: z.string().optional().describe("A note about the caller ID."),
            }),
        )
        .optional()
        .describe("The caller IDs the user presents on outbound calls, per trunk provider."),
    customOptions: z.string().optional().describe("Custom options serialized as a JSON string."),
    officeHours: z
        .strictObject({ mode: upperSnake.describe("How office hours are set, e.g. CUSTOM."), ...weekHours })
        .optional()
        .describe("The user's office hours, per day; the forwarding rules depend on them."),
    ...forwardRules,
    availableNoAnswerForwardRule: noAnswerForwardRule.optional().describe("Where unanswered calls go while the user is available."),
    busyNoAnswerForwardRule: noAnswerForwardRule.optional().describe("Where unanswered calls go while the user is busy."),
    customForwardRules: z
        .array(
            z.strictObject({
                action: forwardAction,
                number: forwardNumber,
                callerId: z.string().optional().describe("Apply the rule to calls from this caller ID."),
                type: upperSnake.describe("When the rule applies, e.g. ALL_HOURS."),
                hours: z.strictObject(weekHours).optional().describe("The hours the rule applies in, per day."),
            }),
        )
        .optional()
        .describe("Forwarding rules of the user's own, in addition to the ones per presence."),
    voicemailPrompt: z
        .string()
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag such as en-US")
        .optional()
        .describe("The language of the voicemail prompts, a BCP 47 language tag such as en-US."),
    enableVoicemailPin: z.boolean().optional().describe("Require the PIN to reach the user's voicemail."),
    voicemailPin: z
        .string()
        .superRefine((pin, ctx) => {
            const problem = voicemailPinProblem(pin);
            if (problem) {
                ctx.addIssue({ code: "custom", message: problem });
            }
        })
        .optional()
        .describe(
            "The voicemail PIN (secret): 6-10 digits, no digit three times in a row, no three consecutive digits such as 012 or 987. " +
                "May be omitted only with adopt: true.",
        ),
    enableVoicemailNotify: z.boolean().optional().describe("Email the user about new voicemail."),
    voicemailPlayDatetime: z
        .enum(["DISABLE", "12_HOUR_CLOCK", "24_HOUR_CLOCK"])
        .optional()
        .describe("Announce the date and time of each message: DISABLE, or read in a 12- or 24-hour clock."),
    interface: z
        .enum(["WEB_DOMAIN", "PUBLIC_IPV4", "PUBLIC_IPV6", "PRIVATE_IPV4", "PRIVATE_IPV6", "SBC_DOMAIN"])
        .optional()
        .describe("The interface the user's phones are provisioned with (QR code or auto provisioning)."),
    preferredTransport: z.enum(["UDP", "TCP", "TLS"]).optional().describe("The SIP transport protocol for the user's phones."),
    blfs: z
        .array(
            z.strictObject({
                key: z.string().min(1).describe("The phone key."),
                value: z.string().min(1).describe("The number the key watches and calls."),
                firstName: z.string().optional().describe("First name shown for the key."),
                lastName: z.string().optional().describe("Last name shown for the key."),
            }),
        )
        .optional()
        .describe("Busy lamp field (BLF) keys of the user's phones."),
    ms365UserId: z
        .string()
        .refine((id) => guid.test(id) || upn.test(id), "must be a Microsoft 365 object id (GUID) or user principal name")
        .optional()
        .describe("Bind the extension to this Microsoft 365 user (object id or UPN); removing it unbinds."),
    adopt: z
        .boolean()
        .optional()
        .describe(
            "Take over an existing user with the same extension number (its name must match) instead of failing; only what differs " +
                "is written, and omitted secrets keep the values the PBX has.",
        ),
}).check(
    z.superRefine(
        (user, ctx) => {
            // Creating a user needs every secret; an adopted user may keep the ones the PBX already has.
            if (user.adopt === true) {
                return;
            }
            for (const key of pbxUserSecretKeys) {
                if (user[key] === undefined) {
                    ctx.addIssue({
                        code: "custom",
                        path: [key],
                        message: "is required (it may be omitted only with adopt: true, which keeps the existing value)",
                    });
                }
            }
        },
        // Run even when other fields are invalid, so check lists every problem at once (but not on a
        // value that is no object at all, such as a roster entry cut short to `-`).
        { when: (payload) => payload.value !== null && typeof payload.value === "object" },
    ),
);

export type PbxUserInputs = z.output<typeof PbxUserArgsSchema>;
export type PbxUserArgsInput = z.input<typeof PbxUserArgsSchema>;

/** Properties with their own endpoint, not part of `POST /api/users/{id}`. */
export const pbxUserSeparatelyUpdated = ["role", "password", "extensionPassword", "ms365UserId"] as const;

export const pbxUserReplaceKeys = ["name", "extensionNumber"] as const;

export const pbxUserInputKeys = Object.keys(PbxUserArgsSchema.shape).filter((key) => key !== "adopt");

/** What the PBX computes, beyond the inputs (outputs only). */
export const PbxUserComputedSchema = z.object({
    userId: z.string().describe("The PBX's id of the user (the same as the resource's `id`)."),
});

