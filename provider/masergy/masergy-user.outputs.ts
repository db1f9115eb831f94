/**
 * What a MasergyUser records in state: its inputs, the last job that changed it, the create task's
 * result data, and hidden notes (hidden from diffs by their `__` prefix) for work that did not
 * finish, which the next operation settles before anything else: a job still running at our
 * deadline, a create whose answer was lost, or a create whose task failed after the account existed.
 */
import type { Props } from "../dynamic/handlers";
import type { JobReceipt, Notifications, UserKey } from "./masergy-api";
import { masergyNotificationKeys, masergyUserComputedKeys } from "./masergy-user.schema";

/** A job accepted in an earlier run that had not finished; every operation settles it first. */
export interface PendingJob extends JobReceipt {
    kind: "create" | "update";
}

export const pendingJobKey = "__pendingJob";
/**
 * The failure of a create task that made the account and then failed a later step. The user is
 * checked live before anything is done about it (masergy-user.recorded.ts).
 */
export const incompleteCreateKey = "__incompleteCreate";
/**
 * Set by a live check (`read`, i.e. a refresh) that found the incomplete user really broken: only
 * then does the plan replace it. A plan without a refresh never deletes a user on the record alone.
 */
export const incompleteConfirmedKey = "__incompleteConfirmed";

/** "Create submitted, outcome unknown, user absent before": a `user/create` whose answer was lost. */
export interface LostCreate {
    /** When the create was sent (ISO 8601); a new one is sent only a job timeout later. */
    submittedAt: string;
    /** The error that lost the answer. */
    reason: string;
}
export const lostCreateKey = "__createOutcomeUnknown";

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
    const notes: string[] = [pendingJobKey, incompleteCreateKey, incompleteConfirmedKey, lostCreateKey];
    return Object.fromEntries(Object.entries(props).filter(([key]) => !notes.includes(key)));
}

export function pendingJobOf(props: Props): PendingJob | undefined {
    const pending = props[pendingJobKey] as PendingJob | undefined;
    return pending?.taskId ? pending : undefined;
}

export function lostCreateOf(props: Props): LostCreate | undefined {
    const lost = props[lostCreateKey] as LostCreate | undefined;
    return lost?.submittedAt ? lost : undefined;
}

export const keyOf = (props: Props): UserKey => ({
    enterpriseId: props.enterpriseId as string | undefined,
    groupId: props.groupId as string,
    userId: props.userId as string,
});

export const notificationsOf = (props: Props): Notifications =>
    Object.fromEntries(masergyNotificationKeys.map((key) => [key, props[key]])) as Notifications;
