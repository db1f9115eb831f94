/**
 * AudioCodes UMP lookups: plain async functions run in the program with the same settings as the
 * resources (stack config `ucaas:*`, then `UCAAS_*`). Results are in camelCase with UMP's stray
 * spaces trimmed.
 */
import { umpClient } from "./client";
import * as api from "./ump-api";
import { fromWire } from "./wire";

export interface UmpNumberRange {
    identity: string;
    /** `MsPhoneSystem`, `SkypeOnPrem`, ... */
    numberRangeType: string;
    /** How many numbers of the range are not assigned to anyone. */
    numbersAvailable: number;
    /** `tel:+E164`; empty for ranges UMP does not describe by bounds (MsPhoneSystem). */
    numberRangeStart: string;
    numberRangeEnd: string;
    priority?: string;
    [field: string]: unknown;
}

export interface UmpSignInDomain {
    text: string;
    value: string;
}

export interface UmpRegistrarPool {
    identity: string;
    replicationTicks?: number;
}

export interface UmpLicense {
    customer?: string;
    /** Licensed users. */
    cbUsers?: number;
    /** Users with Enterprise Voice, counted against the license. */
    inUseCceUsers?: number;
    /** Expiry date, e.g. 2020-03-31. */
    expired?: string;
    machineId?: string;
    [field: string]: unknown;
}

/** The number ranges for assignment, each with how many numbers are still available. */
export async function numberRanges(): Promise<UmpNumberRange[]> {
    return (await api.getNumberRanges(umpClient())).map((row) => fromWire(row) as UmpNumberRange);
}

/** The SIP domains users can sign in with. */
export async function signInDomains(): Promise<UmpSignInDomain[]> {
    return (await api.getSignInDomains(umpClient())).map((row) => fromWire(row) as UmpSignInDomain);
}

/** The Skype for Business registrar pools. */
export async function registrarPools(): Promise<UmpRegistrarPool[]> {
    return (await api.getRegistrarPools(umpClient())).map((row) => fromWire(row) as UmpRegistrarPool);
}

/** The UMP license: licensed users, users in use, expiry. */
export async function license(): Promise<UmpLicense> {
    return fromWire(await api.getLicense(umpClient())) as UmpLicense;
}
