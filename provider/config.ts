import { registerSecret } from "./http/secret-values";
import { configKeyName, configSetCommand, envVarName, isSecretSetting, settingDefaults, type SettingKey } from "./settings/catalog";
import { parseBoolean, settingValueProblem } from "./settings/rules";
import { misspelling } from "./settings/unknown-names";

/**
 * Settings: stack config in the `ucaas` namespace first, then `UCAAS_*` environment variables.
 *
 * Values are resolved at call time, never captured, so nothing here reaches a serialized provider
 * or a resource's state. In the dynamic-provider process the stack config arrives through
 * `configure`; in the program process (lookups) it comes from `pulumi.Config`.
 */

export { bothNames, configKeyName, envVarName, isSecretSetting, settingDefaults, type SettingKey } from "./settings/catalog";

/** The subset of Pulumi's config interface we use (dynamic `ConfigureRequest.config` and `pulumi.Config` both fit). */
export interface ConfigSource {
    get(key: string): string | undefined;
}

let stackConfig: ConfigSource | undefined;
let stackConfigKeys: readonly string[] = [];

/**
 * Called from the dynamic provider's `configure` (kept synchronous: the host may not await it),
 * with every key of the stack config when they are known, so unknown `ucaas:*` keys can be told.
 */
export function useStackConfig(source: ConfigSource | undefined, keys: readonly string[] = []): void {
    stackConfig = source;
    stackConfigKeys = keys;
}

/** Every key of the stack config given to `useStackConfig` (`ucaas:pbxUrl`, `proj:alicePassword`, ...). */
export function configuredKeys(): readonly string[] {
    return stackConfigKeys;
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

/** Settings that cannot be used, one line per problem, each naming the config key and the variable. */
export class SettingsError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "SettingsError";
    }
}

/** The line for a setting that has no value: what it is for and the two ways to give it one. */
export function missingSettingLine(key: SettingKey, purpose?: string): string {
    const typo = misspelling(key, stackConfigKeys, process.env);
    return (
        `Missing setting ${configKeyName(key)}${purpose ? ` (${purpose})` : ""}: ` +
        `run \`${configSetCommand(key)}\` or set the environment variable ${envVarName(key)}.` +
        (typo ? ` (${typo})` : "")
    );
}

/** Thrown when a required setting is missing: one line that says what to set. */
export class MissingSettingError extends SettingsError {
    constructor(readonly key: SettingKey, purpose?: string) {
        super([missingSettingLine(key, purpose)]);
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

/** The problem with a setting's current value, if any (see `settings/rules.ts`). */
export function settingProblem(key: SettingKey): string | undefined {
    const value = getSetting(key);
    return value === undefined ? undefined : settingValueProblem(key, value, getSetting);
}

function wellFormed(key: SettingKey): string {
    const problem = settingProblem(key);
    if (problem) {
        throw new SettingsError([problem]);
    }
    return requireSetting(key);
}

/** A true/false setting; anything else fails with the key and the variable named, never counts as false. */
export function getBooleanSetting(key: SettingKey): boolean {
    return parseBoolean(wellFormed(key))!;
}

/** A number setting within its range; a malformed value fails with the key and the variable named. */
export function getNumberSetting(key: SettingKey): number {
    return Number(wellFormed(key));
}
