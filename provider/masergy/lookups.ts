/**
 * Masergy lookups: plain async functions run in the program with the same settings as the
 * resources (stack config `ucaas:*`, then `UCAAS_*`), for the values MasergyUser fields accept.
 */
import { masergyClient } from "./client";
import * as api from "./masergy-api";

export type MasergyGroup = api.WireGroup;

/** Phone numbers of the group that no user has yet, in E.164. */
export async function availablePhoneNumbers(options: { groupId: string }): Promise<string[]> {
    return api.availablePhoneNumbers(masergyClient(), options.groupId);
}

/** Device models a user's primary device (`deviceModel`) can be. */
export async function availableDeviceModels(): Promise<string[]> {
    return api.availableDeviceModels(masergyClient());
}

/** Main service packs (`mainServicePack`) of the group. */
export async function availableMainServicePacks(options: { groupId: string }): Promise<string[]> {
    return api.availableMainServicePacks(masergyClient(), options.groupId);
}

/** Time zones (`timeZone`) Masergy accepts. */
export async function availableTimeZones(): Promise<string[]> {
    return api.availableTimeZones(masergyClient());
}

/** The BroadWorks groups (and their enterprises) the account can provision users in. */
export async function availableGroups(): Promise<MasergyGroup[]> {
    return api.availableGroups(masergyClient());
}
