/**
 * What a Masergy task view means. Masergy documents the endpoint (`GET task/{taskId}/view`) but not
 * its body; `MasergyTaskView` in masergy-answers.ts is our reading of it, and this module decides
 * what a view says about the task:
 * - QUEUED and RUNNING: still running. A status we do not know also counts as running (a new vendor
 *   status must never end a wait early, nor be taken for success); the job waiter names it.
 * - FAILED: failed, with its failed steps.
 * - COMPLETED: succeeded, unless the view carries a `taskResult` other than "OK" (the seed's task
 *   notification reports `"taskResult": "OK"`; a completed task reporting anything else did not do
 *   what was asked, so it counts as failed). A view without `taskResult` is read by its status alone.
 * - Whether a create task made the account: its "create account" step (see `accountMadeBy`).
 */
import type { z } from "zod";
import type { MasergyTaskView } from "./masergy-answers";

export type TaskViewAnswer = z.output<typeof MasergyTaskView>;
export type TaskStep = TaskViewAnswer["steps"][number];

export const knownTaskStatuses = ["QUEUED", "RUNNING", "COMPLETED", "FAILED"] as const;

export function isKnownTaskStatus(status: string): boolean {
    return (knownTaskStatuses as readonly string[]).includes(status);
}

export type TaskOutcome =
    | { state: "running" }
    | { state: "completed" }
    /** `reason` words why: the failed steps, or the task result. */
    | { state: "failed"; failedSteps: TaskStep[]; reason: string };

export function failedSteps(view: Pick<TaskViewAnswer, "steps">): TaskStep[] {
    return view.steps.filter((step) => step.status === "FAILED");
}

export function describeFailedSteps(steps: readonly TaskStep[]): string {
    return steps.length
        ? steps.map((step) => `step "${step.name}" failed${step.message ? `: ${step.message}` : ""}`).join("; ")
        : "no step reported a failure";
}

export function taskOutcome(view: TaskViewAnswer): TaskOutcome {
    if (view.status === "FAILED") {
        const steps = failedSteps(view);
        return { state: "failed", failedSteps: steps, reason: describeFailedSteps(steps) };
    }
    if (view.status !== "COMPLETED") {
        return { state: "running" };
    }
    if (view.taskResult !== undefined && view.taskResult.toUpperCase() !== "OK") {
        const steps = failedSteps(view);
        const stepText = steps.length ? `; ${describeFailedSteps(steps)}` : "";
        return { state: "failed", failedSteps: steps, reason: `completed with task result "${view.taskResult}", not "OK"${stepText}` };
    }
    return { state: "completed" };
}

/** The step being worked on: the running one, else the next pending one. */
export function currentStep(view: Pick<TaskViewAnswer, "steps">): { step: TaskStep; position: number; total: number } | undefined {
    const steps = view.steps;
    const index = [steps.findIndex((s) => s.status === "RUNNING"), steps.findIndex((s) => s.status === "PENDING")].find((i) => i >= 0);
    return index === undefined ? undefined : { step: steps[index], position: index + 1, total: steps.length };
}

/**
 * The step of a "create user" task that makes the BroadWorks account. The seed names it
 * ("create account", lines 160-162: a "create user" Task creates Steps like "create account",
 * "create device", "assign device"); the later steps need the account.
 */
export const accountStepName = "create account";

/**
 * Whether a create task made the account: its "create account" step COMPLETED ("made"); FAILED,
 * SKIPPED or not started yet ("not made": a user that exists was made by someone else, e.g. an
 * earlier create of the same user); no such step, or a step status we do not know ("unknown").
 */
export function accountMadeBy(view: Pick<TaskViewAnswer, "steps">): "made" | "not made" | "unknown" {
    const step = view.steps.find((s) => s.name.trim().toLowerCase() === accountStepName);
    switch (step?.status.toUpperCase()) {
        case "COMPLETED":
            return "made";
        case "FAILED":
        case "SKIPPED":
        case "PENDING":
            return "not made";
        default:
            return "unknown";
    }
}
