import { assertMayTakeOver } from "../dynamic/adoption";
import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { createVerified, outcomeUnknown } from "../dynamic/verified-create";
import type { VendorClient } from "../http/client";
import { toSnakeCase } from "../wire/case";
import { portSipClient } from "./client";
import { isDuplicateRefusal } from "./duplicate-refusal";
import * as api from "./portsip-api";
import type { PortSipUserAnswer } from "./portsip-answers";
import { applyUser, bindingWrite, verifyUser } from "./pbx-user.apply";
import { differingKeys, isBoundToMicrosoft365, liveValues, pbxUserReportedKeys } from "./pbx-user.live";
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

/** Declared inputs the PBX reports, i.e. those a live user is compared on. */
const declaredReportedKeys = (inputs: Props) => pbxUserReportedKeys.filter((key) => inputs[key] !== undefined);

/** The full user with this extension number, or undefined on PortSIP's own "no such user". */
async function findByExtension(client: VendorClient, extensionNumber: string): Promise<PortSipUserAnswer | undefined> {
    const summary = await api.findUserByExtension(client, extensionNumber);
    return summary ? api.getUser(client, summary.id) : undefined;
}

/**
 * The user with the declared extension exists: take it over under the one rule (adopt, the
 * `adoptMatching` recovery, or refuse), then write only what differs (and the passwords, which the
 * PBX never reports) and read the user back once.
 */
async function takeOver(client: VendorClient, existing: api.WireUserSummary, inputs: Props): Promise<string> {
    const user = inputs as PbxUserInputs;
    if (existing.name !== user.name) {
        throw new Error(
            `PortSIP extension ${user.extensionNumber} already exists and belongs to user "${existing.name}" (id ${existing.id}), not "${user.name}"; ` +
                `PortSIP cannot rename users. Choose another extension number, or set name to "${existing.name}" to take it over.`,
        );
    }
    const live = await api.getUser(client, existing.id);
    if (!live) {
        throw new Error(`PortSIP user ${existing.id} (extension ${user.extensionNumber}) disappeared while it was being looked up; run \`pulumi up\` again.`);
    }
    const current = liveValues(existing.id, live, inputs, declaredReportedKeys(inputs));
    assertMayTakeOver(inputs, {
        vendor: "PortSIP",
        object: `extension ${user.extensionNumber} (user "${existing.name}", id ${existing.id})`,
        kind: "PbxUser",
        differing: differingKeys(current, inputs),
    });
    const writes = await applyUser(client, existing.id, current, inputs);
    await verifyUser(client, existing.id, writes, current, outputsOf(existing.id, inputs));
    return existing.id;
}

/** Creates the user (settling a lost answer by looking again), then binds it to Microsoft 365 when declared. */
async function createNew(client: VendorClient, inputs: Props): Promise<string> {
    const user = inputs as PbxUserInputs;
    let sent = 0;
    const { id } = await createVerified({
        what: `PortSIP user "${user.name}" (extension ${user.extensionNumber})`,
        send: () => (sent++, api.createUser(client, createBody(user))),
        find: () => findByExtension(client, user.extensionNumber),
        idOf: (found) => found.id,
        // Compared with what the create sent; the binding is a later step.
        differing: (found) => differingKeys(liveValues(found.id, found, inputs, declaredReportedKeys(inputs)), inputs),
        // A first refusal means someone else took the extension after our lookup; only a resend may meet our own.
        isDuplicate: (error) => sent > 1 && isDuplicateRefusal(error),
    });
    if (user.ms365UserId) {
        const { ms365UserId: _unbound, ...created } = inputs;
        try {
            await api.bindMicrosoft365(client, id, user.ms365UserId);
        } catch (error) {
            throw new ResourceInitError(id, outputsOf(id, created), `PortSIP user ${id} was created but not bound: ${(error as Error).message}`);
        }
        await verifyUser(client, id, [bindingWrite(id)], created, outputsOf(id, inputs));
    }
    return id;
}

export const pbxUserHandlers: ResourceHandlers = {
    secretKeys: pbxUserSecretKeys,
    ...schemaCheckAndDiff(PbxUserArgsSchema, diffSpec),

    async create(inputs) {
        const user = inputs as PbxUserInputs;
        const client = portSipClient();
        const existing = await api.findUserByExtension(client, user.extensionNumber);
        if (existing) {
            const id = await takeOver(client, existing, inputs);
            return { id, outs: outputsOf(id, inputs) };
        }
        const missing = pbxUserSecretKeys.filter((key) => user[key] === undefined);
        if (missing.length) {
            throw new Error(
                `PortSIP extension ${user.extensionNumber} does not exist, so it cannot be adopted: ` +
                    `${missing.join(", ")} must be set to create it.`,
            );
        }
        const id = await createNew(client, inputs);
        return { id, outs: outputsOf(id, inputs) };
    },

    async read(id, props) {
        const live = await api.getUser(portSipClient(), id);
        if (!live) {
            return { id: "" };
        }
        // Only what this resource manages is refreshed. The passwords cannot be read back and keep
        // their applied values; the voicemail PIN can, so PIN drift shows (as a secret).
        const managed = pbxUserReportedKeys.filter((key) => key in props);
        const values = liveValues(id, live, props, managed);
        const refreshed: Props = { ...props };
        for (const key of managed) {
            // A PIN the PBX does not show is absent from `values` and keeps its applied value.
            if (key in values) {
                refreshed[key] = values[key];
            }
        }
        if (props.ms365UserId && !isBoundToMicrosoft365(live)) {
            delete refreshed.ms365UserId; // unbound out of band
        }
        return { id, props: outputsOf(id, refreshed) };
    },

    async update(id, olds, news) {
        const client = portSipClient();
        try {
            const writes = await applyUser(client, id, olds, news);
            await verifyUser(client, id, writes, olds, outputsOf(id, news));
        } catch (error) {
            if (error instanceof ResourceInitError) {
                error.properties = outputsOf(id, error.properties);
            }
            throw error;
        }
        return { outs: outputsOf(id, news) };
    },

    async delete(id) {
        const client = portSipClient();
        let unknownOutcome: Error | undefined;
        try {
            if (!(await api.destroyUser(client, id))) {
                return; // PortSIP says it was already gone
            }
        } catch (error) {
            if (!outcomeUnknown(error)) {
                throw error;
            }
            unknownOutcome = error as Error; // settled by the read below
        }
        // Deleting a user frees its extension; a 204 alone does not show that it happened.
        const still = await api.getUser(client, id);
        if (still) {
            throw new Error(
                unknownOutcome
                    ? `${unknownOutcome.message}. Read back, user ${id} (extension ${still.extension_number}) still exists; it stays in the state. Run \`pulumi destroy\` or \`pulumi up\` again.`
                    : `PortSIP: delete user ${id} answered as done, but the user still exists (extension ${still.extension_number}); ` +
                          "it stays in the state. Run `pulumi destroy` or `pulumi up` again.",
            );
        }
    },
};
