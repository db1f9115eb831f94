/**
 * The PortSIP v22 REST calls this package makes, one function each, in the vendor's spelling.
 * Callers pass and receive snake_case wire objects; case conversion happens in the handlers. Every
 * answer is read through `portsip-answers.ts`.
 */
import { noAnswer, type JsonAnswer } from "../http/answer";
import type { VendorClient } from "../http/client";
import { orMissing } from "../http/or-missing";
import { portSipAnswers } from "./portsip-answers";

export type WireObject = Record<string, unknown>;

export interface WireUserSummary extends WireObject {
    id: string;
    name: string;
    extension_number: string;
}

const pageSize = 100; // the vendor's maximum `top`

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
}

/** Every item of a list endpoint, page by page. */
async function listAll<T>(
    client: VendorClient,
    what: string,
    path: string,
    answer: JsonAnswer<{ count?: number; items: T[] }>,
    query: Record<string, string | undefined>,
): Promise<T[]> {
    const items: T[] = [];
    for (let skip = 0; ; skip += pageSize) {
        const page = await client.send({ operation: `list ${what}`, method: "GET", path, answer, searchParams: { ...query, skip, top: pageSize } });
        items.push(...page.items);
        if (page.items.length < pageSize || (page.count !== undefined && items.length >= page.count)) {
            return items;
        }
    }
}

// Roles

export const listRoles = (client: VendorClient, filter?: string) => listAll(client, "roles", "api/roles", portSipAnswers.roleList, { filter });

export const getRole = (client: VendorClient, name: string) =>
    orMissing(client.send({ operation: `read role ${name}`, method: "GET", path: `api/roles/${encodeURIComponent(name)}`, answer: portSipAnswers.role }));

/** The created role's answer (`201 {name}`) is not read: the name is ours. */
export const createRole = (client: VendorClient, role: WireObject) =>
    client.send({ operation: `create role ${role.name}`, method: "POST", path: "api/roles", json: role, answer: noAnswer });

export const updateRole = (client: VendorClient, name: string, role: WireObject) =>
    client.send({
        operation: `update role ${name}`,
        method: "POST",
        path: `api/roles/${encodeURIComponent(name)}`,
        json: role,
        answer: noAnswer,
        idempotent: true, // sets the whole role; repeating it changes nothing
    });

export const destroyRole = (client: VendorClient, name: string) =>
    client.send({
        operation: `delete role ${name}`,
        method: "POST",
        path: `api/roles/${encodeURIComponent(name)}/destroy`,
        answer: noAnswer,
        idempotent: true,
    });

// Users

export const listUsers = (client: VendorClient, filter?: string): Promise<WireUserSummary[]> =>
    listAll(client, "users", "api/users", portSipAnswers.userList, { filter });

export async function findUserByExtension(client: VendorClient, extensionNumber: string): Promise<WireUserSummary | undefined> {
    const matches = await listUsers(client, `extension_number eq ${odataString(extensionNumber)}`);
    return matches.find((user) => user.extension_number === extensionNumber);
}

export const getUser = (client: VendorClient, id: string) =>
    orMissing(client.send({ operation: `read user ${id}`, method: "GET", path: `api/users/${encodeURIComponent(id)}`, answer: portSipAnswers.user }));

export async function createUser(client: VendorClient, user: WireObject): Promise<string> {
    const created = await client.send({
        operation: `create user ${user.name} (extension ${user.extension_number})`,
        method: "POST",
        path: "api/users",
        json: user,
        answer: portSipAnswers.createdUser,
    });
    return created.id;
}

const userPath = (id: string, suffix = "") => `api/users/${encodeURIComponent(id)}${suffix}`;

/** A write to one user whose answer (204) is not read; each sets absolute values, so it is safe to repeat. */
const userWrite = (client: VendorClient, operation: string, id: string, suffix: string, json?: WireObject) =>
    client.send({ operation, method: "POST", path: userPath(id, suffix), json, answer: noAnswer, idempotent: true });

export const updateUser = (client: VendorClient, id: string, fields: WireObject) =>
    userWrite(client, `update user ${id} (${Object.keys(fields).join(", ")})`, id, "", fields);

export const setUserPassword = (client: VendorClient, id: string, password: string) =>
    userWrite(client, `set the password of user ${id}`, id, "/password", { password });

