import { z } from "zod";
import { toE164 } from "./phone-number";
import { masergyTimeZones } from "./time-zones";

const phoneNumber = z
    .string()
    .max(32)
    .transform((value, ctx) => {
        const e164 = toE164(value);
        if (!e164) {
            ctx.addIssue({ code: "custom", message: "must be a phone number in international format, e.g. +12125550100" });
            return z.NEVER;
        }
        return e164;
    });

/** Any common MAC spelling (`00:04:f2:aa:bb:cc`, `0004.f2aa.bbcc`) as 12 upper-case hex digits, as BroadWorks searches it. */
const macAddress = z
    .string()
    .transform((value) => value.replace(/[:.\-\s]/g, "").toUpperCase())
    .pipe(z.string().regex(/^[0-9A-F]{12}$/, "must be a MAC address of 12 hex digits"));

// BroadWorks limits (OCI schema): ids 1-30 bytes, names 1-30, user ids 1-161, extensions 2-20 digits.
const broadWorksId = (what: string) => z.string().min(1).max(30).describe(what);
const personName = (what: string) =>
    z
        .string()
        .min(1)
        .max(30)
        .regex(/^[^%+\\"]*$/, 'must not contain % + \\ or "')
        .describe(what);

export const MasergyUserArgsSchema = z
    .strictObject({
        enterpriseId: broadWorksId("The BroadWorks enterprise id; only to override the account's default. Changing it replaces the user.").optional(),
        groupId: broadWorksId("The BroadWorks group id. Changing it replaces the user."),
        userId: z
            .string()
            .min(1)
            .max(161)
            .regex(/^\S+$/, "must not contain spaces")
            .describe("The BroadWorks user id, e.g. jdoe@example.com; the resource's id. Changing it replaces the user."),
        firstName: personName("First name; updates in place through user/update_name."),
        lastName: personName("Last name; updates in place through user/update_name."),
        emailAddress: z.email().max(80).optional().describe("Email address; required with voicemail. Changing it replaces the user."),
        webPortalPassword: z
            .string()
            .min(6)
            .max(60)
            .optional()
            .describe(
                "The web portal password (secret), at least 6 characters; Masergy enforces its own complexity rules. " +
                    "May be omitted only with adopt: true (the user keeps its password).",
            ),
        phoneNumber: phoneNumber
            .optional()
            .describe(
                "The primary phone number, in any international spelling (+1 (212) 555-0101), stored as E.164; updates in place " +
                    "through user/update_phone_number, and removing it removes the number.",
            ),
        extension: z.string().regex(/^[0-9]{2,20}$/, "must be 2 to 20 digits").describe("The extension. Changing it replaces the user."),
        mainServicePack: z.string().min(1).max(80).describe("The main service pack (see ucaas.masergy.getAvailableMainServicePacks). Changing it replaces the user."),
        voicemail: z.boolean().default(false).describe("Enable voicemail; needs emailAddress and voicePortalPasscode."),
        voicePortalPasscode: z
            .string()
            .regex(/^[0-9]{4,30}$/, "must be 4 to 30 digits")
            .optional()
            .describe("The voice portal passcode (secret); required with voicemail."),
        voicemailTranscriptionMachine: z.boolean().default(false).describe("Transcribe voicemail; needs voicemail."),
        ucOverlay: z.boolean().default(false).describe("Enable UC Overlay."),
        addressType: z.enum(["DEVICE", "TRUNK", "NONE"]).describe("What the user's SIP address is: a DEVICE, a TRUNK, or NONE."),
        trunkGroup: z.string().min(1).optional().describe("The trunk group; only with addressType TRUNK."),
        enterpriseTrunk: z.string().min(1).optional().describe("The enterprise trunk; only with addressType TRUNK."),
        deviceModel: z
            .string()
            .min(1)
            .max(40)
            .optional()
            .describe("The primary device's model (see ucaas.masergy.getAvailableDeviceModels); needs phoneNumber and addressType DEVICE."),
        deviceMacAddress: macAddress.optional().describe("The primary device's MAC address, in any spelling, stored as 12 hex digits; only with deviceModel."),
        timeZone: z.enum(masergyTimeZones).describe("One of the time zones Masergy supports (see ucaas.masergy.getAvailableTimeZones)."),
        conference: z.boolean().default(false).describe("Make the user a host of a conference bridge (a default bridge is created)."),
        conferenceBridgeId: z.string().min(1).optional().describe("The MeetMe bridge to add the user to; only with conference."),
        userData: z.string().max(4000).optional().describe("Your own reference data, passed through on every call and echoed in notifications."),
        notificationWebhookUrl: z
            .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
            .max(256)
            .optional()
            .describe("Masergy POSTs task and job completion notifications here, for every call."),
        notificationEmailAddress: z.email().max(256).optional().describe("Masergy emails job completion here, for every call."),
        adopt: z.boolean().optional().describe("Take over an existing user with the same userId in the group instead of failing."),
    })
    .superRefine((user, ctx) => {
        const require = (when: boolean, field: keyof typeof user, message: string) => {
            if (when) {
                ctx.addIssue({ code: "custom", path: [field], message });
            }
        };
        require(!user.adopt && !user.webPortalPassword, "webPortalPassword", "is required (it may be omitted only with adopt: true, which keeps the existing password)");
        require(user.voicemail && !user.emailAddress, "emailAddress", "is required when voicemail is true");
        require(user.voicemail && !user.voicePortalPasscode, "voicePortalPasscode", "is required when voicemail is true");
        require(user.voicemailTranscriptionMachine && !user.voicemail, "voicemailTranscriptionMachine", "needs voicemail: true");
        require(!!user.deviceModel && !user.phoneNumber, "phoneNumber", "is required with deviceModel");
        require(!!user.deviceModel && user.addressType !== "DEVICE", "deviceModel", "is only used with addressType DEVICE");
        require(!!user.deviceMacAddress && !user.deviceModel, "deviceMacAddress", "is only used with deviceModel");
        require(!!user.trunkGroup && user.addressType !== "TRUNK", "trunkGroup", "is only used with addressType TRUNK");
        require(!!user.enterpriseTrunk && user.addressType !== "TRUNK", "enterpriseTrunk", "is only used with addressType TRUNK");
        require(!!user.conferenceBridgeId && !user.conference, "conferenceBridgeId", "is only used with conference: true");
    }, {
        // Also when a field is invalid (e.g. an unknown timeZone), so check lists every problem at once.
        when: (payload) => payload.value !== null && typeof payload.value === "object",
    });

export type MasergyUserInputs = z.output<typeof MasergyUserArgsSchema>;
export type MasergyUserArgsInput = z.input<typeof MasergyUserArgsSchema>;

/** Inputs the vendor stores but never returns. */
export const masergyUserSecretKeys = ["webPortalPassword", "voicePortalPasscode"] as const;

/** Outputs Masergy generates that must be secret (the conference moderator PIN, and the result data holding it). */
export const masergyUserSecretOutputs = ["conferenceModeratorPin", "resultData"] as const;

/** Outputs computed by Masergy: the last job and the create task's result data. */
export const MasergyUserComputedSchema = z.object({
    jobId: z.string().optional().describe("The last Masergy job that changed the user."),
    taskId: z.string().optional().describe("The task of that job (`task/{taskId}/view`)."),
    resultData: z
        .record(z.string(), z.string())
        .optional()
        .describe("What the create task generated (secret: it can hold the conference moderator PIN)."),
    conferenceId: z.string().optional().describe("The conference bridge the create task made, with conference: true."),
    conferenceModeratorPin: z.string().optional().describe("That conference's moderator PIN (secret)."),
});

export const masergyUserComputedKeys = Object.keys(MasergyUserComputedSchema.shape);

/** What the update endpoints can change in place; every other declared property replaces the user. */
export const masergyUserInPlaceKeys = ["firstName", "lastName", "phoneNumber", "webPortalPassword"] as const;

/** Per-call metadata, not part of the user: changing them needs no vendor call. */
export const masergyNotificationKeys = ["userData", "notificationWebhookUrl", "notificationEmailAddress"] as const;

export const masergyUserInputKeys = Object.keys(MasergyUserArgsSchema.shape).filter((key) => key !== "adopt");

export const masergyUserReplaceKeys = masergyUserInputKeys.filter(
    (key) => !([...masergyUserInPlaceKeys, ...masergyNotificationKeys] as readonly string[]).includes(key),
);
