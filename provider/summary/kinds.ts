/**
 * What the summary knows about each resource kind: its vendor, how a reviewer names one object,
 * which properties are secret or computed, and what a replacement or removal means for the people
 * using it. One table, keyed by kind, so a new kind cannot be added without its wording.
 */
import type { ResourceKind } from "../dynamic/kinds";
import { masergyUserComputedKeys, masergyUserSecretKeys, masergyUserSecretOutputs } from "../masergy/masergy-user.schema";
import { incompleteCreateKey, pendingJobKey } from "../masergy/masergy-user.outputs";
import { pbxUserSecretKeys } from "../pbx/pbx-user.schema";
import { teamsEnterpriseUserSecretKeys } from "../teams/teams-enterprise-user.schema";
import { umpEndpointComputedKeys } from "../ump/ump-endpoint.schema";

export const vendors = ["PortSIP PBX", "Masergy", "AudioCodes UMP", "ConnecttoTeams"] as const;
export type Vendor = (typeof vendors)[number];

type Props = Record<string, unknown>;

export interface KindSummary {
    vendor: Vendor;
    /** How a reviewer knows the object, from its properties (undefined when they are not known yet). */
    label(props: Props): string | undefined;
    /** Properties shown only as "changed". */
    secretKeys: readonly string[];
    /** Outputs the vendor computes; never compared with inputs. */
    computedKeys: readonly string[];
    /** Whether a replacement deletes the old object first (the handlers' DiffSpec), when the preview does not say. */
    deleteBeforeReplace: boolean;
    /** What the people using the object lose while it is replaced. */
    whileReplaced: string;
    /** What removing it does at the vendor. */
    removal: string;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

export const kindSummaries: Record<ResourceKind, KindSummary> = {
    PbxRole: {
        vendor: "PortSIP PBX",
        label: (p) => (text(p.name) ? `role ${p.name}` : undefined),
        secretKeys: [],
        computedKeys: [],
        deleteBeforeReplace: false,
        whileReplaced: "its users move to the new role and lose nothing",
        removal: "the role is deleted at the PBX",
    },
    PbxUser: {
        vendor: "PortSIP PBX",
        label: (p) => (text(p.name) ? `${p.name}${text(p.extensionNumber) ? `, extension ${p.extensionNumber}` : ""}` : undefined),
        secretKeys: pbxUserSecretKeys,
        computedKeys: ["userId"],
        deleteBeforeReplace: true,
        whileReplaced: "the user has no extension, voicemail or phone registration until it is recreated",
        removal: "the user, its extension and voicemail are deleted at the PBX",
    },
    PbxGroup: {
        vendor: "PortSIP PBX",
        label: (p) => (text(p.name) ? `group ${p.name}` : undefined),
        secretKeys: [],
        computedKeys: ["groupId"],
        deleteBeforeReplace: false,
        whileReplaced: "nothing replaces a group: every change, a new name included, is made in place",
        removal: "the group is deleted at the PBX; its members stay as users",
    },
    MasergyUser: {
        vendor: "Masergy",
        label: (p) => text(p.userId),
        secretKeys: [...masergyUserSecretKeys, ...masergyUserSecretOutputs],
        computedKeys: masergyUserComputedKeys,
        deleteBeforeReplace: true,
        whileReplaced: "the user has no number, service or devices until the new user's Masergy jobs finish",
        removal: "the user is deleted at Masergy (a provisioning job)",
    },
    UmpEndpoint: {
        vendor: "AudioCodes UMP",
        label: (p) => text(p.identity),
        secretKeys: [],
        computedKeys: umpEndpointComputedKeys,
        deleteBeforeReplace: true,
        whileReplaced: "the number is released and cannot be called until it is assigned again",
        removal: "the number and voice settings are released; the directory user stays",
    },
    TeamsEnterpriseUser: {
        vendor: "ConnecttoTeams",
        label: (p) => (text(p.loginId) ? `${p.loginId}${text(p.tenantId) ? ` (tenant ${String(p.tenantId).slice(0, 8)})` : ""}` : undefined),
        secretKeys: teamsEnterpriseUserSecretKeys,
        computedKeys: [],
        deleteBeforeReplace: false,
        whileReplaced: "the old login loses Teams calling when it is disabled",
        removal: "the user is disabled at ConnecttoTeams and removed at the next enterprise sync",
    },
};

/** Hidden (`__`) properties a provider can name as the reason for a change, in words. */
export const hiddenReasons: Record<string, string> = {
    [incompleteCreateKey]: "an earlier create did not finish at Masergy: the user is created again",
    [pendingJobKey]: "settles a Masergy job an earlier run left unfinished",
};
