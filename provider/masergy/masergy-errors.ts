/**
 * How Masergy reports problems: the provisioning API refuses a request with
 * `{accepted: false, code, message, errors: [{field, message}]}`, its apiman gateway with
 * `{type, failureCode, responseCode, message}`, and the Keycloak token endpoint with
 * `{error, error_description}`. A task that ran and failed is reported by its failed steps.
 */
import { MasergyApiError } from "../http/errors";
import type { TaskStepView, TaskView } from "./task-view";

interface MasergyErrorBody {
    // provisioning API
    accepted?: boolean;
    code?: string;
    message?: string;
    errors?: Array<{ field?: string; message?: string }>;
    // apiman gateway
    type?: string;
    failureCode?: number;
    // Keycloak
    error?: string;
    error_description?: string;
}

export function parseMasergyError(body: unknown): { code?: string; message?: string; detail?: unknown } {
    if (typeof body === "string") {
        return body ? { message: body.slice(0, 300) } : {};
    }
    const b = (body ?? {}) as MasergyErrorBody;
    if (b.error !== undefined) {
        return { code: b.error, message: b.error_description };
    }
    const fieldProblems = (b.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).filter(Boolean);
    const message = [b.message, ...fieldProblems].filter(Boolean).join("; ") || undefined;
    const code = b.code ?? (b.failureCode !== undefined ? `${b.type ?? "Failure"} ${b.failureCode}` : undefined);
    return { code, message, detail: b.errors?.length ? b.errors : undefined };
}

export function describeFailedSteps(steps: readonly TaskStepView[]): string {
    return steps.length
        ? steps.map((step) => `step "${step.name}" failed${step.message ? `: ${step.message}` : ""}`).join("; ")
        : "no step reported a failure";
}

/** A task that was accepted and ran, but failed; the message names every failed step. */
export class MasergyTaskFailedError extends MasergyApiError {
    readonly jobId: string;
    readonly taskId: string;
    readonly failedSteps: TaskStepView[];

    constructor(operation: string, view: TaskView, steps: TaskStepView[]) {
        super({ operation, vendorCode: "TASK_FAILED", vendorMessage: describeFailedSteps(steps) });
        this.name = "MasergyTaskFailedError";
        this.jobId = view.jobId;
        this.taskId = view.taskId;
        this.failedSteps = steps;
        // No HTTP status belongs to a failed task; say what failed instead of "no response".
        this.message = `Masergy: ${operation} failed: task ${view.taskId} (job ${view.jobId}) ${describeFailedSteps(steps)}`;
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
