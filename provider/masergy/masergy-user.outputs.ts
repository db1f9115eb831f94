/**
 * What a MasergyUser records in state: its inputs, the last job that changed it, the create task's
 * result data, and two hidden notes (hidden from diffs by their `__` prefix) for work that did not
 * finish: a job still running at our deadline, or a create whose task failed after the account existed.
 */
import type { Props } from "../dynamic/handlers";
import type { JobReceipt, Notifications, UserKey } from "./masergy-api";
import { masergyNotificationKeys, masergyUserComputedKeys } from "./masergy-user.schema";

/** A job accepted in an earlier run that had not finished; every operation settles it first. */
export interface PendingJob extends JobReceipt {
    kind: "create" | "update";
}

export const pendingJobKey = "__pendingJob";
/** The failed steps of a create that left an incomplete user; the next `up` replaces it. */
export const incompleteCreateKey = "__incompleteCreate";

export function outputsOf(inputs: Props, job: JobReceipt | undefined, resultData?: Record<string, string>): Props {
    return {
        ...inputs,
        jobId: job?.jobId,
        taskId: job?.taskId,
        ...(resultData && Object.keys(resultData).length
            ? { resultData, conferenceId: resultData.conferenceId, conferenceModeratorPin: resultData.conferenceModeratorPin }
            : {}),
    };
}

/** The computed outputs of `props` (job ids, result data), to carry over into new outputs. */
export function computedOf(props: Props): Props {
    return Object.fromEntries(masergyUserComputedKeys.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]));
}

export function withoutNotes(props: Props): Props {
    const { [pendingJobKey]: _pending, [incompleteCreateKey]: _incomplete, ...rest } = props;
    return rest;
}

export function pendingJobOf(props: Props): PendingJob | undefined {
    const pending = props[pendingJobKey] as PendingJob | undefined;
    return pending?.taskId ? pending : undefined;
}

export const keyOf = (props: Props): UserKey => ({
    enterpriseId: props.enterpriseId as string | undefined,
    groupId: props.groupId as string,
    userId: props.userId as string,
});

export const notificationsOf = (props: Props): Notifications =>
    Object.fromEntries(masergyNotificationKeys.map((key) => [key, props[key]])) as Notifications;
