/**
 * The Masergy UCaaS Provisioning API calls this package makes, one function each, in the vendor's
 * spelling (camelCase bodies, UPPER_CASE query parameters). Every write is asynchronous: it answers
 * `{accepted, jobId, taskId}` and the work happens in a job that `task/{taskId}/view` reports on.
 */
import type { z } from "zod";
import type { JsonAnswer } from "../http/answer";
import type { VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { describeRefusal, masergyAnswers, type MasergyFoundUser, type MasergyGroup } from "./masergy-answers";

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

/** A user as `user/find` lists it (see `MasergyFoundUser`). */
export type WireUser = z.output<typeof MasergyFoundUser>;

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

/**
 * POSTs one asynchronous call. `accepted: true` with a job is the receipt; `accepted: false` is a
 * refusal in the vendor's words; any other answer is a `VendorAnswerError` (the write's outcome is unknown).
 */
async function submit(client: VendorClient, operation: string, path: string, body: WireObject, idempotent: boolean): Promise<JobReceipt> {
    const answer = await client.send({ operation, method: "POST", path, json: defined(body), answer: masergyAnswers.submit, idempotent });
    if (answer.accepted !== true) {
        const refusal = describeRefusal(answer.message, answer.errors);
        throw new MasergyApiError({
            operation,
            statusCode: 200,
            vendorCode: answer.code ?? "NOT_ACCEPTED",
            vendorMessage: refusal.message ?? "the request was not accepted",
            vendorDetail: refusal.detail,
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
    client.send({ operation: `read task ${taskId}`, method: "GET", path: `task/${encodeURIComponent(taskId)}/view`, answer: masergyAnswers.taskView });

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
    return client.send({ operation: `find ${what}`, method: "GET", path: "user/find", searchParams: params, answer: masergyAnswers.find });
}

/**
 * The user with exactly this id in its group, or undefined when Masergy's answer parsed and lists no
 * such user (the only "gone" Masergy gives); an answer we cannot read throws.
 */
export async function findUser(client: VendorClient, key: UserKey): Promise<WireUser | undefined> {
    const users = await findUsers(client, {
        enterpriseId: key.enterpriseId,
        groupId: key.groupId,
        userId: { value: key.userId, match: "EXACT" },
    });
    return users.find((user) => user.userId === key.userId);
}

// Lookups

export type WireGroup = z.output<typeof MasergyGroup>;

const lookup = <T>(client: VendorClient, what: string, path: string, answer: JsonAnswer<T>, groupId?: string) =>
    client.send({ operation: `list ${what}`, method: "GET", path, searchParams: { GROUP_ID: groupId }, answer });

export const availablePhoneNumbers = (client: VendorClient, groupId: string) =>
    lookup(client, `the available phone numbers of group ${groupId}`, "user/available_phone_numbers", masergyAnswers.phoneNumbers, groupId);

export const availableDeviceModels = (client: VendorClient) =>
    lookup(client, "the available device models", "user/available_device_models", masergyAnswers.deviceModels);

export const availableMainServicePacks = (client: VendorClient, groupId: string) =>
    lookup(client, `the main service packs of group ${groupId}`, "user/available_main_service_packs", masergyAnswers.servicePacks, groupId);

export const availableTimeZones = (client: VendorClient) =>
    lookup(client, "the available time zones", "user/available_time_zones", masergyAnswers.timeZones);

export const availableGroups = (client: VendorClient) => lookup(client, "the available groups", "user/available_groups", masergyAnswers.groups);
