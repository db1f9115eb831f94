/**
 * Reads the Masergy users of every available group through `user/find` as roster entries that
 * adopt them. `user/find` reports names, extension, phone number and email, but not the service
 * pack, time zone or address type a user needs; those come from the person running the export
 * (`--masergy-defaults`), since guessing them would be worse than asking.
 */
import { masergyClient } from "../masergy/client";
import * as api from "../masergy/masergy-api";
import { reportedToE164 } from "../masergy/phone-number";
import { mapWithProgress, type ExportedVendor, type ExportOptions } from "./exported-vendor";
import type { Progress } from "./progress";

export const masergyDefaultKeys = ["mainServicePack", "timeZone", "addressType"] as const;

export async function exportMasergy(progress: Progress, options: ExportOptions): Promise<ExportedVendor> {
    const client = masergyClient();
    const groups = await api.availableGroups(client);
    const perGroup = await mapWithProgress(groups, 4, progress, "Masergy groups", (group) => api.findUsers(client, { groupId: group.groupId }));
    const found = perGroup.flat();
    const missing = masergyDefaultKeys.filter((key) => !options.masergyDefaults?.[key]);
    if (found.length && missing.length) {
        return {
            lists: {},
            secrets: [],
            notes: [
                `${found.length} Masergy user(s) were not exported: user/find does not report ${missing.join(", ")}. ` +
                    "Pass --masergy-defaults mainServicePack=<pack>,timeZone=<zone>,addressType=<DEVICE|TRUNK|NONE> " +
                    "with the values your users have (adoption cannot verify them).",
            ],
        };
    }
    const users = found.map((user) =>
        Object.fromEntries(
            Object.entries({
                enterpriseId: user.enterpriseId,
                groupId: user.groupId,
                userId: user.userId,
                firstName: user.firstName,
                lastName: user.lastName,
                emailAddress: user.emailAddress,
                phoneNumber: user.phoneNumber ? reportedToE164(user.phoneNumber, user.countryCode) : undefined,
                extension: user.extension,
                ...options.masergyDefaults,
                adopt: true,
            }).filter(([, value]) => value !== undefined && value !== ""),
        ),
    );
    return {
        lists: users.length ? { users } : {},
        secrets: [],
        notes: users.length
            ? ["Masergy web portal passwords and voice portal passcodes cannot be read; the adopted users keep theirs."]
            : [],
    };
}
