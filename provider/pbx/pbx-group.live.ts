/**
 * A PortSIP user group as `GET /api/groups/{id}` and `GET /api/groups/{id}/members` report it, in
 * the resource's terms. Refresh, takeover, settling a lost create and reading back a write compare
 * the same way: the name and members always, the description and caller ids when declared (vendor
 * members inside a caller id that we never set are not ours), blanks as unset.
 */
import type { Props } from "../dynamic/handlers";
import { toCamelCase, withoutNulls } from "../wire/case";
import { projectOnto } from "../wire/project";
import type { PortSipGroupAnswer, PortSipGroupMember } from "./portsip-answers";
import { differingKeys } from "./pbx-user.live";

/** The members' extension numbers, sorted as `check` sorts the declared ones. */
export const memberExtensions = (members: readonly PortSipGroupMember[]) => members.map((m) => m.extension_number).sort();

/** The live values of the group's managed fields; `members` when the member list was read. */
export function liveGroupValues(live: PortSipGroupAnswer, declared: Props, members?: readonly PortSipGroupMember[]): Props {
    const values: Props = { name: live.name };
    if ("description" in declared) {
        values.description = live.description ?? undefined;
    }
    if ("outboundCallerIds" in declared) {
        values.outboundCallerIds = projectOnto(withoutNulls(toCamelCase(live.outbound_caller_ids ?? [])), declared.outboundCallerIds);
    }
    if (members) {
        values.members = memberExtensions(members);
    }
    return values;
}

/** Extensions in `live` but not in `declared`, and the other way round. */
export function memberDifference(live: readonly string[], declared: readonly string[]): { extra: string[]; missing: string[] } {
    return { extra: live.filter((e) => !declared.includes(e)), missing: declared.filter((e) => !live.includes(e)) };
}

/**
 * The declared fields the live values differ in, for messages: `members` says how
 * (`members (1003 is a member the program does not declare; 1004 is not a member)`).
 */
export function describeDifferences(values: Props, declared: Props): string[] {
    return differingKeys(values, declared).map((key) => {
        if (key !== "members") {
            return key;
        }
        const { extra, missing } = memberDifference(values.members as string[], (declared.members as string[] | undefined) ?? []);
        const parts = [
            ...(extra.length ? [`${extra.join(", ")} ${extra.length === 1 ? "is a member" : "are members"} the program does not declare`] : []),
            ...(missing.length ? [`${missing.join(", ")} ${missing.length === 1 ? "is not a member" : "are not members"}`] : []),
        ];
        return `members (${parts.join("; ")})`;
    });
}