export const setExtensionPassword = (client: VendorClient, id: string, password: string) =>
    userWrite(client, `set the extension password of user ${id}`, id, "/extension_password", { password });

export const setUserRole = (client: VendorClient, id: string, role: string) =>
    userWrite(client, `set the role of user ${id} to ${role}`, id, "/role", { role });

export const bindMicrosoft365 = (client: VendorClient, id: string, ms365Id: string) =>
    userWrite(client, `bind user ${id} to Microsoft 365 user ${ms365Id}`, id, "/ms365_binding", { id: ms365Id });

export const unbindMicrosoft365 = (client: VendorClient, id: string) =>
    userWrite(client, `unbind user ${id} from Microsoft 365`, id, "/ms365_binding/destroy");

/** Resolves to false when PortSIP says the user was already gone. */
export async function destroyUser(client: VendorClient, id: string): Promise<boolean> {
    const done = await orMissing(userWrite(client, `delete user ${id}`, id, "/destroy").then(() => true));
    return done ?? false;
}

// Groups

export const listGroups = (client: VendorClient, filter?: string) => listAll(client, "groups", "api/groups", portSipAnswers.groupList, { filter });

/** The group with exactly this name, or undefined. */
export async function findGroupByName(client: VendorClient, name: string) {
    const matches = await listGroups(client, `name eq ${odataString(name)}`);
    return matches.find((group) => group.name === name);
}

const groupPath = (id: string, suffix = "") => `api/groups/${encodeURIComponent(id)}${suffix}`;

export const getGroup = (client: VendorClient, id: string) =>
    orMissing(client.send({ operation: `read group ${id}`, method: "GET", path: groupPath(id), answer: portSipAnswers.group }));

export async function createGroup(client: VendorClient, group: WireObject): Promise<string> {
    const created = await client.send({ operation: `create group ${group.name}`, method: "POST", path: "api/groups", json: group, answer: portSipAnswers.createdGroup });
    return created.id;
}

/** Sets the fields given (absolute values, so safe to repeat). */
export const updateGroup = (client: VendorClient, id: string, fields: WireObject) =>
    client.send({
        operation: `update group ${id} (${Object.keys(fields).join(", ")})`,
        method: "POST",
        path: groupPath(id),
        json: fields,
        answer: noAnswer,
        idempotent: true,
    });

/** Resolves to false when PortSIP says the group was already gone. */
export async function destroyGroup(client: VendorClient, id: string): Promise<boolean> {
    const done = await orMissing(
        client.send({ operation: `delete group ${id}`, method: "POST", path: groupPath(id, "/destroy"), answer: noAnswer, idempotent: true }).then(() => true),
    );
    return done ?? false;
}

/** Every member of the group, or undefined when PortSIP says the group does not exist. */
export async function listGroupMembers(client: VendorClient, id: string) {
    const page = await orMissing(client.send({ operation: `list the members of group ${id}`, method: "GET", path: groupPath(id, "/members"), answer: portSipAnswers.groupMembers }));
    return page?.items;
}

const memberPath = (id: string, extensionNumber: string, suffix = "") => groupPath(id, `/members/${encodeURIComponent(extensionNumber)}${suffix}`);

/**
 * Membership is absolute, so both are safe to repeat. A 404 is not read as "gone" here: adding
 * names a group and an extension, and PortSIP's 404 may mean either.
 */
export const addGroupMember = (client: VendorClient, id: string, extensionNumber: string) =>
    client.send({ operation: `add extension ${extensionNumber} to group ${id}`, method: "POST", path: memberPath(id, extensionNumber), answer: noAnswer, idempotent: true });

export const removeGroupMember = (client: VendorClient, id: string, extensionNumber: string) =>
    client.send({
        operation: `remove extension ${extensionNumber} from group ${id}`,
        method: "POST",
        path: memberPath(id, extensionNumber, "/destroy"),
        answer: noAnswer,
        idempotent: true,
    });

/** Resolves to false when PortSIP says the role was already gone. */
export async function destroyRoleIfPresent(client: VendorClient, name: string): Promise<boolean> {
    return (await orMissing(destroyRole(client, name).then(() => true))) ?? false;
}
