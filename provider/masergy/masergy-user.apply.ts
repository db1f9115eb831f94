/**
 * Brings an existing Masergy user to the desired names, phone number and web portal password,
 * one asynchronous call each and only the calls needed, waiting for each job. When a call fails
 * after an earlier one finished, or a job is still running at our deadline, the error records what
 * was reached (and the unfinished job, so the next run settles it first).
 */
import { changedKeys } from "../dynamic/diff";
import type { Props } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import type { VendorClient } from "../http/client";
import * as api from "./masergy-api";
import { MasergyTaskFailedError } from "./masergy-errors";
import { followJob } from "./jobs";
import { keyOf, notificationsOf, pendingJobKey, type PendingJob } from "./masergy-user.outputs";

interface Change {
    keys: readonly string[];
    what: string;
    submit: () => Promise<api.JobReceipt>;
}

function changesFor(client: VendorClient, current: Props, desired: Props): Change[] {
    const key = keyOf(desired);
    const notifications = notificationsOf(desired);
    const differs = (...keys: string[]) => changedKeys(keys, current, desired).length > 0;
    const changes: Change[] = [];
    if (differs("firstName", "lastName")) {
        const names = { firstName: desired.firstName as string, lastName: desired.lastName as string };
        changes.push({ keys: ["firstName", "lastName"], what: `rename user ${key.userId}`, submit: () => api.updateName(client, key, names, notifications) });
    }
    if (differs("phoneNumber") && (desired.phoneNumber !== undefined || current.phoneNumber !== undefined)) {
        const phone = desired.phoneNumber as string | undefined;
        changes.push({
            keys: ["phoneNumber"],
            what: `change the phone number of user ${key.userId}`,
            submit: () => api.updatePhoneNumber(client, key, phone, notifications),
        });
    }
    if (differs("webPortalPassword")) {
        const password = desired.webPortalPassword as string;
        changes.push({
            keys: ["webPortalPassword"],
            what: `change the web portal password of user ${key.userId}`,
            submit: () => api.updateWebPortalPassword(client, key, password, notifications),
        });
    }
    return changes;
}

/**
 * Applies the in-place changes from `current` to `desired` and returns the state reached (with the
 * last job's ids). For adoption, `current` is what Masergy reports.
 */
export async function applyInPlace(client: VendorClient, id: string, current: Props, desired: Props): Promise<Props> {
    const reached: Props = { ...current };
    let progressed = false;
    // Nothing changed yet: the original error says it best and the old state stands. Otherwise record what was reached.
    const failure = (error: Error): Error =>
        progressed ? new ResourceInitError(id, { ...reached }, `Masergy user ${id} was only partly updated: ${error.message}`) : error;

    for (const change of changesFor(client, current, desired)) {
        let job: api.JobReceipt;
        try {
            job = await change.submit();
        } catch (error) {
            throw failure(error as Error);
        }
        const result = await followJob(client, job, change.what);
        if (result.state === "failed") {
            throw failure(new MasergyTaskFailedError(change.what, job, result));
        }
        if (result.state === "unfinished") {
            const pending: PendingJob = { kind: "update", ...job };
            throw new ResourceInitError(
                id,
                { ...reached, jobId: job.jobId, taskId: job.taskId, [pendingJobKey]: pending },
                `Masergy: ${change.what}: ${result.reason}. The next \`pulumi up\` checks that job before doing anything else.`,
            );
        }
        for (const key of change.keys) {
            reached[key] = desired[key];
        }
        reached.jobId = job.jobId;
        reached.taskId = job.taskId;
        progressed = true;
    }
    return reached;
}
