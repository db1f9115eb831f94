/** `PbxRole.get`: a role read by its name (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";
import { toCamelCase } from "../wire/case";
import { portSipClient } from "./client";
import { getRole } from "./portsip-api";
import { PbxRolePermissions } from "./pbx-role.schema";

export const pbxRoleGet: GetReader = {
    describe: (id) => `PortSIP role "${id}"`,
    async read(id) {
        const live = await getRole(portSipClient(), id);
        if (!live) {
            return undefined;
        }
        return {
            id: live.name,
            props: {
                name: live.name,
                description: live.description || undefined,
                permissions: PbxRolePermissions.parse(toCamelCase(live.permissions)),
            },
        };
    },
};
