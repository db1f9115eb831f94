/**
 * A real job queue: every accepted write becomes a job with one task whose steps run one after
 * another on timers, spread over the configured job duration. Tests can make the next matching
 * task fail at a chosen step, hang at a step until released, report a status of its own before it
 * starts (as a newer Masergy might: "ON_HOLD"), or end with a `taskResult` of its own. When a task
 * ends, the webhook and email notifications of the request go out.
 */
import { randomUUID } from "node:crypto";
import type { Notifier } from "./notifications";
import { StepFailure, type PlannedStep } from "./task-plans";
import type { TaskType, TaskView } from "./task-view";

/**
 * What the next task (of `taskType`; for fail and hang, having step `step`) does instead of its
 * normal run: fail at `step`; hang at `step` (default its first) until released; report `status`
 * (default "ON_HOLD") instead of starting, for `durationMs` or, without it, until released, and then
 * run normally; or run normally and end with `taskResult` instead of "OK" / "FAILED".
 */
export type TaskFault =
  | { kind: "fail"; step: string; message?: string; taskType?: string }
  | { kind: "hang"; step?: string; taskType?: string }
  | { kind: "hold"; status?: string; durationMs?: number; taskType?: string }
  | { kind: "result"; taskResult: string; taskType?: string };

const FAULT_FIELDS: Record<TaskFault["kind"], string[]> = {
  fail: ["step", "message"],
  hang: ["step"],
  hold: ["status", "durationMs"],
  result: ["taskResult"],
};

/** Checks a task fault from the admin API or a test; throws an Error naming the first problem. */
export function parseTaskFault(value: unknown): TaskFault {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("a task fault must be a JSON object");
  const fault = value as Record<string, unknown>;
  const kinds = Object.keys(FAULT_FIELDS);
  if (!kinds.includes(fault.kind as string)) throw new Error(`kind must be one of ${kinds.map((k) => `"${k}"`).join(", ")}`);
  const allowed = ["kind", "taskType", ...FAULT_FIELDS[fault.kind as TaskFault["kind"]]];
  const unknown = Object.keys(fault).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new Error(`unknown field(s) for a ${fault.kind} fault: ${unknown.join(", ")}`);
  for (const key of ["step", "message", "taskType", "status", "taskResult"]) {
    if (fault[key] !== undefined && (typeof fault[key] !== "string" || fault[key] === "")) throw new Error(`${key} must be a non-empty string`);
  }
  if (fault.kind === "fail" && fault.step === undefined) throw new Error("a fail fault needs the step name");
  if (fault.kind === "result" && fault.taskResult === undefined) throw new Error("a result fault needs the taskResult to report");
  if (fault.durationMs !== undefined && !(typeof fault.durationMs === "number" && fault.durationMs >= 0 && Number.isFinite(fault.durationMs))) {
    throw new Error("durationMs must be a non-negative number");
  }
  return structuredClone(fault) as TaskFault;
}

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

  addFault(fault: TaskFault): TaskFault {
    const checked = parseTaskFault(fault);
    this.faults.push(checked);
    return structuredClone(checked);
  }

  /** Queues a task; its steps start after a share of the job duration. */
  submit(type: TaskType, request: Record<string, unknown>, plan: PlannedStep[]): { jobId: string; taskId: string } {
    const view: TaskView = {
      taskId: randomUUID(),
      jobId: randomUUID(),
      type,
      status: "QUEUED",
      ...(typeof request.userData === "string" && { userData: request.userData }),
      createdAt: now(),
      steps: plan.map((step) => ({ name: step.name, status: "PENDING" })),
    };
    const hasStep = (f: TaskFault) => !("step" in f) || f.step === undefined || plan.some((step) => step.name === f.step);
    const faultIndex = this.faults.findIndex((f) => (!f.taskType || f.taskType === type) && hasStep(f));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0] : undefined;
    const task: RunningTask = { view, plan, request, fault, phaseMs: this.durationMs / (plan.length + 1) };
    this.tasks.set(view.taskId, task);
    this.later(task.phaseMs, () => (fault?.kind === "hold" ? this.hold(task, fault) : this.begin(task)));
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

  private begin(task: RunningTask): void {
    task.view.status = "RUNNING";
    task.view.startedAt = now();
    this.startStep(task, 0);
  }

  /** Reports the fault's status instead of starting, then starts after its duration or when released. */
  private hold(task: RunningTask, fault: Extract<TaskFault, { kind: "hold" }>): void {
    task.view.status = fault.status ?? "ON_HOLD";
    const go = () => {
      task.resume = undefined;
      this.begin(task);
    };
    if (fault.durationMs === undefined) task.resume = go;
    else this.later(fault.durationMs, go);
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
    const { view, request, fault } = task;
    view.status = status;
    view.completedAt = now();
    view.taskResult = fault?.kind === "result" ? fault.taskResult : status === "COMPLETED" ? "OK" : "FAILED";
    const userData = request.userData as string | undefined;
    if (typeof request.notificationWebhookUrl === "string") {
      const url = request.notificationWebhookUrl;
      this.notifier.webhook(url, {
        type: "TASK_COMPLETED",
        jobId: view.jobId,
        taskId: view.taskId,
        taskResult: view.taskResult,
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
