/**
 * Brings an existing PortSIP user to the desired state, one endpoint per concern: the profile
 * through `POST /api/users/{id}` (only what changed), role, passwords and the Microsoft 365
 * binding through their own endpoints. If a step fails, the error carries the state reached so far.
 */
import type { VendorClient } from "../http/client";
import type { Props } from "../dynamic/handlers";
import { changedKeys } from "../dynamic/diff";
import { ResourceInitError } from "../dynamic/partial-failure";
import { camelToSnake, toSnakeCase } from "../wire/case";
import * as api from "./portsip-api";
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

export function profileChanges(current: Props, desired: Props, everything: boolean): Record<string, unknown> {
    const keys = everything ? profileKeys.filter((key) => desired[key] !== undefined) : changedKeys(profileKeys, current, desired);
    const fields: Record<string, unknown> = {};
    for (const key of keys) {
        const value = desired[key] !== undefined ? toSnakeCase(desired[key]) : clearedValue(current[key]);
        if (value !== undefined) {
            fields[camelToSnake(key)] = value;
        }
    }
    return fields;
}

/**
 * Applies `desired` to user `id`. `current` is the state recorded for it; with `everything` (adoption)
 * nothing about the live user is assumed and every set property is written.
 */
export async function applyUser(client: VendorClient, id: string, current: Props, desired: Props, everything: boolean): Promise<void> {
    const reached: Props = { ...current };
    const step = async (keys: readonly string[], action: () => Promise<unknown>) => {
        try {
            await action();
        } catch (error) {
            throw new ResourceInitError(id, reached, `PortSIP user ${id} was only partly updated: ${(error as Error).message}`);
        }
        for (const key of keys) {
            reached[key] = desired[key];
        }
    };
    // An omitted secret (allowed when adopting) keeps the value the PBX has.
    const differs = (key: string) => desired[key] !== undefined && (everything || changedKeys([key], current, desired).length > 0);

    const profile = profileChanges(current, desired, everything);
    if (Object.keys(profile).length) {
        await step(profileKeys, () => api.updateUser(client, id, profile));
    }
    if (differs("role")) {
        await step(["role"], () => api.setUserRole(client, id, desired.role as string));
    }
    if (differs("password")) {
        await step(["password"], () => api.setUserPassword(client, id, desired.password as string));
    }
    if (differs("extensionPassword")) {
        await step(["extensionPassword"], () => api.setExtensionPassword(client, id, desired.extensionPassword as string));
    }
    const binding = desired.ms365UserId as string | undefined;
    if (binding && differs("ms365UserId")) {
        await step(["ms365UserId"], () => api.bindMicrosoft365(client, id, binding));
    } else if (!binding && current.ms365UserId) {
        await step(["ms365UserId"], () => api.unbindMicrosoft365(client, id));
    }
}
