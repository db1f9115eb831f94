/**
 * Reads what already exists on the PortSIP PBX as roster entries that adopt it: custom roles,
 * every user and every user group. Passwords cannot be read back, so they are left out (an adopted user keeps them);
 * the voicemail PIN, which the PBX does return, becomes a secret reference.
 */
import { portSipClient } from "../pbx/client";
import { isBuiltInRoleName } from "../pbx/pbx-role.schema";
import { pbxUserInputKeys } from "../pbx/pbx-user.schema";
import * as api from "../pbx/portsip-api";
import { toCamelCase, withoutNulls } from "../wire/case";
import { exportPbxGroups } from "./pbx-group-export";
import { mapWithProgress, secretConfigKey, type ExportedVendor, type ExportedSecret } from "./exported-vendor";
import type { Progress } from "./progress";

const notExported = new Set(["password", "extensionPassword", "ms365UserId", "voicemailPin"]);

function isEmpty(value: unknown): boolean {
    return value === "" || (Array.isArray(value) && value.length === 0);
}

export async function exportPbx(progress: Progress): Promise<ExportedVendor> {
    const client = portSipClient();
    const secrets: ExportedSecret[] = [];

    const roleNames = (await api.listRoles(client)).map((r) => r.name).filter((name) => !isBuiltInRoleName(name));
    // A role or user deleted between the list and its read is left out: an empty entry would adopt it wrongly.
    const roles = (
        await mapWithProgress(roleNames, 8, progress, "PortSIP roles", async (name) => {
            const role = await api.getRole(client, name);
            return role
                ? (withoutNulls({
                      name,
                      ...(role.description ? { description: role.description } : {}),
                      permissions: toCamelCase(role.permissions),
                      adopt: true,
                  }) as Record<string, unknown>)
                : undefined;
        })
    ).filter((role) => role !== undefined);

    const summaries = await api.listUsers(client);
    let bound = 0;
    const users = (
        await mapWithProgress(summaries, 8, progress, "PortSIP users", async (summary) => {
            const found = await api.getUser(client, summary.id);
            if (!found) {
                return undefined;
            }
            const live = withoutNulls(toCamelCase(found)) as Record<string, unknown>;
            const entry: Record<string, unknown> = {};
            for (const key of pbxUserInputKeys) {
                if (!notExported.has(key) && live[key] !== undefined && !isEmpty(live[key])) {
                    entry[key] = live[key];
                }
            }
            if (typeof live.voicemailPin === "string" && live.voicemailPin) {
                const key = secretConfigKey("pbx-user", String(live.extensionNumber), "voicemailPin");
                secrets.push({ key, value: live.voicemailPin });
                entry.voicemailPin = { secret: key };
            }
            if (live.syncType === "Microsoft 365") {
                bound++;
            }
            return { ...entry, adopt: true } as Record<string, unknown>;
        })
    ).filter((user) => user !== undefined);

    const exportedUsers = new Map(users.map((user) => [String(user.extensionNumber), String(user.name)]));
    const groups = await exportPbxGroups(client, progress, exportedUsers);

    const notes = bound
        ? [`${bound} PortSIP user(s) are bound to Microsoft 365; the API does not say to whom, so ms365UserId is left unmanaged.`]
        : [];
    return { lists: { ...(roles.length ? { roles } : {}), ...(users.length ? { users } : {}), ...(groups.length ? { groups } : {}) }, secrets, notes };
}
