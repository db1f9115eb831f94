/**
 * Masergy lookups, run in the program with the same settings as the resources (stack config
 * `ucaas:*`, then `UCAAS_*`), for the values MasergyUser fields accept. Each comes in both forms (see
 * ../lookup-forms.ts): `getAvailableTimeZones()` resolves to plain values,
 * `getAvailableTimeZonesOutput()` takes Inputs and gives an Output.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lookupOutput, type InputArgs, type LookupOutputOptions } from "../lookup-forms";
import { masergyClient } from "./client";
import * as api from "./masergy-api";

export type MasergyGroup = api.WireGroup;

export interface GroupLookupArgs {
    /** The BroadWorks group. */
    groupId: string;
}

/** Phone numbers of the group that no user has yet, in E.164. */
export async function getAvailablePhoneNumbers(args: GroupLookupArgs): Promise<string[]> {
    return api.availablePhoneNumbers(masergyClient(), args.groupId);
}

/** {@link getAvailablePhoneNumbers} with Inputs, as an Output, after `opts.dependsOn` exist. */
export const getAvailablePhoneNumbersOutput = (args: InputArgs<GroupLookupArgs>, opts?: LookupOutputOptions): pulumi.Output<string[]> =>
    lookupOutput(getAvailablePhoneNumbers, args, opts);

/** Device models a user's primary device (`deviceModel`) can be. */
export async function getAvailableDeviceModels(): Promise<string[]> {
    return api.availableDeviceModels(masergyClient());
}

/** {@link getAvailableDeviceModels} as an Output, after `opts.dependsOn` exist. */
export const getAvailableDeviceModelsOutput = (opts?: LookupOutputOptions): pulumi.Output<string[]> => lookupOutput(getAvailableDeviceModels, {}, opts);

/** Main service packs (`mainServicePack`) of the group. */
export async function getAvailableMainServicePacks(args: GroupLookupArgs): Promise<string[]> {
    return api.availableMainServicePacks(masergyClient(), args.groupId);
}

/** {@link getAvailableMainServicePacks} with Inputs, as an Output, after `opts.dependsOn` exist. */
export const getAvailableMainServicePacksOutput = (args: InputArgs<GroupLookupArgs>, opts?: LookupOutputOptions): pulumi.Output<string[]> =>
    lookupOutput(getAvailableMainServicePacks, args, opts);

/** Time zones (`timeZone`) Masergy accepts. */
export async function getAvailableTimeZones(): Promise<string[]> {
    return api.availableTimeZones(masergyClient());
}

/** {@link getAvailableTimeZones} as an Output, after `opts.dependsOn` exist. */
export const getAvailableTimeZonesOutput = (opts?: LookupOutputOptions): pulumi.Output<string[]> => lookupOutput(getAvailableTimeZones, {}, opts);

/** The BroadWorks groups (and their enterprises) the account can provision users in. */
export async function getAvailableGroups(): Promise<MasergyGroup[]> {
    return api.availableGroups(masergyClient());
}

/** {@link getAvailableGroups} as an Output, after `opts.dependsOn` exist. */
export const getAvailableGroupsOutput = (opts?: LookupOutputOptions): pulumi.Output<MasergyGroup[]> => lookupOutput(getAvailableGroups, {}, opts);

/** @deprecated Use {@link getAvailablePhoneNumbers} (or its Output form); this name stays as an alias. */
export const availablePhoneNumbers = (options: GroupLookupArgs): Promise<string[]> => getAvailablePhoneNumbers(options);

/** @deprecated Use {@link getAvailableDeviceModels} (or its Output form); this name stays as an alias. */
export const availableDeviceModels = (): Promise<string[]> => getAvailableDeviceModels();

/** @deprecated Use {@link getAvailableMainServicePacks} (or its Output form); this name stays as an alias. */
export const availableMainServicePacks = (options: GroupLookupArgs): Promise<string[]> => getAvailableMainServicePacks(options);

/** @deprecated Use {@link getAvailableTimeZones} (or its Output form); this name stays as an alias. */
export const availableTimeZones = (): Promise<string[]> => getAvailableTimeZones();

/** @deprecated Use {@link getAvailableGroups} (or its Output form); this name stays as an alias. */
export const availableGroups = (): Promise<MasergyGroup[]> => getAvailableGroups();
