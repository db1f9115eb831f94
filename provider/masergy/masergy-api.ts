/**
 * The Masergy UCaaS Provisioning API calls this package makes, one function each, in the vendor's
 * spelling (camelCase bodies, UPPER_CASE query parameters). Every write is asynchronous: it answers
 * `{accepted, jobId, taskId}` and the work happens in a job that `task/{taskId}/view` reports on.
 */
import type { VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { parseMasergyError } from "./masergy-errors";
import type { TaskView } from "./task-view";

export type WireObject = Record<string, unknown>;

/** The job a write was queued as. */
export interface JobReceipt {
    jobId: string;
    taskId: string;
}

/** Passed through as given on every asynchronous call; Masergy echoes them in notifications. */
export interface Notifications {
    userData?: string;
    notificationWebhookUrl?: string;
    notificationEmailAddress?: string;
}

/** Which BroadWorks user a call is about. */
export interface UserKey {
    enterpriseId?: string;
    groupId: string;
    userId: string;
}

/** A user as `user/find` lists it (BroadWorks may give the phone number nationally, with `countryCode`). */
export interface WireUser extends WireObject {
    userId: string;
    groupId?: string;
    enterpriseId?: string;
    firstName?: string;
    lastName?: string;
    phoneNumber?: string;
    countryCode?: string;
    extension?: string;
    emailAddress?: string;
}

export type MatchType = "STARTS_WITH" | "ENDS_WITH" | "CONTAINS" | "EXACT";

export interface FindQuery {
    enterpriseId?: string;
    groupId?: string;
    userId?: { value: string; match: MatchType };
    phoneNumber?: { value: string; match: MatchType };
    firstName?: { value: string; match: MatchType };
    lastName?: { value: string; match: MatchType };
    primaryDeviceMacAddress?: { value: string; match: MatchType };
}

function defined(body: WireObject): WireObject {
    return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== null));
}

interface SubmitAnswer {
    accepted?: boolean;
    jobId?: string;
    taskId?: string;
}

/** POSTs one asynchronous call; anything but `accepted: true` with a job fails with the vendor's message. */
async function submit(client: VendorClient, operation: string, path: string, body: WireObject, idempotent: boolean): Promise<JobReceipt> {
    const answer = await client.send<SubmitAnswer>({ operation, method: "POST", path, json: defined(body), idempotent });
    if (answer?.accepted !== true || !answer.jobId || !answer.taskId) {
        const parsed = parseMasergyError(answer);
        throw new MasergyApiError({
            operation,
            statusCode: 200,
            vendorCode: parsed.code ?? "NOT_ACCEPTED",
            vendorMessage: parsed.message ?? "the request was not accepted",
            vendorDetail: parsed.detail,
        });
    }
    return { jobId: answer.jobId, taskId: answer.taskId };
}

const keyFields = (key: UserKey): WireObject => ({ enterpriseId: key.enterpriseId, groupId: key.groupId, userId: key.userId });

/** Never repeated on a 5xx or a dropped connection: the user may already be queued for creation. */
export const createUser = (client: VendorClient, user: WireObject & UserKey) =>
    submit(client, `create user ${user.userId}`, "user/create", user, false);

// The other writes set absolute values or remove: a repeated job changes nothing further.
export const deleteUser = (client: VendorClient, key: UserKey, notifications: Notifications) =>
    submit(client, `delete user ${key.userId}`, "user/delete", { ...notifications, ...keyFields(key) }, true);

export const updateName = (client: VendorClient, key: UserKey, names: { firstName: string; lastName: string }, notifications: Notifications) =>
    submit(client, `rename user ${key.userId}`, "user/update_name", { ...notifications, ...keyFields(key), ...names }, true);

export const updatePhoneNumber = (client: VendorClient, key: UserKey, phoneNumber: string | undefined, notifications: Notifications) =>
    submit(
        client,
        phoneNumber ? `change the phone number of user ${key.userId}` : `remove the phone number of user ${key.userId}`,
        "user/update_phone_number",
        { ...notifications, ...keyFields(key), phoneNumber },
        true,
    );

export const updateWebPortalPassword = (client: VendorClient, key: UserKey, webPortalPassword: string, notifications: Notifications) =>
    submit(
        client,
        `change the web portal password of user ${key.userId}`,
        "user/update_web_portal_password",
        { ...notifications, ...keyFields(key), webPortalPassword },
        true,
    );

export const viewTask = (client: VendorClient, taskId: string) =>
    client.send<TaskView>({ operation: `read task ${taskId}`, method: "GET", path: `task/${encodeURIComponent(taskId)}/view` });

/** The items of a list answer, whether bare or wrapped as `{<key>: [...]}`. */
function listOf<T>(body: unknown, key: string): T[] {
    if (Array.isArray(body)) {
        return body as T[];
    }
    const inner = (body as Record<string, unknown> | undefined)?.[key];
    return Array.isArray(inner) ? (inner as T[]) : [];
}

export async function findUsers(client: VendorClient, query: FindQuery): Promise<WireUser[]> {
    const params: Record<string, string | undefined> = { ENTERPRISE_ID: query.enterpriseId, GROUP_ID: query.groupId };
    const matched = [
        ["USER_ID", query.userId],
        ["PHONE_NUMBER", query.phoneNumber],
        ["FIRST_NAME", query.firstName],
        ["LAST_NAME", query.lastName],
        ["PRIMARY_DEVICE_MAC_ADDRESS", query.primaryDeviceMacAddress],
    ] as const;
    for (const [name, criterion] of matched) {
        if (criterion) {
            params[name] = criterion.value;
            params[`${name}_MATCH_TYPE`] = criterion.match;
        }
    }
    const what = query.userId ? `user ${query.userId.value}` : "users";
    const body = await client.send<unknown>({ operation: `find ${what}`, method: "GET", path: "user/find", searchParams: params });
    return listOf<WireUser>(body, "users");
}

/** The user with exactly this id in its group, or undefined. */
export async function findUser(client: VendorClient, key: UserKey): Promise<WireUser | undefined> {
    const users = await findUsers(client, {
        enterpriseId: key.enterpriseId,
        groupId: key.groupId,
        userId: { value: key.userId, match: "EXACT" },
    });
    return users.find((user) => user.userId === key.userId);
}

// Lookups

export interface WireGroup {
    groupId: string;
    enterpriseId?: string;
    [field: string]: unknown;
}

const lookup = async <T>(client: VendorClient, what: string, path: string, key: string, groupId?: string) =>
    listOf<T>(await client.send<unknown>({ operation: `list ${what}`, method: "GET", path, searchParams: { GROUP_ID: groupId } }), key);

export const availablePhoneNumbers = (client: VendorClient, groupId: string) =>
    lookup<string>(client, `the available phone numbers of group ${groupId}`, "user/available_phone_numbers", "phoneNumbers", groupId);

export const availableDeviceModels = (client: VendorClient) =>
    lookup<string>(client, "the available device models", "user/available_device_models", "deviceModels");

export const availableMainServicePacks = (client: VendorClient, groupId: string) =>
    lookup<string>(client, `the main service packs of group ${groupId}`, "user/available_main_service_packs", "servicePacks", groupId);

export const availableTimeZones = (client: VendorClient) =>
    lookup<string>(client, "the available time zones", "user/available_time_zones", "timeZones");

export const availableGroups = (client: VendorClient) => lookup<WireGroup>(client, "the available groups", "user/available_groups", "groups");
