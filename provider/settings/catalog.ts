/**
 * Every setting of the package: its config key, its environment variable, its default, and
 * whether it is a secret. A `ucaas:*` key that is not listed here is refused in `check` as unknown,
 * so anything of the package that reads a new key must add it here.
 */

/** Every setting of the public contract, by its config key (without the `ucaas:` prefix). */
export const settingDefaults = {
    masergyApiUrl: "https://api.masergy.com/apiman-gateway/MasergyUCaaS/provisioning/1.0",
    masergyTokenUrl: "https://my.masergy.com/auth/realms/ucaas/protocol/openid-connect/token",
    masergyRefreshToken: undefined,
    masergyUsername: undefined,
    masergyPassword: undefined,
    masergyPollIntervalSeconds: "10",
    masergyJobTimeoutMinutes: "60",
    pbxUrl: undefined,
    pbxToken: undefined,
    pbxUsername: undefined,
    pbxPassword: undefined,
    pbxDomain: undefined,
    umpUrl: undefined,
    umpToken: undefined,
    teamsUrl: "https://api.connecttoteams.com",
    teamsClientId: undefined,
    teamsClientSecret: undefined,
    teamsUsername: undefined,
    teamsPassword: undefined,
    teamsMicrosoftTokens: undefined,
    teamsMicrosoftClientId: undefined,
    teamsMicrosoftAuthority: "https://login.microsoftonline.com",
    // The Skype and Teams Tenant Admin API: the enterprise portal's "Access Microsoft Teams and Skype for Business data as the signed in user".
    teamsMicrosoftScopes: "48ac35b8-9aa8-4d74-927d-1f4a14a0b239/user_impersonation",
    insecureHttp: "false",
    httpTimeoutSeconds: "30",
    adoptMatching: "false",
    maxConcurrentRequests: "8",
    masergyPollSharedBy: "1",
} as const satisfies Record<string, string | undefined>;

export type SettingKey = keyof typeof settingDefaults;

export const settingKeys = Object.keys(settingDefaults) as SettingKey[];

export const configNamespace = "ucaas";

export function isSettingKey(name: string): name is SettingKey {
    return Object.prototype.hasOwnProperty.call(settingDefaults, name);
}

/**
 * Keys of the namespace that are no provider setting (no variable, no default): the policy pack's
 * approvals (README, "Guardrails"), read from the stack config only.
 */
export const guardrailKeys = ["approveReplace"] as const;

/**
 * Keys of the namespace that the program reads for the roster, not the provider: `ucaas:shard`
 * picks the shard of a sharded roster this stack deploys (docs/sharding.md).
 */
export const rosterKeys = ["shard"] as const;

export function isGuardrailKey(name: string): boolean {
    return (guardrailKeys as readonly string[]).includes(name) || (rosterKeys as readonly string[]).includes(name);
}

/** `masergyPollIntervalSeconds` -> `UCAAS_MASERGY_POLL_INTERVAL_SECONDS`. */
export function envVarName(key: SettingKey): string {
    return "UCAAS_" + key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

export function configKeyName(key: SettingKey): string {
    return `${configNamespace}:${key}`;
}

const secretSettings: ReadonlySet<SettingKey> = new Set<SettingKey>([
    "masergyRefreshToken",
    "masergyPassword",
    "pbxToken",
    "pbxPassword",
    "umpToken",
    "teamsClientSecret",
    "teamsPassword",
    "teamsMicrosoftTokens",
]);

export function isSecretSetting(key: SettingKey): boolean {
    return secretSettings.has(key);
}

/**
 * `pulumi config set` refuses a plaintext value with enough entropy (a URL has) for a key whose
 * name matches this pattern ("looks like a secret"), unless given `--secret` or `--plaintext`
 * (Pulumi CLI, `cmd/pulumi/config/config.go`, `keyPattern`).
 */
const pulumiSecretLookingKey = /passwd|pass|password|pwd|secret|token/i;

/** A setting that is not secret but that the Pulumi CLI takes for one: set it with `--plaintext`. */
export function needsPlaintextFlag(key: SettingKey): boolean {
    return !isSecretSetting(key) && pulumiSecretLookingKey.test(key);
}

/** The command that sets a setting, with the flag its key needs: `pulumi config set --secret ucaas:pbxToken <value>`. */
export function configSetCommand(key: SettingKey, value = "<value>"): string {
    const flag = isSecretSetting(key) ? "--secret " : needsPlaintextFlag(key) ? "--plaintext " : "";
    return `pulumi config set ${flag}${configKeyName(key)} ${value}`;
}

/** Both names of a setting, as every message about it starts: `ucaas:pbxUrl / UCAAS_PBX_URL`. */
export function bothNames(key: SettingKey): string {
    return `${configKeyName(key)} / ${envVarName(key)}`;
}
