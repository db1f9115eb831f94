/**
 * The PortSIP v22 REST calls this package makes, one function each, in the vendor's spelling.
 * Callers pass and receive snake_case wire objects; case conversion happens in the handlers.
 */
import type { VendorClient } from "../http/client";
import { orMissing } from "../http/or-missing";

export type WireObject = Record<string, unknown>;

interface ListPage<T> {
    count?: number;
    items?: T[];
}

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
async function listAll<T>(client: VendorClient, what: string, path: string, query: Record<string, string | undefined>): Promise<T[]> {
    const items: T[] = [];
    for (let skip = 0; ; skip += pageSize) {
        const page = await client.send<ListPage<T>>({
            operation: `list ${what}`,
            method: "GET",
            path,
            searchParams: { ...query, skip, top: pageSize },
        });
        const batch = page?.items ?? [];
        items.push(...batch);
        if (batch.length < pageSize || (page?.count !== undefined && items.length >= page.count)) {
            return items;
        }
    }
}

// Roles

export const listRoles = (client: VendorClient, filter?: string) =>
    listAll<WireObject>(client, "roles", "api/roles", { filter });

export const getRole = (client: VendorClient, name: string) =>
    orMissing(client.send<WireObject>({ operation: `read role ${name}`, method: "GET", path: `api/roles/${encodeURIComponent(name)}` }));

export const createRole = (client: VendorClient, role: WireObject) =>
    client.send({ operation: `create role ${role.name}`, method: "POST", path: "api/roles", json: role });

export const updateRole = (client: VendorClient, name: string, role: WireObject) =>
    client.send({
        operation: `update role ${name}`,
        method: "POST",
        path: `api/roles/${encodeURIComponent(name)}`,
        json: role,
        idempotent: true, // sets the whole role; repeating it changes nothing
    });

export const destroyRole = (client: VendorClient, name: string) =>
    client.send({ operation: `delete role ${name}`, method: "POST", path: `api/roles/${encodeURIComponent(name)}/destroy`, idempotent: true });

// Users

export const listUsers = (client: VendorClient, filter?: string) =>
    listAll<WireUserSummary>(client, "users", "api/users", { filter });

export async function findUserByExtension(client: VendorClient, extensionNumber: string): Promise<WireUserSummary | undefined> {
    const matches = await listUsers(client, `extension_number eq ${odataString(extensionNumber)}`);
    return matches.find((user) => user.extension_number === extensionNumber);
}

export const getUser = (client: VendorClient, id: string) =>
    orMissing(client.send<WireObject>({ operation: `read user ${id}`, method: "GET", path: `api/users/${encodeURIComponent(id)}` }));

export async function createUser(client: VendorClient, user: WireObject): Promise<string> {
    const created = await client.send<{ id: string }>({
        operation: `create user ${user.name} (extension ${user.extension_number})`,
        method: "POST",
        path: "api/users",
        json: user,
    });
    return created.id;
}

const userPath = (id: string, suffix = "") => `api/users/${encodeURIComponent(id)}${suffix}`;

/** `POST /api/users/{id}` sets the given fields to absolute values, so it is safe to repeat. */
export const updateUser = (client: VendorClient, id: string, fields: WireObject) =>
    client.send({ operation: `update user ${id} (${Object.keys(fields).join(", ")})`, method: "POST", path: userPath(id), json: fields, idempotent: true });

export const setUserPassword = (client: VendorClient, id: string, password: string) =>
    client.send({ operation: `set the password of user ${id}`, method: "POST", path: userPath(id, "/password"), json: { password }, idempotent: true });

export const setExtensionPassword = (client: VendorClient, id: string, password: string) =>
    client.send({
        operation: `set the extension password of user ${id}`,
        method: "POST",
        path: userPath(id, "/extension_password"),
        json: { password },
        idempotent: true,
    });

export const setUserRole = (client: VendorClient, id: string, role: string) =>
    client.send({ operation: `set the role of user ${id} to ${role}`, method: "POST", path: userPath(id, "/role"), json: { role }, idempotent: true });

export const bindMicrosoft365 = (client: VendorClient, id: string, ms365Id: string) =>
    client.send({
        operation: `bind user ${id} to Microsoft 365 user ${ms365Id}`,
        method: "POST",
        path: userPath(id, "/ms365_binding"),
        json: { id: ms365Id },
        idempotent: true,
    });

export const unbindMicrosoft365 = (client: VendorClient, id: string) =>
    client.send({ operation: `unbind user ${id} from Microsoft 365`, method: "POST", path: userPath(id, "/ms365_binding/destroy"), idempotent: true });

/** Resolves to false when the user was already gone. */
export async function destroyUser(client: VendorClient, id: string): Promise<boolean> {
    const done = await orMissing(
        client.send({ operation: `delete user ${id}`, method: "POST", path: userPath(id, "/destroy"), idempotent: true }).then(() => true),
    );
    return done ?? false;
}

export async function destroyRoleIfPresent(client: VendorClient, name: string): Promise<boolean> {
    return (await orMissing(destroyRole(client, name).then(() => true))) ?? false;
}
