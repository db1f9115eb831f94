/** `PbxGroup.get`: a group and its members, read by the PBX's group id (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";
import { portSipClient } from "./client";
import { groupOutputs } from "./pbx-group.apply";
import { memberExtensions } from "./pbx-group.live";
import { getGroup, listGroupMembers } from "./portsip-api";

export const pbxGroupGet: GetReader = {
    describe: (id) => `PortSIP group ${JSON.stringify(id)}`,
    async read(id) {
        const client = portSipClient();
        const live = await getGroup(client, id);
        const members = live && (await listGroupMembers(client, id));
        if (!live || !members) {
            return undefined;
        }
        // Every field the PBX reports, not only those a program declared (as refresh compares); a
        // caller id's other members, if a PBX adds some, are not PbxGroup's.
        const callerIds = (live.outbound_caller_ids ?? []).map((callerId) => ({
            providerId: callerId.provider_id,
            callerId: callerId.caller_id,
            description: callerId.description || undefined,
        }));
        return {
            id,
            props: groupOutputs(id, {
                name: live.name,
                description: live.description || undefined,
                outboundCallerIds: callerIds,
                members: memberExtensions(members),
            }),
        };
    },
};
