/** `PbxUser.get`: a user read by the PBX's user id (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";
import { camelToSnake } from "../wire/case";
import { portSipClient } from "./client";
import { getUser } from "./portsip-api";
import { liveValues, pbxUserReportedKeys } from "./pbx-user.live";
import { pbxUserSecretKeys } from "./pbx-user.schema";

/** What a reference reads: the reported fields, but no secret (the voicemail PIN is reported, and stays at the PBX). */
const readKeys = pbxUserReportedKeys.filter((key) => !(pbxUserSecretKeys as readonly string[]).includes(key));

export const pbxUserGet: GetReader = {
    describe: (id) => `PortSIP user ${JSON.stringify(id)}`,
    async read(id) {
        const live = await getUser(portSipClient(), id);
        if (!live) {
            return undefined;
        }
        // Fields this PBX leaves out are left out of the reference, not read as cleared.
        const reported = readKeys.filter((key) => live[camelToSnake(key)] !== undefined);
        return { id, props: { ...liveValues(id, live, {}, reported), userId: id } };
    },
};
