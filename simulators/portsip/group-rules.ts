/**
 * User groups: `{name, outbound_caller_ids?, description?}` and members addressed by extension number.
 * Group names are unique ignoring case (the seed is silent; a PBX UI would not show two "Sales").
 */
import { invalidField, notFound, validationFailed } from "./errors";
import type { GroupOutboundCallerId, GroupRecord, PortSipState, UserRecord } from "./state";
import { Problems, array, checkFields, object, string, type Shape } from "../common/validate";

const groupOutboundCallerId = object({
  provider_id: { check: string({ min: 1 }), required: true },
  caller_id: { check: string({ min: 1 }), required: true },
  description: { check: string() },
});

const GROUP_SHAPE: Shape = {
  name: { check: string({ min: 1, max: 64 }), required: true },
  outbound_caller_ids: { check: array(groupOutboundCallerId) },
  description: { check: string(), nullable: true },
};

const GROUP_UPDATE_SHAPE: Shape = { ...GROUP_SHAPE, name: { check: string({ min: 1, max: 64 }) } };

export function createGroup(state: PortSipState, body: unknown): string {
  const input = checkGroup(state, body, GROUP_SHAPE);
  return state.addGroup({
    name: input.name as string,
    description: (input.description as string | null | undefined) ?? null,
    outbound_caller_ids: structuredClone((input.outbound_caller_ids as GroupOutboundCallerId[] | undefined) ?? []),
  });
}

/** POST /api/groups/{id}: partial update. */
export function updateGroup(state: PortSipState, id: string, body: unknown): void {
  const group = existingGroup(state, id);
  const input = checkGroup(state, body ?? {}, GROUP_UPDATE_SHAPE, id);
  if (input.name !== undefined) group.name = input.name as string;
  if (input.description !== undefined) group.description = input.description as string | null;
  if (input.outbound_caller_ids !== undefined) {
    group.outbound_caller_ids = structuredClone(input.outbound_caller_ids as GroupOutboundCallerId[]);
  }
}

export function destroyGroup(state: PortSipState, id: string): void {
  existingGroup(state, id);
  state.deleteGroup(id);
}

/** The member with this extension; 404 when the group, the extension or the membership does not exist. */
export function existingMember(state: PortSipState, groupId: string, extension: string): UserRecord {
  const group = existingGroup(state, groupId);
  const user = userByExtension(state, extension);
  if (!group.member_ids.includes(user.id)) throw notFound(`extension ${extension} is not a member of group "${groupId}"`);
  return user;
}

/** Adding a member twice is harmless. */
export function addMember(state: PortSipState, groupId: string, extension: string): void {
  const group = existingGroup(state, groupId);
  const user = userByExtension(state, extension);
  if (!group.member_ids.includes(user.id)) group.member_ids.push(user.id);
}

export function removeMember(state: PortSipState, groupId: string, extension: string): void {
  const user = existingMember(state, groupId, extension);
  const group = existingGroup(state, groupId);
  group.member_ids = group.member_ids.filter((id) => id !== user.id);
}

export function existingGroup(state: PortSipState, id: string): GroupRecord {
  const group = state.getGroup(id);
  if (!group) throw notFound(`group "${id}" not found`, { id });
  return group;
}

function userByExtension(state: PortSipState, extension: string): UserRecord {
  if (!/^[0-9]{3,64}$/.test(extension)) throw invalidField("extension_number", "must be 3-64 digits ([0-9]{3,64})");
  const user = state.findUserByExtension(extension);
  if (!user) throw notFound(`no user has extension ${extension}`, { extension_number: extension });
  return user;
}

function checkGroup(state: PortSipState, body: unknown, shape: Shape, selfId?: string): Record<string, unknown> {
  const problems = new Problems();
  checkFields(body, "", shape, problems);
  const input = (body !== null && typeof body === "object" ? body : {}) as Record<string, unknown>;
  if (typeof input.name === "string" && problems.list.every((p) => p.field !== "name")) {
    const name = input.name.toLowerCase();
    if (state.listGroups().some((group) => group.id !== selfId && group.name.toLowerCase() === name)) {
      problems.add("name", `a group named "${input.name}" already exists`);
    }
  }
  if (!problems.empty) throw validationFailed(problems.list);
  return input;
}
