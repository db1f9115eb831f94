/**
 * Masergy: the Keycloak grant and what its lifetimes mean, the groups, `user/find` (and finding a
 * listed user again the way MasergyUser does, by USER_ID EXACT), the lookups, and with
 * `--masergy-task` a task view, each read through `masergy-api.ts` and its schemas. The guide shows
 * no body for any of these but the token: what we read there is our reading, which is exactly what
 * this check is for.
 */
import { requireSetting } from "../config";
import type { VendorClient } from "../http/client";
import { MasergyApiError } from "../http/errors";
import { masergyClient, masergyCredential } from "../masergy/client";
import * as api from "../masergy/masergy-api";
import { knownTaskStatuses, isKnownTaskStatus } from "../masergy/task-view";
import { masergyTimeZones } from "../masergy/time-zones";
import { masergyTokenSource, type MasergyCredential } from "../masergy/tokens";
import { NotTried, anySettingGiven, count, needs, settingsCheck, urlKind, type Check, type Difference, type VendorDoctor } from "./check";
import { describeValue, vocabulary } from "./shape";
import { lifetimeInWords, tokenCheck } from "./token-check";

/** The results a task view may end with: "OK" (the guide's notification) or "FAILED" (the simulator's reading). */
const knownTaskResults = ["OK", "FAILED"];

/** How many differing items of one list are named. */
const namedAtMost = 3;

function grantInWords(credential: MasergyCredential | undefined, seconds: number | undefined): string {
    if (credential?.kind === "password") {
        return `password grant, once per run: ${lifetimeInWords(seconds, "with its refresh token, else by logging in again")}`;
    }
    return (
        `refresh-token grant: ${lifetimeInWords(seconds, "with the offline refresh token")}; ` +
        "that token lives while it is used at least once every 30 days and not revoked (this grant was a use)"
    );
}

function timeZoneDifferences(offered: string[]): Difference[] {
    const ours = new Set<string>(masergyTimeZones);
    const listed = new Set(offered);
    const notOurs = offered.filter((zone) => !ours.has(zone));
    const notListed = masergyTimeZones.filter((zone) => !listed.has(zone));
    if (notOurs.length === 0 && notListed.length === 0) return [];
    const name = (zones: readonly string[]) => zones.slice(0, namedAtMost).map(vocabulary).join(", ") + (zones.length > namedAtMost ? `, and ${zones.length - namedAtMost} more` : "");
    const parts = [
        ...(notOurs.length ? [`${name(notOurs)}, which MasergyUser's timeZone refuses`] : []),
        ...(notListed.length ? [`not ${name(notListed)}, which timeZone accepts`] : []),
    ];
    return [{ path: "timeZones", expected: `the ${masergyTimeZones.length} zones the guide documents, which MasergyUser's timeZone accepts`, received: parts.join("; ") }];
}

function phoneNumberDifferences(numbers: string[]): Difference[] {
    return numbers
        .map((number, index) => ({ number, index }))
        .filter(({ number }) => !/^\+\d{6,15}$/.test(number))
        .slice(0, namedAtMost)
        .map(({ number, index }) => ({
            path: `phoneNumbers[${index}]`,
            expected: "an E.164 number (+ and 6-15 digits), as the lookup documents its result",
            received: describeValue(number),
        }));
}

