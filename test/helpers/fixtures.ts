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
