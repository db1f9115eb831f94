import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { VendorAnswerError } from "../http/errors";
import { camelToSnake, toCamelCase, toSnakeCase, withoutNulls } from "../wire/case";
import { projectOnto } from "../wire/project";
import { portSipClient } from "./client";
import * as api from "./portsip-api";
import { applyUser } from "./pbx-user.apply";
import { PbxUserArgsSchema, pbxUserInputKeys, pbxUserReplaceKeys, pbxUserSecretKeys, type PbxUserInputs } from "./pbx-user.schema";

const diffSpec: DiffSpec = {
    inputKeys: pbxUserInputKeys,
    replaceKeys: pbxUserReplaceKeys,
    // The replacement would collide with the old user on the unique name or extension number.
    deleteBeforeReplace: true,
};

/** Outputs are the inputs plus the PBX's user id. */
const outputsOf = (id: string, inputs: Props): Props => ({ ...inputs, userId: id });

function createBody(user: PbxUserInputs): Record<string, unknown> {
    const { adopt: _adopt, ms365UserId: _binding, ...fields } = user;
    return toSnakeCase(fields) as Record<string, unknown>;
}

async function adoptExisting(existing: api.WireUserSummary, inputs: Props): Promise<string> {
    const user = inputs as PbxUserInputs;
    if (!user.adopt) {
        throw new Error(
            `PortSIP extension ${user.extensionNumber} already exists (user "${existing.name}", id ${existing.id}). ` +
                "Set adopt: true on this PbxUser to take it over, or choose another extension number.",
        );
    }
    if (existing.name !== user.name) {
        throw new Error(
            `Cannot adopt PortSIP extension ${user.extensionNumber}: its user is named "${existing.name}", not "${user.name}", ` +
                "and PortSIP cannot rename users. Set name to the existing name.",
        );
    }
    await applyUser(portSipClient(), existing.id, {}, inputs, true);
    return existing.id;
}

export const pbxUserHandlers: ResourceHandlers = {
    secretKeys: pbxUserSecretKeys,
    ...schemaCheckAndDiff(PbxUserArgsSchema, diffSpec),

    async create(inputs) {
        const user = inputs as PbxUserInputs;
        const client = portSipClient();
        const existing = await api.findUserByExtension(client, user.extensionNumber);
        if (existing) {
            const id = await adoptExisting(existing, inputs);
            return { id, outs: outputsOf(id, inputs) };
        }
        const missing = pbxUserSecretKeys.filter((key) => user[key] === undefined);
        if (missing.length) {
            throw new Error(
                `PortSIP extension ${user.extensionNumber} does not exist, so it cannot be adopted: ` +
                    `${missing.join(", ")} must be set to create it.`,
            );
        }
        const id = await api.createUser(client, createBody(user));
        if (user.ms365UserId) {
            try {
                await api.bindMicrosoft365(client, id, user.ms365UserId);
            } catch (error) {
                const { ms365UserId: _unbound, ...created } = inputs;
                throw new ResourceInitError(id, outputsOf(id, created), `PortSIP user ${id} was created but not bound: ${(error as Error).message}`);
            }
        }
        return { id, outs: outputsOf(id, inputs) };
    },

    async read(id, props) {
        const live = await api.getUser(portSipClient(), id);
        if (!live) {
            return { id: "" };
        }
        // Only what this resource manages is refreshed; secrets cannot be read back and keep their applied values.
        const managed = pbxUserInputKeys.filter(
            (key) => key in props && !(pbxUserSecretKeys as readonly string[]).includes(key) && key !== "ms365UserId",
        );
        // PortSIP answers a cleared field as null; a field it leaves out entirely is not "cleared".
        const unreported = managed.filter((key) => live[camelToSnake(key)] === undefined);
        if (unreported.length) {
            throw new VendorAnswerError({
                vendor: "PortSIP",
                operation: `read user ${id}`,
                statusCode: 200,
                expected: `a PortSIP user with ${unreported.map(camelToSnake).join(", ")} (managed by this PbxUser; null when blank)`,
                received: "an answer without them",
            });
        }
        const fields = withoutNulls(toCamelCase(live)) as Props;
        const refreshed: Props = { ...props };
        for (const key of managed) {
            refreshed[key] = projectOnto(fields[key], props[key]);
        }
        if (props.ms365UserId && live.sync_type !== "Microsoft 365") {
            delete refreshed.ms365UserId; // unbound out of band
        }
        return { id, props: outputsOf(id, refreshed) };
    },

    async update(id, olds, news) {
        try {
            await applyUser(portSipClient(), id, olds, news, false);
        } catch (error) {
            if (error instanceof ResourceInitError) {
                error.properties = outputsOf(id, error.properties);
            }
            throw error;
        }
        return { outs: outputsOf(id, news) };
    },

    async delete(id) {
        await api.destroyUser(portSipClient(), id); // already gone counts as deleted
    },
};
