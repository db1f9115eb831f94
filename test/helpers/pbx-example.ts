/**
 * Secret stack config of examples/pbx for engine tests: every `requireSecret` key the program reads
 * (carol's only when `adoptCarol` is set).
 */
export const pbxExampleSecrets: Record<string, string> = {
    alicePassword: "alice-Plaintext-1",
    aliceExtensionPassword: "alice-Ext-Plaintext-2",
    aliceVoicemailPin: "246813",
    bobPassword: "bob-Plaintext-3",
    bobExtensionPassword: "bob-Ext-Plaintext-4",
    bobVoicemailPin: "864213",
    carolPassword: "carol-Plaintext-5",
    carolExtensionPassword: "carol-Ext-Plaintext-6",
    carolVoicemailPin: "975319",
};
