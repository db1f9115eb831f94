/** `TeamsEnterpriseUser.get` is refused: ConnecttoTeams has nothing to read a user with (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";

export const teamsGetRefusal =
    "TeamsEnterpriseUser.get is not supported: ConnecttoTeams documents no endpoint that reads a user, so there is " +
    "nothing to read by id. Declare the user with `new TeamsEnterpriseUser(name, args)` (with adopt: true to take over " +
    "an existing one) and use its outputs instead.";

/** Refuses in the provider too, for a program that asks for a read through the `id` resource option. */
export const teamsEnterpriseUserGet: GetReader = {
    describe: (id) => `ConnecttoTeams user ${id}`,
    read: async () => {
        throw new Error(teamsGetRefusal);
    },
};
