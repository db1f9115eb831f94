/** `/api/groups*`: user groups and their members (addressed by extension number). */
import type { Route } from "../common/router";
import {
  addMember,
  createGroup,
  destroyGroup,
  existingGroup,
  existingMember,
  removeMember,
  updateGroup,
} from "./group-rules";
import { applyListQuery } from "./list-query";
import type { GroupRecord, PortSipState } from "./state";
import { memberView } from "./user-views";

const GROUP_LIST_FIELDS = { id: "string", name: "string", description: "string" } as const;

export function groupRoutes(state: PortSipState): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/groups",
      handler: ({ query }) => {
        const rows = state.listGroups().map(({ id, name, description }) => ({ id, name, description }));
        return { status: 200, body: applyListQuery(rows, query, GROUP_LIST_FIELDS) };
      },
    },
    {
      method: "POST",
      pattern: "/api/groups",
      body: "json",
      handler: ({ body }) => ({ status: 201, body: { id: createGroup(state, body) } }),
    },
    {
      method: "GET",
      pattern: "/api/groups/{id}",
      handler: ({ params }) => ({ status: 200, body: groupView(existingGroup(state, params.id)) }),
    },
    {
      method: "POST",
      pattern: "/api/groups/{id}",
      body: "json",
      handler: ({ params, body }) => (updateGroup(state, params.id, body), { status: 204 }),
    },
    {
      method: "POST",
      pattern: "/api/groups/{id}/destroy",
      handler: ({ params }) => (destroyGroup(state, params.id), { status: 204 }),
    },
    {
      method: "GET",
      pattern: "/api/groups/{id}/members",
      handler: ({ params }) => {
        const group = existingGroup(state, params.id);
        const members = group.member_ids.flatMap((id) => state.getUser(id) ?? []);
        return { status: 200, body: { items: members.map(memberView) } };
      },
    },
    {
      method: "GET",
      pattern: "/api/groups/{id}/members/{extension_number}",
      handler: ({ params }) => ({
        status: 200,
        body: memberView(existingMember(state, params.id, params.extension_number)),
      }),
    },
    {
      method: "POST",
      pattern: "/api/groups/{id}/members/{extension_number}",
      handler: ({ params }) => (addMember(state, params.id, params.extension_number), { status: 204 }),
    },
    {
      method: "POST",
      pattern: "/api/groups/{id}/members/{extension_number}/destroy",
      handler: ({ params }) => (removeMember(state, params.id, params.extension_number), { status: 204 }),
    },
  ];
}

function groupView(group: GroupRecord): Record<string, unknown> {
  const { id, name, outbound_caller_ids, description } = group;
  return structuredClone({ id, name, outbound_caller_ids, description });
}
