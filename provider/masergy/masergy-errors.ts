/**
 * Errors for Masergy jobs that were accepted but did not end well. (How Masergy words a refusal is
 * read in masergy-answers.ts.)
 */
import { MasergyApiError } from "../http/errors";
import type { TaskStep } from "./task-view";

/** A task that was accepted and ran, but failed; the message names every failed step (or its task result). */
export class MasergyTaskFailedError extends MasergyApiError {
    readonly jobId: string;
    readonly taskId: string;
    readonly failedSteps: TaskStep[];

    constructor(operation: string, job: { jobId: string; taskId: string }, failure: { failedSteps: TaskStep[]; reason: string }) {
        super({ operation, vendorCode: "TASK_FAILED", vendorMessage: failure.reason });
        this.name = "MasergyTaskFailedError";
        this.jobId = job.jobId;
        this.taskId = job.taskId;
        this.failedSteps = failure.failedSteps;
        // No HTTP status belongs to a failed task; say what failed instead of "no response".
        this.message = `Masergy: ${operation} failed: task ${job.taskId} (job ${job.jobId}) ${failure.reason}`;
    }
}

/** A job that was accepted but had not finished when we stopped waiting for it. */
export class MasergyJobUnfinishedError extends MasergyApiError {
    constructor(operation: string, readonly jobId: string, readonly taskId: string, reason: string) {
        super({ operation, vendorCode: "JOB_UNFINISHED", vendorMessage: reason });
        this.name = "MasergyJobUnfinishedError";
        this.message = `Masergy: ${operation} did not finish: ${reason}`;
    }
}
