/**
 * A PortSIP user as `GET /api/users/{id}` reports it, in the resource's terms. Refresh, takeover,
 * settling a lost create and reading back a write all compare the same way: only declared inputs,
 * projected onto what was declared (vendor defaults inside objects are not ours), blanks as unset.
 */
import type { Props } from "../dynamic/handlers";
import { sameValue } from "../dynamic/diff";
import { VendorAnswerError } from "../http/errors";
import { registerSecret } from "../http/secret-values";
import { camelToSnake, toCamelCase, withoutNulls } from "../wire/case";
import { projectOnto } from "../wire/project";
import type { PortSipUserAnswer } from "./portsip-answers";
import { pbxUserInputKeys } from "./pbx-user.schema";

/** How `GET /api/users/{id}` shows a user bound to Microsoft 365; it does not say to whom. */
const boundSyncType = "Microsoft 365";

/** Inputs the PBX never reports: the passwords, and the binding's target (only `sync_type` shows). */
export const pbxUserUnreportedKeys = ["password", "extensionPassword", "ms365UserId"];

/** Inputs the PBX reports, compared on refresh, takeover and read-back. */
export const pbxUserReportedKeys = pbxUserInputKeys.filter((key) => !pbxUserUnreportedKeys.includes(key));

export const isBoundToMicrosoft365 = (live: PortSipUserAnswer) => live.sync_type === boundSyncType;

/** No value: what PortSIP answers for a cleared field (null), and what a cleared string or list is. */
export function isBlank(value: unknown): boolean {
    return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

/**
 * The live values of the reported inputs among `keys`, each projected onto its declared value in
 * `declared`. A field the PBX leaves out entirely is an error, never "cleared"; the one exception is
 * the voicemail PIN, a secret a PBX may decline to show: when it is left out or null, it is absent
 * from the result (it cannot be compared, and is written as declared when taking a user over).
 */
export function liveValues(id: string, live: PortSipUserAnswer, declared: Props, keys: readonly string[]): Props {
    const reported = keys.filter((key) => pbxUserReportedKeys.includes(key));
    const missing = reported.filter((key) => key !== "voicemailPin" && live[camelToSnake(key)] === undefined);
    if (missing.length) {
        throw new VendorAnswerError({
            vendor: "PortSIP",
            operation: `read user ${id}`,
            statusCode: 200,
            expected: `a PortSIP user with ${missing.map(camelToSnake).join(", ")} (managed by this PbxUser; null when blank)`,
            received: "an answer without them",
        });
    }
    registerSecret(live.voicemail_pin);
    const fields = withoutNulls(toCamelCase(live)) as Props;
    const values: Props = {};
    for (const key of reported) {
        if (key === "voicemailPin" && isBlank(live.voicemail_pin)) {
            continue;
        }
        values[key] = projectOnto(fields[key], declared[key]);
    }
    return values;
}

/** Keys of `values` whose live value differs from `expected` (blank and unset are the same). */
export function differingKeys(values: Props, expected: Props): string[] {
    return Object.keys(values).filter((key) => !(isBlank(values[key]) && isBlank(expected[key])) && !sameValue(values[key], expected[key]));
}
