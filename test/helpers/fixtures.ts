/** Valid PbxUser arguments; tests override what they exercise. */
export function pbxUserArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name: "alice",
        displayName: "Alice Example",
        email: "alice@example.com",
        role: "StandardUser",
        extensionNumber: "1001",
        password: "alice-Passw0rd",
        extensionPassword: "alice-Ext-Secret",
        voicemailPin: "135792",
        ...overrides,
    };
}

export const pbxRoleArgs = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: "Support",
    description: "First-line support",
    permissions: { general: { voicemailFullAccess: true }, policies: { internalCalls: true, domesticCalls: true } },
    ...overrides,
});

/** Valid MasergyUser arguments for the simulator's default group; tests override what they exercise. */
export const masergyUserArgs = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    groupId: "SIM-NYC",
    userId: "jdoe@example.com",
    firstName: "Jane",
    lastName: "Doe",
    emailAddress: "jane.doe@example.com",
    webPortalPassword: "portal-Passw0rd",
    phoneNumber: "+12125550101",
    extension: "0101",
    mainServicePack: "UC-Standard",
    addressType: "NONE",
    timeZone: "America/New_York",
    ...overrides,
});

/** The flags `user/create` requires that MasergyUser defaults in `check`, for seeding a simulator with `masergyUserArgs`. */
export const masergyUserFlags = { voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false };
