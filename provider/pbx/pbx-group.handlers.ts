import { assertMayTakeOver } from "../dynamic/adoption";
import type { DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { createVerified } from "../dynamic/verified-create";
import type { VendorClient } from "../http/client";
import { toSnakeCase } from "../wire/case";
import { portSipClient } from "./client";
import { isDuplicateRefusal } from "./duplicate-refusal";
import * as api from "./portsip-api";
import { applyGroupFields, applyMembers, groupOutputs } from "./pbx-group.apply";
import { describeDifferences, liveGroupValues, memberDifference } from "./pbx-group.live";
import { PbxGroupArgsSchema, pbxGroupInputKeys, pbxGroupReplaceKeys, type PbxGroupInputs } from "./pbx-group.schema";
import { differingKeys } from "./pbx-user.live";

const diffSpec: DiffSpec = {
    inputKeys: pbxGroupInputKeys,
    replaceKeys: pbxGroupReplaceKeys,
};

/** The create body (seed: `{name, outbound_caller_ids, description}`); members are added afterwards. */
function createBody(group: PbxGroupInputs): Record<string, unknown> {
    return toSnakeCase({ name: group.name, description: group.description, outboundCallerIds: group.outboundCallerIds }) as Record<string, unknown>;
}

/** The group with this name, read whole; undefined on PortSIP's own "no such group". */
async function findGroup(client: VendorClient, name: string) {
    const summary = await api.findGroupByName(client, name);
    return summary ? api.getGroup(client, summary.id) : undefined;
}

/**
 * The group named as declared exists: take it over under the one rule (adopt, the
 * `adoptMatching` recovery, or refuse), then write only what differs. Members the program does not
 * declare are not removed here: create cannot show that in a plan (a preview makes no request, so
 * it cannot know them). They are recorded as members instead, so the next preview shows their
 * removal as a change of `members`, and only an `up` of that plan removes them.
 */
async function takeOver(client: VendorClient, id: string, inputs: Props): Promise<Props> {
    const declared = inputs as PbxGroupInputs;
    const live = await api.getGroup(client, id);
    const members = live && (await api.listGroupMembers(client, id));
    if (!live || !members) {
        throw new Error(`PortSIP group "${declared.name}" (id ${id}) disappeared while it was being looked up; run \`pulumi up\` again.`);
    }
    const current: Props = { ...inputs, ...liveGroupValues(live, inputs, members) };
    assertMayTakeOver(inputs, {
        vendor: "PortSIP",
        object: `group "${declared.name}" (id ${id})`,
        kind: "PbxGroup",
        differing: describeDifferences(current, inputs),
    });
    const fields = await applyGroupFields(client, id, current, inputs);
    const now = await applyMembers(client, id, declared.members, fields, { live: current.members as string[], keepUndeclared: true });
    const { extra } = memberDifference(now, declared.members);
    if (extra.length) {
        console.log(
            `PortSIP: group "${declared.name}" (id ${id}) is taken over with members this PbxGroup does not declare (${extra.join(", ")}): ` +
                "they stay in the group for now and are recorded, so the next `pulumi preview` shows their removal as a change of " +
                "members, which the next `pulumi up` makes; declare them to keep them.",
        );
    }
    return { ...inputs, members: now };
}

/** Creates the group (settling a lost answer by looking again), then adds its members; resolves to its id. */
async function createNew(client: VendorClient, inputs: Props): Promise<string> {
    const group = inputs as PbxGroupInputs;
    let sent = 0;
    const { id, verified } = await createVerified({
        what: `PortSIP group "${group.name}"`,
        send: () => (sent++, api.createGroup(client, createBody(group))),
        find: () => findGroup(client, group.name),
        idOf: (found) => found.id,
        // Compared with what the create sent; the members are a later step.
        differing: (found) => differingKeys(liveGroupValues(found, inputs), inputs),
        // A first refusal means someone else took the name after our lookup; only a resend may meet our own.
        isDuplicate: (error) => sent > 1 && isDuplicateRefusal(error),
    });
    const created = { ...inputs, members: [] };
    try {
        // A group this run just created has no members; one found after a lost answer is read first.
        await applyMembers(client, id, group.members, created, verified ? {} : { live: [] });
    } catch (error) {
        if (error instanceof ResourceInitError) {
            throw error;
        }
        throw new ResourceInitError(id, groupOutputs(id, created), `PortSIP group ${id} was created, but its members were not added: ${(error as Error).message}`);
    }
    return id;
}

export const pbxGroupHandlers: ResourceHandlers = {
    secretKeys: [],
    ...schemaCheckAndDiff(PbxGroupArgsSchema, diffSpec),

    async create(inputs) {
        const group = inputs as PbxGroupInputs;
        const client = portSipClient();
        const existing = await api.findGroupByName(client, group.name);
        if (existing) {
            return { id: existing.id, outs: groupOutputs(existing.id, await takeOver(client, existing.id, inputs)) };
        }
        const id = await createNew(client, inputs);
        return { id, outs: groupOutputs(id, inputs) };
    },

    async read(id, props) {
        const client = portSipClient();
        const live = await api.getGroup(client, id);
        const members = live && (await api.listGroupMembers(client, id));
        if (!live || !members) {
            return { id: "" };
        }
        return { id, props: groupOutputs(id, { ...props, ...liveGroupValues(live, props, members) }) };
    },

    async update(id, olds, news) {
        const client = portSipClient();
        const fields = await applyGroupFields(client, id, olds, news);
        // On a failure the members step records the fields as written and the members as they are.
        await applyMembers(client, id, (news as PbxGroupInputs).members, { ...fields, members: olds.members });
        return { outs: groupOutputs(id, news) };
    },

    async delete(id) {
        // Already gone counts as deleted.
        await api.destroyGroup(portSipClient(), id);
    },
};
