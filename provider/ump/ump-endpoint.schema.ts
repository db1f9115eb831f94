import { z } from "zod";
import { isCountryCode } from "./country-codes";
import { normalizeTelUri } from "./tel-uri";
import { attributeKeyOf, scriptAttributes } from "./wire";

/** `user@domain` or `sip:user@domain`, any case, becomes `sip:user@domain` in lower case. */
export function normalizeSipAddress(text: string): string {
    const compact = text.trim().toLowerCase();
    return compact.startsWith("sip:") ? compact : `sip:${compact}`;
}

const sipAddressPattern = /^sip:[^@\s:;]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Directory text attributes, with Active Directory's length limits. Blank values are refused: omit the property instead. */
const text = (max: number, description: string) =>
    z.string().trim().min(1, "must not be blank; omit the property instead").max(max).optional().describe(description);

const policy = (description: string) =>
    z.string().trim().min(1).max(256).optional().describe(`${description} UMP refuses a name it does not have.`);

const telephoneNumber = (description: string) =>
    z
        .string()
        .refine((value) => normalizeTelUri(value) !== undefined, {
            message: "must be a telephone number in E.164 format preceded by tel:, e.g. tel:+31365461212 or tel:+31365461212;ext=1212",
        })
        .transform((value) => normalizeTelUri(value)!)
        .optional()
        .describe(description);

export const UmpEndpointArgsSchema = z
    .strictObject({
        identity: z
            .string()
            .transform(normalizeSipAddress)
            .refine((value) => sipAddressPattern.test(value), { message: "must be a SIP address such as sip:alice@example.com" })
            .describe(
                "The user's SIP address, e.g. sip:alice@example.com (the resource id); alice@example.com and any letter case are " +
                    "accepted. The user must exist in the directory. Changing it replaces the resource, releasing the old one first.",
            ),
        firstName: text(64, "Given name."),
        lastName: text(64, "Surname."),
        city: text(128, "City."),
        department: text(64, "Department."),
        office: text(128, "Office."),
        postalCode: text(40, "Postal code."),
        stateOrProvince: text(128, "State or province."),
        streetAddress: text(1024, "Street address."),
        usageLocation: z
            .string()
            .trim()
            .toUpperCase()
            .refine(isCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code, e.g. US or NL" })
            .optional()
            .describe("Usage location: an ISO 3166-1 alpha-2 country code."),
        clientPolicy: policy("Name of the client policy to assign."),
        conferencingPolicy: policy("Name of the conferencing policy to assign."),
        hostedVoiceMail: z.boolean().optional().describe("Hosted voice mail."),
        pinPolicy: policy("Name of the PIN policy to assign."),
        externalAccessPolicy: policy("Name of the external access policy to assign."),
        hostedVoicemailPolicy: policy("Name of the hosted voicemail policy to assign."),
        mobilityPolicy: policy("Name of the mobility policy to assign."),
        enterpriseVoiceEnabled: z.boolean().optional().describe("Enterprise Voice; enabling it takes one of UMP's licensed voice users."),
        voicePolicy: policy("Name of the voice policy to assign."),
        dialPlan: policy("Name of the dial plan to assign."),
        lineUri: telephoneNumber(
            "The user's number (LineURI): tel:+E164 with an optional ;ext=, written any way (Tel:+31 36 546 1212, +31365461212) and " +
                "stored as tel:+31365461212. UMP refuses a number another user holds.",
        ),
        privateLine: telephoneNumber("A private, unlisted number (PrivateLine), tel:+E164; it must differ from lineUri."),
        callPickupGroup: z
            .string()
            .trim()
            .transform((value) => (value.startsWith("#") ? value : `#${value}`))
            .refine((value) => /^#\d{1,10}$/.test(value), { message: "must be a call pickup group number such as #409" })
            .optional()
            .describe("Call pickup group number, e.g. #409."),
        groupingId: z
            .string()
            .trim()
            .toLowerCase()
            .regex(guidPattern, "must be a GUID such as ad4376fb-ca3a-418a-ba2a-b848442af2b4")
            .optional()
            .describe("Grouping id (a GUID)."),
        adopt: z.boolean().optional().describe("Take over an endpoint that already has a number or Enterprise Voice instead of failing."),
    })
    .superRefine((endpoint, ctx) => {
        if (endpoint.lineUri !== undefined && endpoint.lineUri === endpoint.privateLine) {
            ctx.addIssue({ code: "custom", path: ["privateLine"], message: "must differ from lineUri" });
        }
    });

export type UmpEndpointInputs = z.output<typeof UmpEndpointArgsSchema>;
export type UmpEndpointArgsInput = z.input<typeof UmpEndpointArgsSchema>;

/** The resource keys of the `/script` attributes, in the seed's order. */
export const umpAttributeKeys = scriptAttributes.map((wire) => attributeKeyOf[wire]);

/** What UMP reports about the user that is not an input; refreshed on every read. */
export const UmpEndpointComputedSchema = z.object({
    displayName: z.string().optional().describe("Reported by UMP: the user's display name in the directory."),
    userPrincipalName: z.string().optional().describe("Reported by UMP: the user's UPN."),
    registrarPool: z.string().optional().describe("Reported by UMP: the Skype for Business registrar pool homing the user."),
});

export const umpEndpointComputedKeys = Object.keys(UmpEndpointComputedSchema.shape) as Array<keyof typeof UmpEndpointComputedSchema.shape>;

export const umpEndpointReplaceKeys = ["identity"] as const;

/**
 * A value UMP returned, in the form `check` produces for the same input, so refresh compares
 * like with like. Empty values are unset; a value the schema cannot read is kept (trimmed) so it
 * shows as drift instead of disappearing.
 */
export function normalizeLiveValue(key: string, value: unknown): unknown {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
        return undefined;
    }
    const field = UmpEndpointArgsSchema.shape[key as keyof typeof UmpEndpointArgsSchema.shape];
    const parsed = field?.safeParse(value);
    if (parsed?.success) {
        return parsed.data;
    }
    return typeof value === "string" ? value.trim() : value;
}
