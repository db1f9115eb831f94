/** The resources the guardrails protect: this package's telephony users, and how a message names one. */
import { kindOfType, type ResourceKind } from "../dynamic/kinds";
import { kindSummaries } from "../summary/kinds";

/** Kinds that are a person's telephone: replacing or deleting one takes something away from someone. */
export const userKinds = ["PbxUser", "MasergyUser", "UmpEndpoint", "TeamsEnterpriseUser"] as const satisfies readonly ResourceKind[];
export type UserKind = (typeof userKinds)[number];

/** The user kind of a type token, if it is one of `kinds`. */
export function userKindOf(type: string, kinds: readonly string[] = userKinds): UserKind | undefined {
    const kind = kindOfType(type);
    return kind && (userKinds as readonly string[]).includes(kind) && kinds.includes(kind) ? (kind as UserKind) : undefined;
}

/** The logical name in a URN (`urn:pulumi:stack::project::type::name`). */
export function nameInUrn(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** `pbx-user-alice (PbxUser alice, extension 1001)`: the logical name and what the vendor knows it as. */
export function objectName(name: string, kind: ResourceKind, props: Record<string, unknown>): string {
    const label = kindSummaries[kind].label(props);
    return `${name} (${kind}${label ? ` ${label}` : ""})`;
}
