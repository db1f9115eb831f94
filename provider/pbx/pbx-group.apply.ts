/**
 * Brings an existing PortSIP group to the declared state in two write sequences: its fields through
 * `POST /api/groups/{id}` (only what changed), its members one extension at a time through the
 * members endpoints. Every write answers 204, so each sequence is read back once: a write the PBX
 * answered and did not apply is an error naming the fields, and the state records what it holds.
 * If a step fails, the error carries the state reached so far.
 */
import { changedKeys } from "../dynamic/diff";
import type { Props } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { assertWritesTook } from "../dynamic/verified-write";
import type { VendorClient } from "../http/client";
import { orMissing } from "../http/or-missing";
import { camelToSnake, toSnakeCase } from "../wire/case";
import * as api from "./portsip-api";
import { liveGroupValues, memberDifference, memberExtensions } from "./pbx-group.live";
import { differingKeys, isBlank } from "./pbx-user.live";

const fieldKeys = ["name", "description", "outboundCallerIds"];

/** Outputs are the inputs plus the PBX's group id. */
export const groupOutputs = (id: string, props: Props): Props => ({ ...props, groupId: id });

const gone = (id: string, after: string) =>
    new Error(`PortSIP: group ${id} no longer exists when read back after ${after}; run \`pulumi refresh\`, then \`pulumi up\` to create it again.`);

/**
 * Writes the fields of `desired` that differ from `current`, as one update, then reads the group
 * back. A field the program no longer sets (but `current` has) is cleared. Resolves to `current`
 * with the fields written.
 */
export async function applyGroupFields(client: VendorClient, id: string, current: Props, desired: Props): Promise<Props> {
    const changed = changedKeys(fieldKeys, current, desired);
    if (changed.length === 0) {
        return current;
    }
    const cleared = (key: string) => (key === "outboundCallerIds" ? [] : "");
    const body = Object.fromEntries(changed.map((key) => [camelToSnake(key), desired[key] !== undefined ? toSnakeCase(desired[key]) : cleared(key)]));
    try {
        await api.updateGroup(client, id, body);
    } catch (error) {
        throw new ResourceInitError(id, groupOutputs(id, current), `PortSIP group ${id} was not updated: ${(error as Error).message}`);
    }
    const reached = { ...current, ...Object.fromEntries(changed.map((key) => [key, desired[key]])) };
    const live = await api.getGroup(client, id);
    if (!live) {
        throw gone(id, "its update");
    }
    const values = liveGroupValues(live, Object.fromEntries(changed.map((key) => [key, reached[key]])));
    const differing = differingKeys(values, reached).filter((key) => changed.includes(key));
    assertWritesTook({
        vendor: "PortSIP",
        object: `group ${id}`,
        operations: [`update group ${id} (${Object.keys(body).join(", ")})`],
        id,
        differing,
        live: groupOutputs(id, { ...reached, ...Object.fromEntries(differing.map((key) => [key, isBlank(values[key]) ? undefined : values[key]])) }),
    });
    return reached;
}

export interface MemberPlan {
    /** The members as the PBX holds them, when just read; otherwise they are read first. */
    live?: readonly string[];
    /** Leave members the program does not declare in the group (taking a group over: see the handlers). */
    keepUndeclared?: boolean;
}

/**
 * Adds the declared members the group lacks and removes the others, one request each, then reads
 * the member list back. The changes are computed against the live list, so members someone else
 * already added or removed (a deleted user leaves its groups) cost nothing and never fail.
 * `reached` is recorded on a failure. Resolves to the members the group has now.
 */
export async function applyMembers(client: VendorClient, id: string, desired: readonly string[], reached: Props, plan: MemberPlan = {}): Promise<string[]> {
    let live = plan.live;
    if (!live) {
        const members = await api.listGroupMembers(client, id);
        if (!members) {
            throw gone(id, "its update");
        }
        live = memberExtensions(members);
    }
    const { extra, missing } = memberDifference(live, desired);
    const removing = plan.keepUndeclared ? [] : extra;
    const expected = [...live.filter((e) => !removing.includes(e)), ...missing].sort();
    if (removing.length === 0 && missing.length === 0) {
        return expected;
    }
    const holds = new Set(live);
    const record = () => groupOutputs(id, { ...reached, members: [...holds].sort() });
    const operations: string[] = [];
    const step = async (operation: string, action: () => Promise<unknown>, effect: () => void) => {
        try {
            await action();
        } catch (error) {
            throw new ResourceInitError(id, record(), `PortSIP group ${id} was only partly updated: ${(error as Error).message}`);
        }
        operations.push(operation);
        effect();
    };
    for (const extension of removing) {
        // PortSIP's 404: not a member (any more); the read-back below tells if the group itself is gone.
        await step(`remove extension ${extension} from group ${id}`, () => orMissing(api.removeGroupMember(client, id, extension)), () => holds.delete(extension));
    }
    for (const extension of missing) {
        await step(`add extension ${extension} to group ${id}`, () => api.addGroupMember(client, id, extension), () => holds.add(extension));
    }
    const after = await api.listGroupMembers(client, id);
    if (!after) {
        throw gone(id, operations.join(", "));
    }
    const now = memberExtensions(after);
    const { extra: notRemoved, missing: notAdded } = memberDifference(now, expected);
    assertWritesTook({
        vendor: "PortSIP",
        object: `members of group ${id}`,
        operations: operations.filter((op) => [...notRemoved, ...notAdded].some((e) => op.includes(`extension ${e} `))),
        id,
        differing: notRemoved.length || notAdded.length ? ["members"] : [],
        live: groupOutputs(id, { ...reached, members: now }),
    });
    return now;
}
