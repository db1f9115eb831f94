/**
 * What a well-formed value of each setting is, and the one-line problem when it is not. The same
 * rules judge a setting in `check` (before any request) and when an operation reads it.
 */
import { readTenantTokens } from "../microsoft/tenant-tokens";
import { bothNames, configKeyName, configSetCommand, envVarName, settingDefaults, type SettingKey } from "./catalog";
import { isLoopbackHost, isPlainHttpToAnotherHost, readUrl, shownUrl, type UrlRule } from "./urls";

export interface NumberRule {
    kind: "number";
    unit: "seconds" | "minutes" | "requests" | "stacks";
    /** Counts: fractions are refused. */
    integer?: boolean;
    /** Values are greater than 0 and at most this. */
    max: number;
    /** A higher minimum that applies unless the URL setting `unlessLoopback` points at this machine. */
    floor?: { value: number; unlessLoopback: SettingKey; because: string };
}
/**
 * A Microsoft authority host for msal-node: https only (msal-node refuses anything else, loopback
 * included) and no path (the tenant is added per resource).
 */
interface AuthorityRule {
    kind: "authority";
    example: string;
}
export type SettingRule = ({ kind: "url" } & UrlRule) | NumberRule | { kind: "boolean" } | AuthorityRule | { kind: "tenantTokens" };

const url = (rule: UrlRule): SettingRule => ({ kind: "url", ...rule });

/** Masergy: "We recommend not to poll more than once every 10 seconds" (seed, "1. Polling"). */
export const masergyMinPollIntervalSeconds = 10;

const rules: Partial<Record<SettingKey, SettingRule>> = {
    pbxUrl: url({
        example: "https://pbx.example.com:8887",
        path: { notEndsWith: "/api", because: "it is the PBX's address; every request adds /api/..." },
    }),
    masergyApiUrl: url({ example: settingDefaults.masergyApiUrl }),
    masergyTokenUrl: url({ example: settingDefaults.masergyTokenUrl }),
    umpUrl: url({
        example: "http://ump.example.com/sysadmin/api",
        path: { endsWith: "/sysadmin/api", because: "UMP 365 ENT serves its REST API under /sysadmin/api" },
    }),
    teamsUrl: url({ example: settingDefaults.teamsUrl }),
    teamsMicrosoftAuthority: { kind: "authority", example: settingDefaults.teamsMicrosoftAuthority },
    teamsMicrosoftTokens: { kind: "tenantTokens" },
    // Node's timers cap at about 24 days; the bounds keep every value far below that.
    httpTimeoutSeconds: { kind: "number", unit: "seconds", max: 3600 },
    masergyPollIntervalSeconds: {
        kind: "number",
        unit: "seconds",
        max: 3600,
        floor: {
            value: masergyMinPollIntervalSeconds,
            unlessLoopback: "masergyApiUrl",
            because: `Masergy asks for no more than one poll every ${masergyMinPollIntervalSeconds} seconds`,
        },
    },
    masergyJobTimeoutMinutes: { kind: "number", unit: "minutes", max: 1440 },
    insecureHttp: { kind: "boolean" },
    adoptMatching: { kind: "boolean" },
    maxConcurrentRequests: { kind: "number", unit: "requests", max: 1000, integer: true },
    masergyPollSharedBy: { kind: "number", unit: "stacks", max: 1000, integer: true },
};

/** The rule a setting's value must follow, for the generated reference (docs/settings.md); undefined when any value goes. */
export const settingRuleOf = (key: SettingKey): SettingRule | undefined => rules[key];

export const urlSettings = (Object.keys(rules) as SettingKey[]).filter((key) => rules[key]!.kind === "url");

/** Reads another setting's raw value (config, then variable, then default). */
export type SettingLookup = (key: SettingKey) => string | undefined;

const trueWords = /^(true|yes|1)$/i;
const falseWords = /^(false|no|0)$/i;

/** `is "<value>", which <problem>` and, when a fix can be guessed, the command that makes it. */
function problemLine(key: SettingKey, shown: string, problem: string, suggestion?: string): string {
    const fix = suggestion ? `: use ${suggestion} (\`${configSetCommand(key, suggestion)}\`)` : "";
    return `Setting ${bothNames(key)} is "${shown}", which ${problem}${fix}.`;
}

