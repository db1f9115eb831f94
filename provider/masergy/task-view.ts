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

// The simulator's view of a task (kept here until the simulator holds its own copy, issue 10 section 5).

export type TerminalTaskStatus = "COMPLETED" | "FAILED";
export type TaskStatus = "QUEUED" | "RUNNING" | TerminalTaskStatus;
export type StepStatus = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "SKIPPED";

/** The task types the provisioning API's convenience calls create (one task per job). */
export type TaskType =
    | "CREATE_USER"
    | "DELETE_USER"
    | "UPDATE_USER_NAME"
    | "UPDATE_USER_PHONE_NUMBER"
    | "UPDATE_USER_WEB_PORTAL_PASSWORD";

export interface TaskStepView {
    name: string;
    status: StepStatus | string;
    message?: string;
    startedAt?: string;
    completedAt?: string;
}

export interface TaskView {
    taskId: string;
    jobId: string;
    type: TaskType | string;
    status: TaskStatus | string;
    userData?: string;
    createdAt: string;
    startedAt?: string;
    completedAt?: string;
    steps: TaskStepView[];
    resultData?: Record<string, string>;
}
