/**
 * Names that look like settings but are none: `ucaas:*` keys of the stack config (an error: the
 * namespace is this package's) and `UCAAS_*` variables (a warning: the environment is shared with
 * every other tool of the job). Each is told the known name closest to it.
 */
import { configKeyName, configNamespace, configSetCommand, envVarName, isGuardrailKey, isSettingKey, settingKeys, type SettingKey } from "./catalog";

/** Levenshtein distance, letter case ignored. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const current = [i];
        for (let j = 1; j <= t.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[t.length];
}

/** The known name closest to `name`, and whether it is close enough to be a typo of it. */
function closest<T>(name: string, known: readonly T[], spell: (item: T) => string): { item: T; likelyTypo: boolean } {
    let best = known[0];
    let bestDistance = Infinity;
    for (const item of known) {
        const distance = editDistance(name, spell(item));
        if (distance < bestDistance) {
            best = item;
            bestDistance = distance;
        }
    }
    // A third of the name may be wrong: `masergyPollInterval` is still `masergyPollIntervalSeconds`.
    return { item: best, likelyTypo: bestDistance <= Math.max(2, Math.floor(spell(best).length / 3)) };
}

export function closestSetting(name: string): { key: SettingKey; likelyTypo: boolean } {
    const { item, likelyTypo } = closest(name, settingKeys, (key) => key);
    return { key: item, likelyTypo };
}

/** The `ucaas:*` keys among a stack config's keys that are not settings, each with what to do. */
export function unknownConfigKeyProblems(configKeys: Iterable<string>): string[] {
    const prefix = `${configNamespace}:`;
    return [...configKeys]
        .filter((full) => full.startsWith(prefix) && !isSettingKey(full.slice(prefix.length)) && !isGuardrailKey(full.slice(prefix.length)))
        .sort()
        .map((full) => {
            const name = full.slice(prefix.length);
            const { key, likelyTypo } = closestSetting(name);
            const remove = `\`pulumi config rm ${full}\``;
            if (likelyTypo) {
                const set = `\`${configSetCommand(key)}\``;
                return `Unknown setting ${full} in the stack config: did you mean ${configKeyName(key)}? Rename it: ${remove}, then ${set}.`;
            }
            return (
                `Unknown setting ${full} in the stack config (the closest setting is ${configKeyName(key)}): the ${configNamespace} namespace holds ` +
                `only pulumi-ucaas settings; remove it with ${remove}, and keep your own values in the project's namespace (a key without "${prefix}").`
            );
        });
}

const variablePrefix = "UCAAS_";
const knownVariables = new Map(settingKeys.map((key) => [envVarName(key), key] as const));

/** `UCAAS_*` variables that are not settings, each with the closest setting variable. */
export function unknownVariableWarnings(env: NodeJS.ProcessEnv): string[] {
    return Object.keys(env)
        .filter((name) => name.startsWith(variablePrefix) && !knownVariables.has(name))
        .sort()
        .map((name) => {
            const { item, likelyTypo } = closest(name, [...knownVariables.keys()], (variable) => variable);
            return `warning: the environment variable ${name} is not a pulumi-ucaas setting and is ignored${likelyTypo ? ` (did you mean ${item}?)` : ""}.`;
        });
}

/**
 * A name in the stack config or the environment that is a likely typo of this (missing) setting's
 * key or variable, as a clause for the message that says it is missing.
 */
export function misspelling(key: SettingKey, configKeys: Iterable<string>, env: NodeJS.ProcessEnv): string | undefined {
    const prefix = `${configNamespace}:`;
    const nearKey = [...configKeys].find(
        (full) => full.startsWith(prefix) && !isSettingKey(full.slice(prefix.length)) && editDistance(full.slice(prefix.length), key) <= 2,
    );
    if (nearKey) {
        return `the stack config has ${nearKey}: a typo of ${configKeyName(key)}?`;
    }
    const wanted = envVarName(key);
    const nearVariable = Object.keys(env).find(
        (name) => name.startsWith(variablePrefix) && !knownVariables.has(name) && env[name] && editDistance(name, wanted) <= 2,
    );
    return nearVariable ? `${nearVariable} is set: a typo of ${wanted}?` : undefined;
}
