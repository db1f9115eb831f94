/**
 * PortSIP lookups, run in the program with the same settings as the resources (stack config
 * `ucaas:*`, then `UCAAS_*`). Each comes in both forms (see ../lookup-forms.ts): `getRoles()` resolves
 * to plain values, `getRolesOutput()` takes Inputs and gives an Output.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lookupOutput, type InputArgs, type LookupOutputOptions } from "../lookup-forms";
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

export interface GetUsersArgs {
    /** PortSIP's OData-like filter, e.g. `extension_number eq '101'`. */
    filter?: string;
}

export interface GetGroupsArgs {
    /** PortSIP's OData-like filter, e.g. `name eq 'Sales'`. */
    filter?: string;
}

/** Every role of the PBX, built-in ones included. */
export async function getRoles(): Promise<PbxRoleSummary[]> {
    const items = await api.listRoles(portSipClient());
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxRoleSummary);
}

/** {@link getRoles} as an Output, after `opts.dependsOn` exist. */
export function getRolesOutput(opts?: LookupOutputOptions): pulumi.Output<PbxRoleSummary[]> {
    return lookupOutput(getRoles, {}, opts);
}

/** Users of the PBX, all of them or those `filter` selects. */
export async function getUsers(args: GetUsersArgs = {}): Promise<PbxUserSummary[]> {
    const items = await api.listUsers(portSipClient(), args.filter);
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxUserSummary);
}

/** {@link getUsers} with Inputs, as an Output, after `opts.dependsOn` exist. */
export function getUsersOutput(args: InputArgs<GetUsersArgs> = {}, opts?: LookupOutputOptions): pulumi.Output<PbxUserSummary[]> {
    return lookupOutput(getUsers, args, opts);
}

/** User groups of the PBX (`{ id, name, description }`), all of them or those `filter` selects. */
export async function getGroups(args: GetGroupsArgs = {}): Promise<PbxGroupSummary[]> {
    const items = await api.listGroups(portSipClient(), args.filter);
    return items.map((item) => withoutNulls(toCamelCase(item)) as PbxGroupSummary);
}

/** {@link getGroups} with Inputs, as an Output, after `opts.dependsOn` exist. */
export function getGroupsOutput(args: InputArgs<GetGroupsArgs> = {}, opts?: LookupOutputOptions): pulumi.Output<PbxGroupSummary[]> {
    return lookupOutput(getGroups, args, opts);
}

/** @deprecated Use {@link getRoles} (or {@link getRolesOutput}); this name stays as an alias. */
export const roles = (): Promise<PbxRoleSummary[]> => getRoles();

/** @deprecated Use {@link getUsers} (or {@link getUsersOutput}); this name stays as an alias. */
export const users = (options: GetUsersArgs = {}): Promise<PbxUserSummary[]> => getUsers(options);

/** @deprecated Use {@link getGroups} (or {@link getGroupsOutput}); this name stays as an alias. */
export const groups = (options: GetGroupsArgs = {}): Promise<PbxGroupSummary[]> => getGroups(options);
