/**
 * Reads the PortSIP user groups as roster entries that adopt them, with every member, so the first
 * `up` takes each group over without removing anyone. A member is named by its user's name when
 * that user is in the exported roster (it then becomes the user's extension output), else by its
 * extension number.
 */
import type { VendorClient } from "../http/client";
import * as api from "../pbx/portsip-api";
import { toCamelCase, withoutNulls } from "../wire/case";
import { mapWithProgress } from "./exported-vendor";
import type { Progress } from "./progress";

const isEmpty = (value: unknown) => value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** `exportedUsers`: extension number -> the name of the exported user that has it. */
export async function exportPbxGroups(client: VendorClient, progress: Progress, exportedUsers: ReadonlyMap<string, string>): Promise<Array<Record<string, unknown>>> {
    const summaries = await api.listGroups(client);
    const groups = await mapWithProgress(summaries, 8, progress, "PortSIP groups", async (summary) => {
        const group = await api.getGroup(client, summary.id);
        const members = group && (await api.listGroupMembers(client, summary.id));
        // A group deleted between the list and its read is left out: an empty entry would adopt it wrongly.
        if (!group || !members) {
            return undefined;
        }
        const outboundCallerIds = withoutNulls(toCamelCase(group.outbound_caller_ids ?? []));
        return {
            name: group.name,
            ...(isEmpty(group.description) ? {} : { description: group.description }),
            ...(isEmpty(outboundCallerIds) ? {} : { outboundCallerIds }),
            members: members.map((m) => exportedUsers.get(m.extension_number) ?? m.extension_number).sort(),
            adopt: true,
        } as Record<string, unknown>;
    });
    return groups.filter((group) => group !== undefined);
}
