/**
 * What `pulumi-ucaas doctor` checks and what a check can find. A check sends read-only requests
 * through the vendor's own API module, so each answer is read by the very schema a resource reads
 * it with; it then resolves to what it found (and where that differs from our reading), or throws
 * the vendor client's error, which the runner classifies.
 */
import { configKeyName, getSetting, settingDefaults, type SettingKey } from "../config";
import type { ObservedAnswer } from "../http/answer-observer";

export const vendorKeys = ["pbx", "masergy", "ump", "teams"] as const;
export type VendorKey = (typeof vendorKeys)[number];

/** `note`: something the vendor's API gives no way to check, said instead of a false ok; it does not fail the run. */
export type CheckStatus = "ok" | "note" | "differs" | "unreachable" | "not configured";

/** Where an answer differs from our reading. No part holds a value of the answer, only its kind. */
export interface Difference {
    /** Where in the answer, e.g. `items[0].name`; `body` for the answer as a whole. */
    path: string;
    expected: string;
    received: string;
}

/** What a check found. With differences, the check "differs". */
export interface Finding {
    /** One line: counts and the vendor's vocabulary (role names, statuses), never personal values. */
    summary: string;
    differences?: Difference[];
    /** Nothing could be checked: the summary says what a person has to look at instead. */
    note?: boolean;
}

export interface Check {
    /** Short name, the second column of the output. */
    name: string;
    /** The request(s) it sends, as a template (`GET api/users/{id}`). */
    request: string;
    run(): Promise<Finding>;
}

export interface CheckResult {
    vendor: VendorKey;
    check: string;
    request: string;
    status: CheckStatus;
    /** What was found (ok, and differs found by comparing), or why not (may name objects: shown, never reported). */
    detail: string;
    /** The finding's summary, free of the answers' values, for the report; absent when the check met an error. */
    summary?: string;
    differences: Difference[];
    /** unreachable: the failure without its message, for the report. */
    failure?: { statusCode?: number; vendorCode?: string; networkCode?: string; notTried?: boolean };
}

/** The options of one doctor run that reach the checks. */
export interface DoctorOptions {
    /** `--masergy-task`: a task id whose view is read too. */
    masergyTaskId?: string;
}

/** What checks are given: the run's options, and the raw answers of the running check (members its schema ignores). */
export interface CheckContext {
    options: DoctorOptions;
    lastAnswer(operation?: string): ObservedAnswer | undefined;
}

/** One vendor's checks. */
export interface VendorDoctor {
    key: VendorKey;
    /** Whether any of its settings is given; a vendor that is not configured is skipped unless named. */
    configured(): boolean;
    /** The checks in the order they run; later ones may use what earlier ones read. */
    checks(context: CheckContext): Check[];
}

/** A check that could not run because one before it did not get what it needs. */
export class NotTried extends Error {
    override name = "NotTried";
}

/** The vendor's settings are missing or malformed (a missing setting, a plain-http URL to another host). */
export class NotConfigured extends Error {
    override name = "NotConfigured";
}

/**
 * The first check of every vendor: makes its client from the settings, as a resource would, and
 * says which kind of credential it uses. A missing or malformed setting makes it "not configured".
 */
export function settingsCheck(request: string, makeClients: () => string): Check {
    return {
        name: "settings",
        request,
        async run() {
            try {
                return { summary: makeClients() };
            } catch (error) {
                if (error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError) throw error;
                throw new NotConfigured((error as Error).message);
            }
        },
    };
}

/** The value an earlier check read, or NotTried naming that check. */
export function needs<T>(value: T | undefined, check: string): T {
    if (value === undefined) {
        throw new NotTried(`not tried: needs what "${check}" reads`);
    }
    return value;
}

/** "1 role", "7 roles". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
    return `${n} ${n === 1 ? noun : plural}`;
}

/** Whether any of these settings is given a value other than its default. */
export function anySettingGiven(keys: readonly SettingKey[]): boolean {
    return keys.some((key) => {
        const value = getSetting(key);
        return value !== undefined && value !== settingDefaults[key];
    });
}

/** `https ucaas:pbxUrl`, `the default ucaas:masergyApiUrl`: a URL setting by its scheme, never its host. */
export function urlKind(key: SettingKey): string {
    const value = getSetting(key);
    if (value !== undefined && value === settingDefaults[key]) return `the default ${configKeyName(key)}`;
    return `${value?.split(":")[0] ?? "no"} ${configKeyName(key)}`;
}
