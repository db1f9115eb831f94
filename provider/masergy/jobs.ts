/**
 * Following a submitted Masergy job to its end: the poll interval and deadline come from the
 * settings, progress goes to the deployment's output at most once a minute (and at once when the
 * task reports a status we do not know), and every way a wait can end is reported, so callers turn
 * "accepted but not finished" into a recorded partial failure.
 */
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { scrubText } from "../http/redact";
import { registerSecretsIn } from "../http/secret-values";
import { masergyJobTiming } from "./client";
import { waitForTask } from "./job-waiter";
import { viewTask, type JobReceipt } from "./masergy-api";
import { masergyPollBudget } from "./poll-budget";
import { currentStep, type TaskStep, type TaskViewAnswer } from "./task-view";

export type JobResult =
    | { state: "completed"; job: JobReceipt; view: TaskViewAnswer }
    | { state: "failed"; job: JobReceipt; view: TaskViewAnswer; failedSteps: TaskStep[]; reason: string }
    /**
     * Still running at our deadline, or we lost track of it: the job may yet complete. `forgotten`:
     * Masergy says it no longer knows the task (its own 404), so only the user's existence tells what it did.
     */
    | { state: "unfinished"; job: JobReceipt; reason: string; forgotten?: boolean };

export const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 6_000) / 10} min`);

/** A vendor-chosen word, shown as it came but short and scrubbed. */
const shown = (text: string) => scrubText(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** One line for the deployment log: which user, which job, which step. Never a field value. */
export function progressLine(what: string, job: JobReceipt, view: TaskViewAnswer, waitedMs: number): string {
    const step = currentStep(view);
    const where = step ? `, step ${step.position}/${step.total} "${shown(step.step.name)}"` : "";
    return `Masergy: still waiting to ${what}: job ${job.jobId} (task ${job.taskId}) is ${shown(view.status)}${where} after ${duration(waitedMs)}`;
}

/** The line printed the first time a task reports a status we do not know. */
export function unknownStatusLine(what: string, job: JobReceipt, status: string, waitedMs: number): string {
    return (
        `Masergy: ${what}: job ${job.jobId} (task ${job.taskId}) reports status "${shown(status)}", which this package does not know; ` +
        `it counts as still running (waited ${duration(waitedMs)}; ucaas:masergyJobTimeoutMinutes bounds the wait)`
    );
}

/**
 * Waits for `job`. With `resume` the first poll is immediate: the job was accepted in an earlier
 * run and has had time to finish.
 */
export async function followJob(client: VendorClient, job: JobReceipt, what: string, options: { resume?: boolean } = {}): Promise<JobResult> {
    const timing = masergyJobTiming();
    try {
        const outcome = await waitForTask({
            poll: () => viewTask(client, job.taskId),
            intervalMs: timing.intervalMs,
            timeoutMs: timing.timeoutMs,
            budget: masergyPollBudget(client.baseUrl),
            pollFirst: options.resume,
            onProgress: (view, waitedMs) => console.log(progressLine(what, job, view, waitedMs)),
            onUnknownStatus: (status, _view, waitedMs) => console.log(unknownStatusLine(what, job, status, waitedMs)),
        });
        switch (outcome.state) {
            case "completed":
                // The generated values (e.g. the conference moderator PIN) are secret outputs from now on.
                registerSecretsIn(outcome.view.resultData);
                return { state: "completed", job, view: outcome.view };
            case "failed":
                return { state: "failed", job, view: outcome.view, failedSteps: outcome.failedSteps, reason: outcome.reason };
            case "deadline":
                return {
                    state: "unfinished",
                    job,
                    reason:
                        `job ${job.jobId} (task ${job.taskId}) was still ${outcome.view ? shown(outcome.view.status) : "running"} after ` +
                        `${duration(outcome.waitedMs)} (ucaas:masergyJobTimeoutMinutes)`,
                };
        }
    } catch (error) {
        const reason = `job ${job.jobId} (task ${job.taskId}) could not be followed: ${(error as Error).message}`;
        return { state: "unfinished", job, reason, ...(error instanceof VendorApiError && error.isNotFound && { forgotten: true }) };
    }
}
