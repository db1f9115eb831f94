import { registerSecret } from "./http/secret-values";

/**
 * Settings: stack config in the `ucaas` namespace first, then `UCAAS_*` environment variables.
 *
 * Values are resolved at call time, never captured, so nothing here reaches a serialized provider
 * or the state. In the dynamic-provider process the stack config arrives through `configure`; in the
 * program process (lookups) it comes from `pulumi.Config`.
 */

/** The subset of Pulumi's config interface we use (dynamic `ConfigureRequest.config` and `pulumi.Config` both fit). */
export interface ConfigSource {
    get(key: string): string | undefined;
}

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
    insecureHttp: "false",
    httpTimeoutSeconds: "30",
    adoptMatching: "false",
} as const satisfies Record<string, string | undefined>;

export type SettingKey = keyof typeof settingDefaults;

let stackConfig: ConfigSource | undefined;

/** Called from the dynamic provider's `configure`; kept synchronous because the host may not await it. */
export function useStackConfig(source: ConfigSource | undefined): void {
    stackConfig = source;
}

/** `masergyPollIntervalSeconds` -> `UCAAS_MASERGY_POLL_INTERVAL_SECONDS`. */
export function envVarName(key: SettingKey): string {
    return "UCAAS_" + key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

export function configKeyName(key: SettingKey): string {
    return `ucaas:${key}`;
}

function fromProgramConfig(key: SettingKey): string | undefined {
    // In the program process there is no `configure`; read the stack config the engine passed to the program.
    try {
        const pulumi: typeof import("@pulumi/pulumi") = require("@pulumi/pulumi");
        return new pulumi.Config("ucaas").get(key);
    } catch {
        return undefined;
    }
}

/**
 * The value of a setting, or its default, or undefined. Empty strings count as unset. A secret
 * setting's value is remembered so it is scrubbed from every vendor message and error.
 */
export function getSetting(key: SettingKey): string | undefined {
    const candidates = [
        stackConfig ? stackConfig.get(configKeyName(key)) : fromProgramConfig(key),
        process.env[envVarName(key)],
        settingDefaults[key],
    ];
    const value = candidates.find((candidate) => candidate !== undefined && candidate !== "");
    if (isSecretSetting(key)) {
        registerSecret(value);
    }
    return value;
}

/** Thrown when a required setting is missing: one line that says what to set. */
export class MissingSettingError extends Error {
    constructor(readonly key: SettingKey, purpose?: string) {
        super(
            `Missing setting ${configKeyName(key)}${purpose ? ` (${purpose})` : ""}: ` +
                `run \`pulumi config set ${isSecretSetting(key) ? "--secret " : ""}${configKeyName(key)} <value>\` ` +
                `or set the environment variable ${envVarName(key)}.`,
        );
        this.name = "MissingSettingError";
    }
}

export function requireSetting(key: SettingKey, purpose?: string): string {
    const value = getSetting(key);
    if (value === undefined) {
        throw new MissingSettingError(key, purpose);
    }
    return value;
}

export function getBooleanSetting(key: SettingKey): boolean {
    return /^(1|true|yes)$/i.test(getSetting(key) ?? "");
}

/** A positive number setting; a malformed value fails with the key and the variable named. */
export function getNumberSetting(key: SettingKey): number {
    const raw = requireSetting(key);
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
        throw new Error(`Setting ${configKeyName(key)} / ${envVarName(key)} must be a positive number, got "${raw}".`);
    }
    return value;
}

const secretSettings: ReadonlySet<SettingKey> = new Set<SettingKey>([
    "masergyRefreshToken",
    "masergyPassword",
    "pbxToken",
    "pbxPassword",
    "umpToken",
    "teamsClientSecret",
    "teamsPassword",
]);

export function isSecretSetting(key: SettingKey): boolean {
    return secretSettings.has(key);
}
