/** `MasergyUser.get`: a user read by its BroadWorks user id, in any group (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";
import { masergyClient } from "./client";
import { findUsers } from "./masergy-api";
import { livePhoneAndNames } from "./masergy-user.existing";

export const masergyUserGet: GetReader = {
    describe: (id) => `Masergy user ${JSON.stringify(id)}`,
    async read(id) {
        // user/find limits to a group only when GROUP_ID is given; USER_ID with EXACT finds the user in any group.
        const found = await findUsers(masergyClient(), { userId: { value: id, match: "EXACT" } });
        const live = found.find((user) => user.userId === id);
        if (!live) {
            return undefined;
        }
        const { userId, groupId, enterpriseId, extension, emailAddress } = live;
        return { id: userId, props: { userId, groupId, enterpriseId, ...livePhoneAndNames(live), extension, emailAddress } };
    },
};
