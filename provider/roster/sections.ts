/**
 * The sections a roster may have, one per resource type: where it lives in the file, the
 * resource's own zod schema, its secret fields, how its entries are named and how to declare it.
 * Vendors add their section here.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { ResourceKind } from "../dynamic/kinds";
import { MasergyUser } from "../masergy/masergy-user";
import { MasergyUserArgsSchema, masergyUserSecretKeys } from "../masergy/masergy-user.schema";
import { PbxGroup } from "../pbx/pbx-group";
import { PbxGroupArgsSchema, PbxGroupMember } from "../pbx/pbx-group.schema";
import { PbxRole } from "../pbx/pbx-role";
import { PbxRoleArgsSchema } from "../pbx/pbx-role.schema";
import { PbxUser } from "../pbx/pbx-user";
import { PbxUserArgsSchema, pbxUserSecretKeys } from "../pbx/pbx-user.schema";
import { TeamsEnterpriseUser } from "../teams/teams-enterprise-user";
import { TeamsEnterpriseUserArgsSchema, teamsEnterpriseUserSecretKeys } from "../teams/teams-enterprise-user.schema";
import { UmpEndpoint } from "../ump/ump-endpoint";
import { UmpEndpointArgsSchema, normalizeSipAddress } from "../ump/ump-endpoint.schema";
import { legacyLogicalName, logicalName } from "./logical-name";
import { tenantShortName, type TenantAliases } from "./tenants";

type Entry = Record<string, unknown>;

/** What naming an entry may need besides the entry: the roster's Teams tenant aliases. */
export interface NamingContext {
    tenants: TenantAliases;
}

export interface RosterSection {
    /** `vendor.list` in the YAML file, e.g. `pbx.users`. */
    vendor: string;
    list: string;
    kind: ResourceKind;
    /** The resource's args schema, exactly as its `check` uses it. */
    schema: z.ZodObject;
    secretKeys: readonly string[];
    /** Field descriptions that differ in a roster, e.g. a Teams `tenantId` may be a short name from `teams.tenants`. */
    rosterDescriptions?: Readonly<Record<string, string>>;
    /** Logical name prefix, e.g. `pbx-user`. */
    namePrefix: string;
    /** How the reference (docs/roster.md) states the logical name and the former ones, in Markdown. */
    naming: { name: string; former?: string };
    /**
     * The rest of the logical name: an identity of the object that no update changes and that reads
     * well in a pull request (a PBX user's name, not its extension, which can change).
     */
    nameKey(entry: Entry, context: NamingContext): string;
    /**
     * Names the entry's resource had before (`pbx-user-1001`); declared as aliases, so stacks
     * deployed with them keep their resources. Absent when the name never changed.
     */
    formerNames?(entry: Entry, context: NamingContext): string[];
    /** Other values two entries may not share, since the vendor keeps them unique (a PBX user's extension). */
    uniqueBy?: ReadonlyArray<{ label: string; of(entry: Entry): string }>;
    /** What the entry is at the vendor, as the program's `managed` output shows it. */
    identity(entry: Entry): string;
    declare(name: string, args: Entry, opts: pulumi.CustomResourceOptions): pulumi.CustomResource;
    /**
     * Fields that may name another roster entry by one of its fields, e.g. a PbxUser's `role` names
     * a PbxRole's `name`: the reference becomes that resource's output, so the engine orders them
     * and the preview shows it (see `references.ts`).
     */
    references?: readonly RosterReference[];
    /** Fields whose schema differs in a roster, e.g. a group's members may be user names there. */
    rosterFields?: Readonly<Record<string, z.ZodType>>;
}

export interface RosterReference {
    /** The referencing field; each item of a list field may name an entry. */
    field: string;
    /** The section referenced, e.g. `pbx.users`. */
    section: string;
    /** The fields of its entries a value may name, tried in order. */
    keys: readonly string[];
    /** The output of the named resource that replaces the value. */
    output: string;
    /** What a value that names no entry must be instead; any value is accepted when absent. */
    otherwise?: { schema: z.ZodType; says: string };
}

