/**
 * Following a submitted Masergy job to its end: the poll interval and deadline come from the
 * settings, progress goes to the deployment's output at most once a minute, and every way a wait
 * can end is reported, so callers turn "accepted but not finished" into a recorded partial failure.
 */
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { masergyJobTiming } from "./client";
import { waitForTask } from "./job-waiter";
import { viewTask, type JobReceipt } from "./masergy-api";
import { currentStep, type TaskStepView, type TaskView } from "./task-view";

export type JobResult =
    | { state: "completed"; job: JobReceipt; view: TaskView }
    | { state: "failed"; job: JobReceipt; view: TaskView; failedSteps: TaskStepView[] }
    /**
     * Still running at our deadline, or we lost track of it: the job may yet complete. `forgotten`:
     * Masergy no longer knows the task (404), so only the user's existence tells what it did.
     */
    | { state: "unfinished"; job: JobReceipt; reason: string; forgotten?: boolean };

const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms / 6_000) / 10} min`);

/** One line for the deployment log: which user, which job, which step. Never a field value. */
export function progressLine(what: string, job: JobReceipt, view: TaskView, waitedMs: number): string {
    const step = currentStep(view);
    const where = step ? `, step ${step.position}/${step.total} "${step.step.name}"` : "";
    return `Masergy: still waiting to ${what}: job ${job.jobId} (task ${job.taskId}) is ${view.status}${where} after ${duration(waitedMs)}`;
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
            pollFirst: options.resume,
            onProgress: (view, waitedMs) => console.log(progressLine(what, job, view, waitedMs)),
        });
        switch (outcome.state) {
            case "completed":
                return { state: "completed", job, view: outcome.view };
            case "failed":
                return { state: "failed", job, view: outcome.view, failedSteps: outcome.failedSteps };
            case "deadline":
                return {
                    state: "unfinished",
                    job,
                    reason:
                        `job ${job.jobId} (task ${job.taskId}) was still ${outcome.view?.status ?? "running"} after ` +
                        `${duration(outcome.waitedMs)} (ucaas:masergyJobTimeoutMinutes)`,
                };
        }
    } catch (error) {
        const reason = `job ${job.jobId} (task ${job.taskId}) could not be followed: ${(error as Error).message}`;
        return { state: "unfinished", job, reason, ...(error instanceof VendorApiError && error.isNotFound && { forgotten: true }) };
    }
}
