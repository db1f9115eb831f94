/** `/api/roles*`: list, create, read, update and destroy roles. */
import type { Route } from "../common/router";
import { applyListQuery } from "./list-query";
import { withExtraFlags, type ExtraPermissionFlags } from "./permissions";
import { createRole, destroyRole, existingRole, updateRole } from "./role-rules";
import type { PortSipState } from "./state";

const ROLE_LIST_FIELDS = { name: "string", description: "string" } as const;

/** `extraFlags` gives the flags role answers carry beyond v22's (none by default). */
export function roleRoutes(state: PortSipState, extraFlags: () => ExtraPermissionFlags): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/roles",
      handler: ({ query }) => {
        const rows = state.listRoles().map(({ name, description }) => ({ name, description }));
        return { status: 200, body: applyListQuery(rows, query, ROLE_LIST_FIELDS) };
      },
    },
    {
      method: "POST",
      pattern: "/api/roles",
      body: "json",
      handler: ({ body }) => ({ status: 201, body: { name: createRole(state, body) } }),
    },
    {
      method: "GET",
      pattern: "/api/roles/{name}",
      handler: ({ params }) => {
        const { name, permissions, description } = existingRole(state, params.name);
        return { status: 200, body: { name, permissions: withExtraFlags(permissions, extraFlags()), description } };
      },
    },
    {
      method: "POST",
      pattern: "/api/roles/{name}",
      body: "json",
      handler: ({ params, body }) => (updateRole(state, params.name, body), { status: 204 }),
    },
    {
      method: "POST",
      pattern: "/api/roles/{name}/destroy",
      handler: ({ params }) => (destroyRole(state, params.name), { status: 204 }),
    },
  ];
}