export const masergyDoctor: VendorDoctor = {
    key: "masergy",
    configured: () => anySettingGiven(["masergyRefreshToken", "masergyUsername", "masergyPassword", "masergyApiUrl", "masergyTokenUrl"]),
    checks({ options }): Check[] {
        let client: VendorClient | undefined;
        let credential: MasergyCredential | undefined;
        let groups: api.WireGroup[] | undefined;
        let users: api.WireUser[] | undefined;
        const firstGroup = () => needs(groups, "groups")[0]?.groupId;
        const withClient = () => needs(client, "settings");

        const checks: Check[] = [
            settingsCheck("ucaas:masergy*", () => {
                client = masergyClient();
                credential = masergyCredential();
                const kind = credential.kind === "refreshToken" ? "an offline refresh token (ucaas:masergyRefreshToken)" : "a password grant (ucaas:masergyUsername)";
                return `${urlKind("masergyApiUrl")}, ${urlKind("masergyTokenUrl")}, ${kind}`;
            }),
            tokenCheck("POST {ucaas:masergyTokenUrl}", () => client?.tokens, (seconds) => grantInWords(credential, seconds)),
            {
                name: "refresh token reuse",
                request: "POST {ucaas:masergyTokenUrl} (the stored refresh token again)",
                async run() {
                    const stored = needs(credential, "settings");
                    if (stored.kind !== "refreshToken") return { summary: "a password grant each run: no stored refresh token to use again" };
                    // A fresh token source starts from the stored token again, as the next run will.
                    try {
                        await masergyTokenSource(requireSetting("masergyTokenUrl"), stored).get();
                    } catch (error) {
                        if (!(error instanceof MasergyApiError && error.vendorCode === "invalid_grant")) throw error;
                        return {
                            summary: "the stored offline refresh token, used a second time",
                            differences: [{
                                path: "refresh_token",
                                expected: "a refresh token that stays valid when used (the stack keeps the one you stored, and every run starts from it)",
                                received: "invalid_grant after one use: the realm makes refresh tokens single-use (Keycloak's Revoke Refresh Token), so each run breaks the next; use ucaas:masergyUsername and ucaas:masergyPassword instead",
                            }],
                        };
                    }
                    return { summary: "the stored offline refresh token works again after a grant: it is not single-use" };
                },
            },
            {
                name: "groups",
                request: "GET user/available_groups",
                async run() {
                    groups = await api.availableGroups(withClient());
                    return { summary: count(groups.length, "group") };
                },
            },
            {
                name: "user/find",
                request: "GET user/find?GROUP_ID",
                async run() {
                    const groupId = firstGroup();
                    users = await api.findUsers(withClient(), { groupId });
                    return { summary: `${count(users.length, "user")} in ${groupId ? "the first group" : "the account's enterprise (no group is listed)"}` };
                },
            },
            {
                name: "user/find EXACT",
                request: "GET user/find?GROUP_ID&USER_ID&USER_ID_MATCH_TYPE=EXACT",
                async run() {
                    const [listed] = needs(users, "user/find");
                    if (!listed) return { summary: "no user listed: nothing to find again" };
                    // The group searched, as a resource searches its own group.
                    const groupId = firstGroup() ?? listed.groupId;
                    if (groupId === undefined) throw new NotTried("not tried: no group is listed and the user/find answer names none");
                    const found = await api.findUser(withClient(), { groupId, userId: listed.userId });
                    const summary = "the first listed user, found again by its userId as MasergyUser finds its user";
                    if (found) return { summary };
                    return {
                        summary,
                        differences: [{
                            path: "users",
                            expected: "the user the group's search listed (without it, MasergyUser takes its user for deleted)",
                            received: "no user with that userId",
                        }],
                    };
                },
            },
            {
                name: "time zones",
                request: "GET user/available_time_zones",
                async run() {
                    const zones = await api.availableTimeZones(withClient());
                    return { summary: `${count(zones.length, "zone")}, the ones MasergyUser's timeZone accepts`, differences: timeZoneDifferences(zones) };
                },
            },
            {
                name: "device models",
                request: "GET user/available_device_models",
                run: async () => ({ summary: count((await api.availableDeviceModels(withClient())).length, "device model") }),
            },
            {
                name: "service packs",
                request: "GET user/available_main_service_packs?GROUP_ID",
                async run() {
                    const groupId = firstGroup();
                    if (!groupId) return { summary: "no group: nothing to read" };
                    return { summary: `${count((await api.availableMainServicePacks(withClient(), groupId)).length, "main service pack")} in the first group` };
                },
            },
            {
                name: "phone numbers",
                request: "GET user/available_phone_numbers?GROUP_ID",
                async run() {
                    const groupId = firstGroup();
                    if (!groupId) return { summary: "no group: nothing to read" };
                    const numbers = await api.availablePhoneNumbers(withClient(), groupId);
                    return { summary: `${count(numbers.length, "available number")} in the first group, in E.164`, differences: phoneNumberDifferences(numbers) };
                },
            },
        ];
        const taskId = options.masergyTaskId;
        if (taskId !== undefined) {
            checks.push({
                name: "task view",
                request: "GET task/{taskId}/view",
                async run() {
                    const view = await api.viewTask(withClient(), taskId);
                    const differences: Difference[] = [];
                    if (!isKnownTaskStatus(view.status)) {
                        differences.push({
                            path: "status",
                            expected: `one of ${knownTaskStatuses.join(", ")} (a job waits on any other status as if still running)`,
                            received: vocabulary(view.status),
                        });
                    }
                    if (view.taskResult !== undefined && !knownTaskResults.includes(view.taskResult.toUpperCase())) {
                        differences.push({ path: "taskResult", expected: `${knownTaskResults.join(" or ")} (any other result of a completed task counts as failed)`, received: vocabulary(view.taskResult) });
                    }
                    const result = view.taskResult === undefined ? "" : `, taskResult ${vocabulary(view.taskResult)}`;
                    return { summary: `status ${vocabulary(view.status)}${result}, ${count(view.steps.length, "step")}`, differences };
                },
            });
        }
        return checks;
    },
};
