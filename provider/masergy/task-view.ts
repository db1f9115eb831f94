/**
 * The body of `GET task/{taskId}/view`. Masergy documents the endpoint but not its body, so this is
 * the shape our simulator serves and our job waiter reads, defined here once for both. Statuses we
 * do not know count as still running: a new vendor status must never end a wait early.
 */

/** Task statuses that end a wait; anything else (QUEUED, RUNNING, or a status we have never seen) is running. */
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
    /** What the step does, in words: "create account", "assign device". */
    name: string;
    status: StepStatus | string;
    /** Why a step failed (or a note on one that completed). */
    message?: string;
    startedAt?: string;
    completedAt?: string;
}

export interface TaskView {
    taskId: string;
    jobId: string;
    type: TaskType | string;
    status: TaskStatus | string;
    /** Echoed as submitted. */
    userData?: string;
    /** RFC 3339 timestamps. */
    createdAt: string;
    startedAt?: string;
    completedAt?: string;
    steps: TaskStepView[];
    /** Values the task generated, e.g. `conferenceId` and `conferenceModeratorPin`; present once completed. */
    resultData?: Record<string, string>;
}

export function isFinished(view: Pick<TaskView, "status">): view is TaskView & { status: TerminalTaskStatus } {
    return view.status === "COMPLETED" || view.status === "FAILED";
}

export function failedSteps(view: Pick<TaskView, "steps">): TaskStepView[] {
    return (view.steps ?? []).filter((step) => step.status === "FAILED");
}

/** The step being worked on: the running one, else the next pending one. */
export function currentStep(view: Pick<TaskView, "steps">): { step: TaskStepView; position: number; total: number } | undefined {
    const steps = view.steps ?? [];
    const index = [steps.findIndex((s) => s.status === "RUNNING"), steps.findIndex((s) => s.status === "PENDING")].find((i) => i >= 0);
    return index === undefined ? undefined : { step: steps[index], position: index + 1, total: steps.length };
}
