/**
 * A real job queue: every accepted write becomes a job with one task whose steps run one after
 * another on timers, spread over the configured job duration. Tests can make the next matching
 * task fail at a chosen step, or hang at a step until released. When a task ends, the webhook and
 * email notifications of the request go out.
 */
import { randomUUID } from "node:crypto";
import type { TaskView } from "../../provider/masergy/task-view";
import type { Notifier } from "./notifications";
import { StepFailure, type PlannedStep } from "./task-plans";

/** Makes the next task (of `taskType`, having step `step`) fail there, or hang there until released. */
export type TaskFault =
  | { kind: "fail"; step: string; message?: string; taskType?: string }
  | { kind: "hang"; step?: string; taskType?: string };

interface RunningTask {
  view: TaskView;
  plan: PlannedStep[];
  request: Record<string, unknown>;
  fault?: TaskFault;
  phaseMs: number;
  /** Set while hung: continues the task. */
  resume?: () => void;
}

const now = () => new Date().toISOString();

export class TaskQueue {
  private tasks = new Map<string, RunningTask>();
  private faults: TaskFault[] = [];
  private timers = new Set<NodeJS.Timeout>();

  constructor(private readonly notifier: Notifier, private durationMs: number) {}

  setDuration(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`job duration must be a non-negative number of milliseconds, got ${ms}`);
    this.durationMs = ms;
  }

  get duration(): number {
    return this.durationMs;
  }

  addFault(fault: TaskFault): void {
    this.faults.push(structuredClone(fault));
  }

  /** Queues a task; its steps start after a share of the job duration. */
  submit(type: string, request: Record<string, unknown>, plan: PlannedStep[]): { jobId: string; taskId: string } {
    const view: TaskView = {
      taskId: randomUUID(),
      jobId: randomUUID(),
      type,
      status: "QUEUED",
      ...(typeof request.userData === "string" && { userData: request.userData }),
      createdAt: now(),
      steps: plan.map((step) => ({ name: step.name, status: "PENDING" })),
    };
    const faultIndex = this.faults.findIndex(
      (f) => (!f.taskType || f.taskType === type) && (f.step === undefined || plan.some((step) => step.name === f.step)),
    );
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    const task: RunningTask = { view, plan, request, fault, phaseMs: this.durationMs / (plan.length + 1) };
    this.tasks.set(view.taskId, task);
    this.later(task.phaseMs, () => {
      view.status = "RUNNING";
      view.startedAt = now();
      this.startStep(task, 0);
    });
    return { jobId: view.jobId, taskId: view.taskId };
  }

  view(taskId: string): TaskView | undefined {
    const task = this.tasks.get(taskId);
    return task && structuredClone(task.view);
  }

  list(): TaskView[] {
    return [...this.tasks.values()].map((task) => structuredClone(task.view));
  }

  /** Lets every hung task go on; returns how many there were. */
  release(): number {
    const hung = [...this.tasks.values()].filter((task) => task.resume);
    for (const task of hung) {
      const resume = task.resume!;
      task.resume = undefined;
      resume();
    }
    return hung.length;
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.tasks.clear();
    this.faults = [];
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private startStep(task: RunningTask, index: number): void {
    if (index === task.plan.length) return this.finish(task, "COMPLETED");
    const step = task.view.steps[index];
    step.status = "RUNNING";
    step.startedAt = now();
    const proceed = () => this.later(task.phaseMs, () => this.endStep(task, index));
    const fault = task.fault;
    if (fault?.kind === "hang" && (fault.step ?? task.plan[0].name) === step.name) {
      task.fault = undefined;
      task.resume = proceed;
      return;
    }
    proceed();
  }

  private endStep(task: RunningTask, index: number): void {
    const step = task.view.steps[index];
    const fault = task.fault;
    try {
      if (fault?.kind === "fail" && fault.step === step.name) {
        throw new StepFailure(fault.message ?? `step ${step.name} failed`);
      }
      const result = task.plan[index].run();
      if (result) task.view.resultData = { ...task.view.resultData, ...result };
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error;
      Object.assign(step, { status: "FAILED", message: error.message, completedAt: now() });
      for (const later of task.view.steps.slice(index + 1)) later.status = "SKIPPED";
      return this.finish(task, "FAILED");
    }
    Object.assign(step, { status: "COMPLETED", completedAt: now() });
    this.startStep(task, index + 1);
  }

  private finish(task: RunningTask, status: "COMPLETED" | "FAILED"): void {
    const { view, request } = task;
    view.status = status;
    view.completedAt = now();
    const userData = request.userData as string | undefined;
    if (typeof request.notificationWebhookUrl === "string") {
      const url = request.notificationWebhookUrl;
      this.notifier.webhook(url, {
        type: "TASK_COMPLETED",
        jobId: view.jobId,
        taskId: view.taskId,
        taskResult: status === "COMPLETED" ? "OK" : "FAILED",
        userData,
        resultData: view.resultData ?? {},
      });
      this.notifier.webhook(url, { type: "JOB_COMPLETED", jobId: view.jobId, status, userData });
    }
    if (typeof request.notificationEmailAddress === "string") {
      this.notifier.email(request.notificationEmailAddress, { userData, jobId: view.jobId, status });
    }
  }
}
