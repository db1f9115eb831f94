/**
 * Brings an existing PortSIP user to the desired state, one endpoint per concern: the profile
 * through `POST /api/users/{id}` (only what changed), role, passwords and the Microsoft 365
 * binding through their own endpoints. If a step fails, the error carries the state reached so far.
 * Each of these answers 204, so the sequence is then read back once (`verifyUser`): a write the PBX
 * answered and did not apply is an error naming the fields, and the state records what it holds.
 */
import type { VendorClient } from "../http/client";
import type { Props } from "../dynamic/handlers";
import { changedKeys } from "../dynamic/diff";
import { ResourceInitError } from "../dynamic/partial-failure";
import { assertWritesTook } from "../dynamic/verified-write";
import { camelToSnake, toSnakeCase } from "../wire/case";
import * as api from "./portsip-api";
import { differingKeys, isBlank, isBoundToMicrosoft365, liveValues } from "./pbx-user.live";
import { pbxUserInputKeys, pbxUserReplaceKeys, pbxUserSeparatelyUpdated } from "./pbx-user.schema";

const profileKeys = pbxUserInputKeys.filter(
    (key) => !(pbxUserSeparatelyUpdated as readonly string[]).includes(key) && !(pbxUserReplaceKeys as readonly string[]).includes(key),
);

/** What to send for a property the program no longer sets; undefined means leave the PBX value alone. */
function clearedValue(previous: unknown): unknown {
    if (typeof previous === "string") {
        return "";
    }
    if (Array.isArray(previous)) {
        return [];
    }
    return undefined;
}

/** The profile fields to send: changed ones, and cleared ones (a string or list the program no longer sets). */
export function profileChanges(current: Props, desired: Props): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const key of changedKeys(profileKeys, current, desired)) {
        const value = desired[key] !== undefined ? toSnakeCase(desired[key]) : clearedValue(current[key]);
        if (value !== undefined) {
            fields[camelToSnake(key)] = value;
        }
    }
    return fields;
}

/** A write whose effect `GET /api/users/{id}` can show: the operation in words and the inputs it set. */
export interface UserWrite {
    operation: string;
    keys: string[];
}

export const bindingWrite = (id: string): UserWrite => ({ operation: `bind user ${id} to Microsoft 365`, keys: ["ms365UserId"] });

/**
 * Applies `desired` to user `id`, where `current` is what the user holds (the recorded state, or
 * when taking a user over, its live values of the declared fields). Only what differs is sent; a
 * secret `current` does not know (the passwords, never reported) is sent when declared. Resolves to
 * the writes a read-back can check (not the passwords).
 */
export async function applyUser(client: VendorClient, id: string, current: Props, desired: Props): Promise<UserWrite[]> {
    const reached: Props = { ...current };
    const writes: UserWrite[] = [];
    const step = async (keys: string[], operation: string | undefined, action: () => Promise<unknown>) => {
        try {
            await action();
        } catch (error) {
            throw new ResourceInitError(id, reached, `PortSIP user ${id} was only partly updated: ${(error as Error).message}`);
        }
        for (const key of keys) {
            reached[key] = desired[key];
        }
        if (operation) {
            writes.push({ operation, keys });
        }
    };
    // An omitted secret (allowed when adopting) keeps the value the PBX has.
    const differs = (key: string) => desired[key] !== undefined && changedKeys([key], current, desired).length > 0;

    const profile = profileChanges(current, desired);
    if (Object.keys(profile).length) {
        const keys = profileKeys.filter((key) => camelToSnake(key) in profile);
        await step(keys, `update user ${id} (${Object.keys(profile).join(", ")})`, () => api.updateUser(client, id, profile));
    }
    if (differs("role")) {
        await step(["role"], `set the role of user ${id}`, () => api.setUserRole(client, id, desired.role as string));
    }
    if (differs("password")) {
        await step(["password"], undefined, () => api.setUserPassword(client, id, desired.password as string));
    }
    if (differs("extensionPassword")) {
        await step(["extensionPassword"], undefined, () => api.setExtensionPassword(client, id, desired.extensionPassword as string));
    }
    const binding = desired.ms365UserId as string | undefined;
    if (binding && differs("ms365UserId")) {
        await step(["ms365UserId"], bindingWrite(id).operation, () => api.bindMicrosoft365(client, id, binding));
    } else if (!binding && current.ms365UserId) {
        await step(["ms365UserId"], `unbind user ${id} from Microsoft 365`, () => api.unbindMicrosoft365(client, id));
    }
    return writes;
}

/**
 * Reads user `id` back once after `writes` and checks each written input: a declared value reads
 * back equal, a cleared one blank, the binding as bound or not. `recorded` is what the state would
 * hold on success (the outputs); on a difference they are recorded with the PBX's values instead.
 */
export async function verifyUser(client: VendorClient, id: string, writes: readonly UserWrite[], previous: Props, recorded: Props): Promise<void> {
    if (writes.length === 0) {
        return;
    }
    const live = await api.getUser(client, id);
    if (!live) {
        throw new Error(`PortSIP: user ${id} no longer exists when read back after ${writes.map((w) => w.operation).join(", ")}; run \`pulumi up\` again.`);
    }
    const written = writes.flatMap((write) => write.keys);
    const values = liveValues(id, live, recorded, written);
    const differing = differingKeys(values, recorded);
    const holds: Props = { ...recorded };
    for (const key of differing) {
        holds[key] = isBlank(values[key]) ? undefined : values[key];
    }
    if (written.includes("ms365UserId") && isBoundToMicrosoft365(live) !== (recorded.ms365UserId !== undefined)) {
        differing.push("ms365UserId");
        // Which Microsoft 365 user it is bound to does not show: keep what was bound before, if anything.
        holds.ms365UserId = isBoundToMicrosoft365(live) ? previous.ms365UserId : undefined;
    }
    assertWritesTook({
        vendor: "PortSIP",
        object: `user ${id}`,
        operations: writes.filter((write) => write.keys.some((key) => differing.includes(key))).map((write) => write.operation),
        id,
        differing,
        live: holds,
    });
}
