/**
 * PortSIP lookups: plain async functions run in the program with the same settings as the
 * resources (stack config `ucaas:*`, then `UCAAS_*`).
 */
import { toCamelCase, withoutNulls } from "../wire/case";
import { portSipClient } from "./client";
import * as api from "./portsip-api";

export interface PbxRoleSummary {
    name: string;
    description?: string;
}

export interface PbxUserSummary {
    id: string;
    name: string;
    extensionNumber: string;
    displayName?: string;
    email?: string;
    role?: string;
    enabled?: boolean;
    [field: string]: unknown;
}

export interface PbxGroupSummary {
    id: string;
    name: string;
    description?: string;
}

/** Every role of the PBX, built-in ones included. */
export async function roles(): Promise<PbxRoleSummary[]> {
    const items = await api.listRoles(portSipClient());
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxRoleSummary);
}

/** Users of the PBX; `filter` is PortSIP's OData-like filter, e.g. `extension_number eq '101'`. */
export async function users(options: { filter?: string } = {}): Promise<PbxUserSummary[]> {
    const items = await api.listUsers(portSipClient(), options.filter);
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxUserSummary);
}

/** User groups of the PBX (`{ id, name, description }`); `filter` as for `users`, e.g. `name eq 'Sales'`. */
export async function groups(options: { filter?: string } = {}): Promise<PbxGroupSummary[]> {
    const items = await api.listGroups(portSipClient(), options.filter);
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxGroupSummary);
}