export const rosterSections: readonly RosterSection[] = [
    {
        vendor: "masergy",
        list: "users",
        kind: "MasergyUser",
        schema: MasergyUserArgsSchema,
        secretKeys: masergyUserSecretKeys,
        namePrefix: "masergy-user",
        naming: { name: "`masergy-user-<userId>`" },
        nameKey: (entry) => String(entry.userId),
        identity: (entry) => `${entry.userId} (group ${entry.groupId})`,
        declare: (name, args, opts) => new MasergyUser(name, args as never, opts),
    },
    {
        vendor: "pbx",
        list: "roles",
        kind: "PbxRole",
        schema: PbxRoleArgsSchema,
        secretKeys: [],
        namePrefix: "pbx-role",
        naming: { name: "`pbx-role-<name>`" },
        nameKey: (entry) => String(entry.name),
        identity: (entry) => String(entry.name),
        declare: (name, args, opts) => new PbxRole(name, args as never, opts),
    },
    {
        vendor: "pbx",
        list: "users",
        kind: "PbxUser",
        schema: PbxUserArgsSchema,
        secretKeys: pbxUserSecretKeys,
        namePrefix: "pbx-user",
        naming: { name: "`pbx-user-<name>`", former: "`pbx-user-<extensionNumber>`" },
        // PortSIP cannot rename a user, but an extension can move: named by name, a new extension
        // is a change of this resource (a delete-first replacement), not a new user next to the old.
        nameKey: (entry) => String(entry.name),
        formerNames: (entry) => [legacyLogicalName("pbx-user", String(entry.extensionNumber))],
        uniqueBy: [{ label: "extension", of: (entry) => String(entry.extensionNumber) }],
        identity: (entry) => `${entry.name} (extension ${entry.extensionNumber})`,
        declare: (name, args, opts) => new PbxUser(name, args as never, opts),
        references: [{ field: "role", section: "pbx.roles", keys: ["name"], output: "name" }],
    },
    {
        vendor: "pbx",
        list: "groups",
        kind: "PbxGroup",
        schema: PbxGroupArgsSchema,
        secretKeys: [],
        namePrefix: "pbx-group",
        naming: { name: "`pbx-group-<name>`" },
        nameKey: (entry) => String(entry.name),
        identity: (entry) => String(entry.name),
        declare: (name, args, opts) => new PbxGroup(name, args as never, opts),
        rosterFields: {
            members: z
                .array(z.string().min(1))
                .optional()
                .describe(
                    "Every member, in any order: a user of `pbx.users` by its name (or extension number), which becomes that user's " +
                        "extension output, so the user is created before it joins and deleted after it left; or the extension number of a " +
                        "user this roster does not manage. The group owns the whole list: a member left out is removed from the group.",
                ),
        },
        references: [
            {
                field: "members",
                section: "pbx.users",
                keys: ["name", "extensionNumber"],
                output: "extensionNumber",
                otherwise: { schema: PbxGroupMember, says: "is neither the name nor the extension of a user in pbx.users, nor an extension number (3-64 digits)" },
            },
        ],
    },
    {
        vendor: "ump",
        list: "endpoints",
        kind: "UmpEndpoint",
        schema: UmpEndpointArgsSchema,
        secretKeys: [],
        namePrefix: "ump-endpoint",
        naming: { name: "`ump-endpoint-<user@domain>`", former: "`ump-endpoint-sip_<user@domain>`" },
        // The same address in another letter case or without `sip:` is the same endpoint.
        nameKey: (entry) => normalizeSipAddress(String(entry.identity)).slice("sip:".length),
        formerNames: (entry) => [legacyLogicalName("ump-endpoint", normalizeSipAddress(String(entry.identity)))],
        identity: (entry) => normalizeSipAddress(String(entry.identity)),
        declare: (name, args, opts) => new UmpEndpoint(name, args as never, opts),
    },
    {
        vendor: "teams",
        list: "users",
        kind: "TeamsEnterpriseUser",
        schema: TeamsEnterpriseUserArgsSchema,
        secretKeys: teamsEnterpriseUserSecretKeys,
        rosterDescriptions: {
            tenantId: "The Microsoft tenant: its id, or its short name from `teams.tenants`. Changing it replaces the user.",
        },
        namePrefix: "teams-user",
        naming: {
            name: "`teams-user-<tenant>/<loginId>`, `<tenant>` being the short name from `teams.tenants`, else the first eight hex digits of a GUID tenant id, else the id",
            former: "`teams-user-<tenantId>_<loginId>` and `teams-user-<first eight hex digits>/<loginId>`",
        },
        nameKey: (entry, { tenants }) => `${tenantShortName(String(entry.tenantId), tenants)}/${entry.loginId}`,
        // The whole tenant id, as names were before; and the derived short name, so that naming a
        // tenant in `teams.tenants` later renames its users in place.
        formerNames: (entry) => [
            legacyLogicalName("teams-user", `${entry.tenantId}/${entry.loginId}`),
            logicalName("teams-user", `${tenantShortName(String(entry.tenantId), {})}/${entry.loginId}`),
        ],
        identity: (entry) => `${entry.tenantId}/${entry.loginId}`,
        declare: (name, args, opts) => new TeamsEnterpriseUser(name, args as never, opts),
    },
];

/** `pbx.users`: how messages and the `sections:` declaration name a section. */
export const sectionPath = (section: RosterSection) => `${section.vendor}.${section.list}`;
