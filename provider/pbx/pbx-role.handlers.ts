import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { toCamelCase, toSnakeCase } from "../wire/case";
import { portSipClient } from "./client";
import { createRole, destroyRoleIfPresent, getRole, updateRole, type WireObject } from "./portsip-api";
import { PbxRoleArgsSchema, PbxRolePermissions, type PbxRoleInputs } from "./pbx-role.schema";

const diffSpec: DiffSpec = {
    inputKeys: ["name", "description", "permissions"],
    // The role name is its identity at the PBX (and our id); it cannot be renamed.
    replaceKeys: ["name"],
};

function toWire(role: PbxRoleInputs): WireObject {
    return { name: role.name, description: role.description ?? "", permissions: toSnakeCase(role.permissions) };
}

export const pbxRoleHandlers: ResourceHandlers = {
    secretKeys: [],
    ...schemaCheckAndDiff(PbxRoleArgsSchema, diffSpec),

    async create(inputs) {
        const role = inputs as PbxRoleInputs;
        const client = portSipClient();
        const existing = await getRole(client, role.name);
        if (existing && !role.adopt) {
            throw new Error(
                `PortSIP role "${role.name}" already exists. Set adopt: true on this PbxRole to take it over, or choose another name.`,
            );
        }
        if (existing) {
            await updateRole(client, role.name, toWire(role));
        } else {
            await createRole(client, toWire(role));
        }
        return { id: role.name, outs: { ...inputs } };
    },

    async read(id, props) {
        const live = await getRole(portSipClient(), id);
        if (!live) {
            return { id: "" };
        }
        const refreshed: Props = {
            ...props,
            name: live.name,
            // The answer holds exactly the flags we manage (flags the PBX added are dropped when it is read).
            permissions: PbxRolePermissions.parse(toCamelCase(live.permissions)),
        };
        if ("description" in props) {
            refreshed.description = live.description ?? undefined;
        }
        return { id, props: refreshed };
    },

    async update(id, _olds, news) {
        await updateRole(portSipClient(), id, toWire(news as PbxRoleInputs));
        return { outs: { ...news } };
    },

    async delete(id) {
        // Already gone counts as deleted.
        await destroyRoleIfPresent(portSipClient(), id);
    },
};
