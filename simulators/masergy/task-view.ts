/**
 * This simulator's reading of the task report, `GET task/{taskId}/view`: the one place it is defined.
 *
 * The guide names the call ("Task report", masergy-ucaas-provisioning-api.txt lines 798-802: "Since
 * user creation has multiple steps, which might help you find the one that fails") and shows no
 * body. What it does say, and this view follows:
 * - one job holds one task for every call of today's API (lines 166-169);
 * - a task is made of steps such as "create account", "create device", "assign device" (lines 160-162),
 *   whose data "can be viewed" (line 163);
 * - a task ends with a `taskResult`, "OK" in the guide's webhook (lines 192-194, 204-206), and may
 *   carry `resultData` with generated values such as `conferenceId` and `conferenceModeratorPin`
 *   (lines 196-209); `userData` is saved "as-is along with the Job and Task" (lines 123-124);
 * - a job is "started, completed successfully or failed" (line 182); `COMPLETED` is a status (line 257).
 * The rest is this simulator's own reading, where the guide is silent: the field names below, the
 * statuses QUEUED / RUNNING / COMPLETED / FAILED, the step statuses, the task type names, and
 * `taskResult` "FAILED" for a task that failed. Faults can make a view report a status or a result
 * outside these (tasks.ts), as a newer Masergy might.
 */

/** What the simulator's own tasks report; an injected hold reports any other string. */
export type TaskStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
export type StepStatus = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "SKIPPED";
/** "OK" is the guide's; "FAILED" is ours. An injected result reports any other string. */
export type TaskResult = "OK" | "FAILED";

/** One task type per write of the guide ("create user", "update password", ... in its words). */
export const TASK_TYPES = {
  create: "CREATE_USER",
  delete: "DELETE_USER",
  update_name: "UPDATE_USER_NAME",
  update_phone_number: "UPDATE_USER_PHONE_NUMBER",
  update_web_portal_password: "UPDATE_USER_WEB_PORTAL_PASSWORD",
} as const;

export type TaskType = (typeof TASK_TYPES)[keyof typeof TASK_TYPES];

/** RFC 3339 times a task or a step has once it started, and once it ended. */
interface Progress {
  startedAt?: string;
  completedAt?: string;
}

/** A step in the guide's words ("create account", "assign device"), with why it failed if it did. */
export interface StepView extends Progress {
  name: string;
  status: StepStatus;
  message?: string;
}

export interface TaskView extends Progress {
  taskId: string;
  jobId: string;
  type: TaskType;
  status: TaskStatus | string;
  userData?: string;
  createdAt: string;
  steps: StepView[];
  /** Present once the task has ended. */
  taskResult?: TaskResult | string;
  resultData?: Record<string, string>;
}
