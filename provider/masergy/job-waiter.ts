/**
 * Waits for one Masergy task by polling its view. It decides nothing about errors: it reports how
 * the wait ended and the caller decides what that means for the resource (a failed create, a
 * partial failure to resume later, ...). Intervals, deadline, poll budget, clock and sleep are injectable.
 */
import { PollBudget, takeTurn } from "./poll-budget";
import { isKnownTaskStatus, taskOutcome, type TaskStep, type TaskViewAnswer } from "./task-view";

export type WaitOutcome =
    | { state: "completed"; view: TaskViewAnswer; polls: number }
    /** `reason` words why it failed: its failed steps, or a completed task's result other than "OK". */
    | { state: "failed"; view: TaskViewAnswer; failedSteps: TaskStep[]; reason: string; polls: number }
    /** A poll at or after our deadline still saw the task queued or running (or in a status we do not know). */
    | { state: "deadline"; view?: TaskViewAnswer; polls: number; waitedMs: number };

export interface WaitOptions {
    /** One `GET task/{taskId}/view`. Errors propagate: the caller knows what was accepted. */
    poll: () => Promise<TaskViewAnswer>;
    /** At least this long between two polls of this task, and between two polls of the `budget`. */
    intervalMs: number;
    /** Give up after this long, counted from the start of this wait (after the first poll at or past it). */
    timeoutMs: number;
    /** The run's shared poll budget (see poll-budget.ts); by default one of this wait's own. */
    budget?: PollBudget;
    /** Poll at once instead of after the first interval (resuming a task accepted in an earlier run). */
    pollFirst?: boolean;
    /** Called with the latest view at most once per `progressEveryMs` while the task runs. */
    onProgress?: (view: TaskViewAnswer, waitedMs: number) => void;
    progressEveryMs?: number;
    /** Called at once, the first time the task reports a status we do not know (the wait goes on). */
    onUnknownStatus?: (status: string, view: TaskViewAnswer, waitedMs: number) => void;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
}

const defaultProgressEveryMs = 60_000;

export async function waitForTask(options: WaitOptions): Promise<WaitOutcome> {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const progressEveryMs = options.progressEveryMs ?? defaultProgressEveryMs;
    const clock = { now, sleep };
    const budget = options.budget ?? new PollBudget();
    const started = now();
    const deadline = started + options.timeoutMs;
    const unknownSeen = new Set<string>();
    let lastProgress = started;
    let polls = 0;
    let view: TaskViewAnswer | undefined;
    // A poll is due one interval after the previous one was sent, not after it was answered, so the
    // vendor's answer time does not add to every wait; it goes out at the budget's next free turn
    // after that. Never more often than the interval, so the wait is not cut short at the deadline:
    // the deadline is declared after the first poll at or past it.
    let dueAt = options.pollFirst ? started : started + options.intervalMs;
    for (;;) {
        await takeTurn(budget, dueAt, options.intervalMs, clock);
        dueAt = now() + options.intervalMs;
        view = await options.poll();
        polls++;
        const outcome = taskOutcome(view);
        if (outcome.state === "completed") {
            return { state: "completed", view, polls };
        }
        if (outcome.state === "failed") {
            return { state: "failed", view, failedSteps: outcome.failedSteps, reason: outcome.reason, polls };
        }
        const at = now();
        if (!isKnownTaskStatus(view.status) && !unknownSeen.has(view.status)) {
            unknownSeen.add(view.status);
            options.onUnknownStatus?.(view.status, view, at - started);
        }
        if (at >= deadline) {
            return { state: "deadline", view, polls, waitedMs: at - started };
        }
        if (options.onProgress && at - lastProgress >= progressEveryMs) {
            lastProgress = at;
            options.onProgress(view, at - started);
        }
    }
}
