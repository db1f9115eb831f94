import { assertMayTakeOver } from "../dynamic/adoption";
import { changedKeys, type DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { createVerified } from "../dynamic/verified-create";
import { assertWritesTook } from "../dynamic/verified-write";
import type { VendorClient } from "../http/client";
import { toCamelCase, toSnakeCase } from "../wire/case";
import { portSipClient } from "./client";
import { createRole, destroyRoleIfPresent, getRole, updateRole, type WireObject } from "./portsip-api";
import type { PortSipRoleAnswer } from "./portsip-answers";
import { PbxRoleArgsSchema, PbxRolePermissions, type PbxRoleInputs } from "./pbx-role.schema";

const diffSpec: DiffSpec = {
    inputKeys: ["name", "description", "permissions"],
    // The role name is its identity at the PBX (and our id); it cannot be renamed.
    replaceKeys: ["name"],
};

function toWire(role: PbxRoleInputs): WireObject {
    return { name: role.name, description: role.description ?? "", permissions: toSnakeCase(role.permissions) };
}

/**
 * The managed fields as the PBX reports them: the permissions we manage (flags a newer PBX adds are
 * dropped) and the description when the program sets one. A blank description comes back as null.
 */
function liveFields(live: PortSipRoleAnswer, declared: Props): Props {
    const fields: Props = { name: live.name, permissions: PbxRolePermissions.parse(toCamelCase(live.permissions)) };
    if ("description" in declared) {
        fields.description = live.description || undefined;
    }
    return fields;
}

/** Declared fields the live role reports differently; an empty declared description matches a blank one. */
function differingFields(live: PortSipRoleAnswer, declared: Props): string[] {
    const wanted = { ...declared, description: declared.description || undefined };
    return changedKeys(["description", "permissions"].filter((key) => key in declared), liveFields(live, declared), wanted);
}

/** Sets the whole role, then reads it back once: a PBX that answered 204 and kept the old values is an error. */
async function writeRole(client: VendorClient, role: PbxRoleInputs, declared: Props): Promise<void> {
    await updateRole(client, role.name, toWire(role));
    const live = await getRole(client, role.name);
    if (!live) {
        throw new Error(`PortSIP: role ${role.name} was updated but no longer exists when read back; run \`pulumi up\` again to create it.`);
    }
    assertWritesTook({
        vendor: "PortSIP",
        object: `role ${role.name}`,
        operations: [`update role ${role.name}`],
        id: role.name,
        differing: differingFields(live, declared),
        live: { ...declared, ...liveFields(live, declared) },
    });
}

export const pbxRoleHandlers: ResourceHandlers = {
    secretKeys: [],
    ...schemaCheckAndDiff(PbxRoleArgsSchema, diffSpec),

    async create(inputs) {
        const role = inputs as PbxRoleInputs;
        const client = portSipClient();
        const existing = await getRole(client, role.name);
        if (existing) {
            const differing = differingFields(existing, inputs);
            assertMayTakeOver(inputs, { vendor: "PortSIP", object: `role "${role.name}"`, kind: "PbxRole", differing });
            // A role that already matches is taken over without a write.
            if (differing.length) {
                await writeRole(client, role, inputs);
            }
            return { id: role.name, outs: { ...inputs } };
        }
        await createVerified({
            what: `PortSIP role "${role.name}"`,
            send: async () => (await createRole(client, toWire(role)), role.name),
            find: () => getRole(client, role.name),
            idOf: (found) => found.name,
            differing: (found) => differingFields(found, inputs),
        });
        return { id: role.name, outs: { ...inputs } };
    },

    async read(id, props) {
        const live = await getRole(portSipClient(), id);
        if (!live) {
            return { id: "" };
        }
        return { id, props: { ...props, ...liveFields(live, props) } };
    },

    async update(id, _olds, news) {
        await writeRole(portSipClient(), news as PbxRoleInputs, news);
        return { outs: { ...news } };
    },

    async delete(id) {
        // Already gone counts as deleted.
        await destroyRoleIfPresent(portSipClient(), id);
    },
};
