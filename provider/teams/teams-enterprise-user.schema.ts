import { z } from "zod";

/** "cannot be empty", as the vendor words its required strings. */
const required = (description: string) => z.string().min(1, "cannot be empty").describe(description);
const int64 = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** A deprecated vendor field: refused, with a pointer to what replaces it. */
const deprecated = (message: string) => z.never({ error: message }).optional().describe(`Deprecated. ${message}`);

export const TeamsCallPolicyInfo = z
    .strictObject({
        callPolicyCnam: z.string().optional().describe("The caller name (CNAM) policy (wire `callPolicyCNAM`)."),
        callPolicyCallerId: z.string().optional().describe("The caller ID policy."),
        callPolicyName: z.string().optional().describe("The call policy's name."),
        forwardedCallsCallerId: z.string().optional().describe("The caller ID on forwarded calls."),
        resellerId: int64.optional().describe("The reseller's id."),
    })
    .describe("The user's Teams call policy (`callPolicyInfo`).");

/** Omitted members take the vendor's documented defaults, so state and diffs show what the vendor applies. */
export const TeamsPbxCallPolicyInfo = z
    .strictObject({
        callPolicyCnam: z.enum(["TRANSPARENT", "OTHER"]).default("TRANSPARENT").describe("The caller name (CNAM) policy (wire `callPolicyCNAM`)."),
        callPolicyCustomCnam: z.string().optional().describe("Wire `callPolicyCustomCNAM`; the CNAM when callPolicyCnam is OTHER."),
        callPolicyName: z.string().min(1).default("Global").describe("The call policy's name."),
        forwardedCallsCallerId: z.enum(["USER_CALLER_ID", "TRANSPARENT"]).default("USER_CALLER_ID").describe("The caller ID on forwarded calls."),
        resellerId: int64.optional().describe("The reseller's id."),
    })
    .describe("The user's PBX call policy (`pbxCallPolicyInfo`).");

export const TeamsEnterpriseUserArgsSchema = z.strictObject({
    tenantId: required("The Microsoft tenant of the enterprise (wire `tenantID`). Changing it replaces the user."),
    loginId: required("The user's login id (wire `loginID`). Changing it replaces the user."),
    pbxLocation: required("The PBX location (PBX id) the user registers to."),
    pbxUserId: required("The user's id on the PBX."),
    sbcGatewayId: int64.positive("must be greater than 0").describe("The SBC gateway (replaces the deprecated directRouteId)."),
    teamsUserId: required("The Microsoft Teams user."),
    callPolicyInfo: TeamsCallPolicyInfo.optional(),
    pbxCallPolicyInfo: TeamsPbxCallPolicyInfo.prefault({}),
    codecs: z.string().optional().describe("The codecs of the user's SIP line."),
    deviceName: z.string().optional().describe("The name of the user's device."),
    deviceType: z.string().optional().describe("The type of the user's device."),
    email: z.string().optional().describe("The user's email address."),
    firstName: z.string().optional().describe("First name."),
    lastName: z.string().optional().describe("Last name."),
    linePort: z.string().optional().describe("The SIP line port."),
    macAddress: z.string().optional().describe("The MAC address of the user's device."),
    password: z.string().optional().describe("The SIP password (secret; sent as `password` and `rePassword`)."),
    pbxAuthUserId: z.string().optional().describe("The SIP authentication user, when it differs from pbxUserId."),
    phoneNumber: z.string().optional().describe("E.164 number or extension."),
    portalLoginName: z.string().optional().describe("The user's portal login name."),
    portalPassword: z.string().optional().describe("The user's portal password (secret)."),
    provisioningUsername: z.string().optional().describe("The device provisioning user name."),
    provisioningPassword: z.string().optional().describe("The device provisioning password (secret)."),
    sipAutoProvisioningEnabled: z.boolean().optional().describe("SIP auto provisioning of the user's device."),
    useAudioConferenceVrp: z.boolean().optional().describe("Use the audio conference VRP (wire `useAudioConferenceVRP`)."),
    useEnterpriseDialPlan: z.boolean().optional().describe("Use the enterprise's dial plan."),
    useTeamsVoicemail: z.boolean().optional().describe("Use Teams voicemail (false disables it; replaces the deprecated disableTeamsVoicemail)."),
    userTag: z.string().optional().describe("A tag for the user."),
    userType: z.string().min(1).default("PBX").describe("The type of user being provisioned."),
    directRouteId: deprecated("ConnecttoTeams deprecated directRouteId (removed in 2.7.0): use sbcGatewayId instead."),
    disableTeamsVoicemail: deprecated("ConnecttoTeams deprecated disableTeamsVoicemail: use useTeamsVoicemail instead (false to disable Teams voicemail)."),
    adopt: z
        .boolean()
        .optional()
        .describe("Take over a user that configureUser reports as already existing, instead of failing (see the README)."),
});

export type TeamsEnterpriseUserInputs = z.output<typeof TeamsEnterpriseUserArgsSchema>;
export type TeamsEnterpriseUserArgsInput = z.input<typeof TeamsEnterpriseUserArgsSchema>;

/** Write-only at the vendor and secret in state and previews. */
export const teamsEnterpriseUserSecretKeys = ["password", "portalPassword", "provisioningPassword"] as const;

/** The natural key: the vendor cannot move a user to another tenant or login id. */
export const teamsEnterpriseUserReplaceKeys = ["tenantId", "loginId"] as const;

const notInputs = ["adopt", "directRouteId", "disableTeamsVoicemail"];
export const teamsEnterpriseUserInputKeys = Object.keys(TeamsEnterpriseUserArgsSchema.shape).filter((key) => !notInputs.includes(key));
