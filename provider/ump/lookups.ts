/**
 * AudioCodes UMP lookups, run in the program with the same settings as the resources (stack config
 * `ucaas:*`, then `UCAAS_*`), in both forms (see ../lookup-forms.ts): `getLicense()` resolves to plain
 * values, `getLicenseOutput()` gives an Output. Results are in camelCase with UMP's stray spaces trimmed.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lookupOutput, type LookupOutputOptions } from "../lookup-forms";
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
export async function getNumberRanges(): Promise<UmpNumberRange[]> {
    return (await api.getNumberRanges(umpClient())).map((row) => fromWire(row) as UmpNumberRange);
}

/** {@link getNumberRanges} as an Output, after `opts.dependsOn` exist. */
export const getNumberRangesOutput = (opts?: LookupOutputOptions): pulumi.Output<UmpNumberRange[]> => lookupOutput(getNumberRanges, {}, opts);

/** The SIP domains users can sign in with. */
export async function getSignInDomains(): Promise<UmpSignInDomain[]> {
    return (await api.getSignInDomains(umpClient())).map((row) => fromWire(row) as UmpSignInDomain);
}

/** {@link getSignInDomains} as an Output, after `opts.dependsOn` exist. */
export const getSignInDomainsOutput = (opts?: LookupOutputOptions): pulumi.Output<UmpSignInDomain[]> => lookupOutput(getSignInDomains, {}, opts);

/** The Skype for Business registrar pools. */
export async function getRegistrarPools(): Promise<UmpRegistrarPool[]> {
    return (await api.getRegistrarPools(umpClient())).map((row) => fromWire(row) as UmpRegistrarPool);
}

/** {@link getRegistrarPools} as an Output, after `opts.dependsOn` exist. */
export const getRegistrarPoolsOutput = (opts?: LookupOutputOptions): pulumi.Output<UmpRegistrarPool[]> => lookupOutput(getRegistrarPools, {}, opts);

/** The UMP license: licensed users, users in use, expiry. */
export async function getLicense(): Promise<UmpLicense> {
    return fromWire(await api.getLicense(umpClient())) as UmpLicense;
}

/** {@link getLicense} as an Output, after `opts.dependsOn` exist. */
export const getLicenseOutput = (opts?: LookupOutputOptions): pulumi.Output<UmpLicense> => lookupOutput(getLicense, {}, opts);

/** @deprecated Use {@link getNumberRanges} (or {@link getNumberRangesOutput}); this name stays as an alias. */
export const numberRanges = (): Promise<UmpNumberRange[]> => getNumberRanges();

/** @deprecated Use {@link getSignInDomains} (or {@link getSignInDomainsOutput}); this name stays as an alias. */
export const signInDomains = (): Promise<UmpSignInDomain[]> => getSignInDomains();

/** @deprecated Use {@link getRegistrarPools} (or {@link getRegistrarPoolsOutput}); this name stays as an alias. */
export const registrarPools = (): Promise<UmpRegistrarPool[]> => getRegistrarPools();

/** @deprecated Use {@link getLicense} (or {@link getLicenseOutput}); this name stays as an alias. */
export const license = (): Promise<UmpLicense> => getLicense();
