import { z } from "zod";

/** Roles every PortSIP PBX ships with; they cannot be changed and their names cannot be reused. */
export const builtInRoleNames = [
    "SystemAdmin",
    "Replicator",
    "Dealer",
    "Admin",
    "StandardUser",
    "StandardInternationalUser",
    "QueueManager",
] as const;

export function isBuiltInRoleName(name: string): boolean {
    return builtInRoleNames.some((builtIn) => builtIn.toLowerCase() === name.toLowerCase());
}

const flag = (description: string) => z.boolean().default(false).describe(description);

/** A permission group whose omitted flags are false. */
const group = <T extends Record<string, z.ZodDefault<z.ZodBoolean>>>(shape: T, description: string) =>
    z.strictObject(shape).prefault({} as z.input<z.ZodObject<T>>).describe(description);

const callLogFlags = {
    callLogViewOnly: flag("View call logs."),
    callLogFullAccess: flag("View and manage call logs."),
    callRecordingViewOnly: flag("Listen to call recordings."),
    callRecordingFullAccess: flag("Listen to and manage call recordings."),
};

const viewOrManage = (what: string) => ({
    viewOnly: flag(`View ${what}.`),
    fullAccess: flag(`View and manage ${what}.`),
});

export const PbxRolePermissions = z.strictObject({
    general: group(
        {
            voicemailViewOnly: flag("View voicemail."),
            voicemailFullAccess: flag("View and manage voicemail."),
            meeting: flag("Use meetings."),
        },
        "General permissions.",
    ),
    system: group(
        {
            information: flag("View system information."),
            dealer: flag("Manage dealers."),
            tenant: flag("Manage tenants."),
        },
        "System-wide permissions.",
    ),
    trunk: group(viewOrManage("trunks"), "Trunk permissions."),
    company: group(viewOrManage("company settings"), "Company permissions."),
    companyCallLog: group(callLogFlags, "Company-wide call log and recording permissions."),
    phoneSystem: group(viewOrManage("the phone system"), "Phone system permissions."),
    userManagement: group(
        { roles: flag("Manage roles."), users: flag("Manage users.") },
        "User management permissions.",
    ),
    userCallLog: group(callLogFlags, "The user's own call log and recording permissions."),
    policies: group(
        {
            domesticCalls: flag("Place domestic calls."),
            internalCalls: flag("Place internal calls."),
            internationalCalls: flag("Place international calls."),
        },
        "Calling policies.",
    ),
    analytics: group(
        { callReportViewOnly: flag("View call reports."), callReportFullAccess: flag("View and manage call reports.") },
        "Analytics permissions.",
    ),
    billing: group(viewOrManage("billing"), "Billing permissions."),
});

export const PbxRoleArgsSchema = z.strictObject({
    name: z
        .string()
        .min(1)
        .max(64)
        .refine((name) => !isBuiltInRoleName(name), {
            message: `is a built-in PortSIP role name (${builtInRoleNames.join(", ")}); built-in roles cannot be managed or reused`,
        })
        .describe(
            "The role name, unique on the PBX. Built-in role names (SystemAdmin, Replicator, Dealer, Admin, StandardUser, " +
                "StandardInternationalUser, QueueManager) are refused in any letter case. Renaming replaces the role.",
        ),
    description: z.string().max(1024).optional().describe("What the role is for."),
    permissions: PbxRolePermissions.prefault({}).describe("The eleven permission groups; omitted flags are false."),
    adopt: z.boolean().optional().describe("Take over an existing role of the same name instead of failing."),
});

export type PbxRoleInputs = z.output<typeof PbxRoleArgsSchema>;
export type PbxRoleArgsInput = z.input<typeof PbxRoleArgsSchema>;
export type PbxRolePermissionsInput = z.input<typeof PbxRolePermissions>;

/** The role name is its identity at the PBX (and the resource's id): a new name is a new role. */
export const pbxRoleReplaceKeys = ["name"] as const;