/** The boolean value of a true/false-like string; undefined when it is neither. */
export function parseBoolean(raw: string): boolean | undefined {
    const value = raw.trim();
    return trueWords.test(value) ? true : falseWords.test(value) ? false : undefined;
}

/** The problem with a setting's value, or undefined when it is well formed. */
export function settingValueProblem(key: SettingKey, raw: string, lookup: SettingLookup): string | undefined {
    const rule = rules[key];
    switch (rule?.kind) {
        case "url":
            return urlProblem(key, raw, rule, lookup);
        case "number":
            return numberProblem(key, raw, rule, lookup);
        case "boolean":
            return parseBoolean(raw) === undefined ? problemLine(key, raw, `is not true or false (default ${settingDefaults[key]})`) : undefined;
        case "authority":
            return authorityProblem(key, raw, rule);
        case "tenantTokens":
            return tenantTokensProblem(key, raw);
        default:
            return undefined;
    }
}

function authorityProblem(key: SettingKey, raw: string, rule: AuthorityRule): string | undefined {
    const reading = readUrl(raw, rule);
    if (reading.problem !== undefined) {
        return problemLine(key, shownUrl(raw), reading.problem, reading.suggestion);
    }
    const origin = `https://${reading.url.host}`;
    if (reading.url.protocol !== "https:") {
        return problemLine(key, shownUrl(raw), "is not https:// (msal-node, the Microsoft sign-in library, talks to https authorities only)", origin);
    }
    if (reading.url.pathname.replace(/\/+$/, "") !== "") {
        return problemLine(key, shownUrl(raw), "has a path: it is the authority host alone (each tenant's authority is <host>/<tenant id>)", origin);
    }
    return undefined;
}

/** Never shows the value: it holds refresh tokens. */
function tenantTokensProblem(key: SettingKey, raw: string): string | undefined {
    const problem = readTenantTokens(raw).problem;
    return problem === undefined
        ? undefined
        : `Setting ${bothNames(key)} is ${problem}: it is a JSON object from Microsoft tenant id to refresh token, ` +
              "written by `npx pulumi-ucaas teams-login --tenant <tenant id>` (one run per tenant).";
}

function urlProblem(key: SettingKey, raw: string, rule: UrlRule, lookup: SettingLookup): string | undefined {
    const reading = readUrl(raw, rule);
    if (reading.problem !== undefined) {
        return problemLine(key, shownUrl(raw), reading.problem, reading.suggestion);
    }
    if (isPlainHttpToAnotherHost(reading.url) && parseBoolean(lookup("insecureHttp") ?? "") !== true) {
        return plainHttpRefusal(reading.url.host, bothNames(key));
    }
    return undefined;
}

/** Credentials must not cross a network in clear text, unless the operator says the network is trusted. */
export function plainHttpRefusal(host: string, what: string): string {
    return (
        `refusing plain http:// to ${host} (${what}): credentials would cross the network unencrypted; use https://, ` +
        `or set ${configKeyName("insecureHttp")} / ${envVarName("insecureHttp")}=true if this network is trusted.`
    );
}

function numberProblem(key: SettingKey, raw: string, rule: NumberRule, lookup: SettingLookup): string | undefined {
    const value = raw.trim() === "" ? NaN : Number(raw);
    const range = rule.integer
        ? `a whole number of ${rule.unit} greater than 0 and at most ${rule.max} (default ${settingDefaults[key]})`
        : `a number of ${rule.unit} greater than 0 and at most ${rule.max}; fractions are allowed (default ${settingDefaults[key]})`;
    if (!Number.isFinite(value)) {
        return problemLine(key, raw, `is not a number: use ${range}`);
    }
    if (value <= 0 || value > rule.max || (rule.integer && !Number.isInteger(value))) {
        return problemLine(key, raw, `is out of range: use ${range}`);
    }
    const floor = rule.floor;
    if (floor && value < floor.value) {
        const host = hostOf(lookup(floor.unlessLoopback) ?? "");
        if (host === undefined || !isLoopbackHost(host.hostname)) {
            return problemLine(
                key,
                raw,
                `is below ${floor.value}: ${floor.because}, and a shorter interval is allowed only against a simulator on this machine, ` +
                    `not ${host?.host ?? configKeyName(floor.unlessLoopback)}; use ${floor.value} or more, or leave it unset`,
            );
        }
    }
    return undefined;
}

function hostOf(raw: string): URL | undefined {
    try {
        return new URL(raw.trim());
    } catch {
        return undefined;
    }
}
