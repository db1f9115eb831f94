/** `/api/users*`: users, their secrets, role and Microsoft 365 binding. */
import type { Route } from "../common/router";
import { applyListQuery } from "./list-query";
import type { PortSipState } from "./state";
import {
  bindMs365,
  createUser,
  destroyUser,
  existingUser,
  setPassword,
  setRole,
  unbindMs365,
  updateUser,
} from "./user-rules";
import { fullUserView, summaryUserView } from "./user-views";

/** Filterable and sortable fields: the summary representation. */
const USER_LIST_FIELDS = {
  id: "string",
  name: "string",
  enabled: "boolean",
  email: "string",
  display_name: "string",
  role: "string",
  mobile_phone: "string",
  work_phone: "string",
  home_phone: "string",
  address: "string",
  department: "string",
  extension_number: "string",
  created_at: "string",
  avatar_file_name: "string",
  avatar_file_size: "number",
  avatar_file_url: "string",
  sync_type: "string",
} as const;

const NO_CONTENT = { status: 204 } as const;

export function userRoutes(state: PortSipState): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/users",
      handler: ({ query }) => ({
        status: 200,
        body: applyListQuery(state.listUsers().map(summaryUserView), query, USER_LIST_FIELDS),
      }),
    },
    {
      method: "POST",
      pattern: "/api/users",
      body: "json",
      handler: ({ body }) => ({ status: 201, body: { id: createUser(state, body) } }),
    },
    {
      method: "GET",
      pattern: "/api/users/{id}",
      handler: ({ params }) => ({ status: 200, body: fullUserView(existingUser(state, params.id)) }),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}",
      body: "json",
      handler: ({ params, body }) => (updateUser(state, params.id, body), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/password",
      body: "json",
      handler: ({ params, body }) => (setPassword(state, params.id, "password", body), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/extension_password",
      body: "json",
      handler: ({ params, body }) => (setPassword(state, params.id, "extension_password", body), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/role",
      body: "json",
      handler: ({ params, body }) => (setRole(state, params.id, body), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/ms365_binding",
      body: "json",
      handler: ({ params, body }) => (bindMs365(state, params.id, body), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/ms365_binding/destroy",
      handler: ({ params }) => (unbindMs365(state, params.id), NO_CONTENT),
    },
    {
      method: "POST",
      pattern: "/api/users/{id}/destroy",
      handler: ({ params }) => (destroyUser(state, params.id), NO_CONTENT),
    },
  ];
}
