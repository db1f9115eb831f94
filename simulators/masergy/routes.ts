/**
 * The provisioning API under `/apiman-gateway/MasergyUCaaS/provisioning/1.0`: the five asynchronous
 * writes, `user/find`, the task report and the lookups.
 */
import type { Route } from "../common/router";
import { DEVICE_MODELS } from "./catalog";
import { apiError, badQuery } from "./errors";
import { findUsers } from "./find";
import { validateRequest, type RequestKind } from "./requests";
import type { MasergyState } from "./state";
import { planFor } from "./task-plans";
import { TASK_TYPES } from "./task-view";
import type { TaskQueue } from "./tasks";
import { SUPPORTED_TIME_ZONES } from "./time-zones";

export const API_PREFIX = "/apiman-gateway/MasergyUCaaS/provisioning/1.0";

const WRITES: RequestKind[] = ["create", "delete", "update_name", "update_phone_number", "update_web_portal_password"];

/** Refuses query parameters the guide does not name for the endpoint, and missing required ones. */
function checkQuery(query: Record<string, string>, allowed: readonly string[], required: readonly string[] = []): void {
  const problems = Object.keys(query)
    .filter((key) => !allowed.includes(key))
    .map((field) => ({ field, message: "unknown query parameter" }));
  for (const field of required) if (!query[field]) problems.push({ field, message: "is required" });
  if (problems.length) throw badQuery(problems);
}

/** The group named by the required GROUP_ID parameter. */
function groupOf(query: Record<string, string>, state: MasergyState) {
  checkQuery(query, ["GROUP_ID"], ["GROUP_ID"]);
  const group = state.group(query.GROUP_ID);
  if (!group) throw apiError(404, "NOT_FOUND", `Group ${query.GROUP_ID} not found`);
  return group;
}

export function provisioningRoutes(state: MasergyState, tasks: TaskQueue): Route[] {
  const writes: Route[] = WRITES.map((kind) => ({
    method: "POST",
    pattern: `${API_PREFIX}/user/${kind}`,
    body: "json",
    handler: ({ body }) => {
      const request = validateRequest(kind, state, body);
      const receipt = tasks.submit(TASK_TYPES[kind], request, planFor(kind, state, request));
      return { status: 200, body: { accepted: true, ...receipt } };
    },
  }));
  return [
    ...writes,
    { method: "GET", pattern: `${API_PREFIX}/user/find`, handler: ({ query }) => ({ status: 200, body: findUsers(state, query) }) },
    {
      method: "GET",
      pattern: `${API_PREFIX}/task/{taskId}/view`,
      handler: ({ params, query }) => {
        checkQuery(query, []);
        const view = tasks.view(params.taskId);
        if (!view) throw apiError(404, "NOT_FOUND", `Task ${params.taskId} not found`);
        return { status: 200, body: view };
      },
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/user/available_phone_numbers`,
      handler: ({ query }) => {
        const group = groupOf(query, state);
        return { status: 200, body: { groupId: group.groupId, phoneNumbers: state.availablePhoneNumbers(group) } };
      },
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/user/available_main_service_packs`,
      handler: ({ query }) => {
        const group = groupOf(query, state);
        return { status: 200, body: { groupId: group.groupId, servicePacks: group.servicePacks } };
      },
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/user/available_device_models`,
      handler: ({ query }) => (checkQuery(query, []), { status: 200, body: { deviceModels: DEVICE_MODELS } }),
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/user/available_time_zones`,
      handler: ({ query }) => (checkQuery(query, []), { status: 200, body: { timeZones: SUPPORTED_TIME_ZONES } }),
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/user/available_groups`,
      handler: ({ query }) => {
        checkQuery(query, []);
        const groups = state.listGroups().map(({ enterpriseId, groupId, name }) => ({ enterpriseId, groupId, name }));
        return { status: 200, body: { groups } };
      },
    },
  ];
}
