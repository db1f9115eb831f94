/**
 * The sections a roster may have, one per resource type: where it lives in the file, the
 * resource's own zod schema, its secret fields, its natural key and how to declare it.
 * Vendors add their section here.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ResourceKind } from "../dynamic/kinds";
import { MasergyUser } from "../masergy/masergy-user";
import { MasergyUserArgsSchema, masergyUserSecretKeys } from "../masergy/masergy-user.schema";
import { PbxRole } from "../pbx/pbx-role";
import { PbxRoleArgsSchema } from "../pbx/pbx-role.schema";
import { PbxUser } from "../pbx/pbx-user";
import { PbxUserArgsSchema, pbxUserSecretKeys } from "../pbx/pbx-user.schema";
import { TeamsEnterpriseUser } from "../teams/teams-enterprise-user";
import { TeamsEnterpriseUserArgsSchema, teamsEnterpriseUserSecretKeys } from "../teams/teams-enterprise-user.schema";
import { UmpEndpoint } from "../ump/ump-endpoint";
import { UmpEndpointArgsSchema, normalizeSipAddress } from "../ump/ump-endpoint.schema";

export interface RosterSection {
    /** `vendor.list` in the YAML file, e.g. `pbx.users`. */
    vendor: string;
    list: string;
    kind: ResourceKind;
    /** The resource's args schema, exactly as its `check` uses it. */
    schema: z.ZodObject;
    secretKeys: readonly string[];
    /** What identifies an entry at the vendor; also the stable part of its logical name. */
    naturalKey(entry: Record<string, unknown>): string;
    /** Logical name prefix, e.g. `pbx-user`. */
    namePrefix: string;
    declare(name: string, args: Record<string, unknown>, opts: pulumi.CustomResourceOptions): pulumi.CustomResource;
    /**
     * Fields that may name another roster entry by its natural key, e.g. a PbxUser's `role`: the
     * reference becomes that resource's output, so the engine orders them and the preview shows it.
     */
    references?: ReadonlyArray<{ field: string; section: string; output: string }>;
}

export const rosterSections: readonly RosterSection[] = [
    {
        vendor: "masergy",
        list: "users",
        kind: "MasergyUser",
        schema: MasergyUserArgsSchema,
        secretKeys: masergyUserSecretKeys,
        naturalKey: (entry) => String(entry.userId),
        namePrefix: "masergy-user",
        declare: (name, args, opts) => new MasergyUser(name, args as never, opts),
    },
    {
        vendor: "pbx",
        list: "roles",
        kind: "PbxRole",
        schema: PbxRoleArgsSchema,
        secretKeys: [],
        naturalKey: (entry) => String(entry.name),
        namePrefix: "pbx-role",
        declare: (name, args, opts) => new PbxRole(name, args as never, opts),
    },
    {
        vendor: "pbx",
        list: "users",
        kind: "PbxUser",
        schema: PbxUserArgsSchema,
        secretKeys: pbxUserSecretKeys,
        naturalKey: (entry) => String(entry.extensionNumber),
        namePrefix: "pbx-user",
        declare: (name, args, opts) => new PbxUser(name, args as never, opts),
        references: [{ field: "role", section: "pbx.roles", output: "name" }],
    },
    {
        vendor: "ump",
        list: "endpoints",
        kind: "UmpEndpoint",
        schema: UmpEndpointArgsSchema,
        secretKeys: [],
        // The same address in another letter case or without `sip:` is the same endpoint.
        naturalKey: (entry) => normalizeSipAddress(String(entry.identity)),
        namePrefix: "ump-endpoint",
        declare: (name, args, opts) => new UmpEndpoint(name, args as never, opts),
    },
    {
        vendor: "teams",
        list: "users",
        kind: "TeamsEnterpriseUser",
        schema: TeamsEnterpriseUserArgsSchema,
        secretKeys: teamsEnterpriseUserSecretKeys,
        naturalKey: (entry) => `${entry.tenantId}/${entry.loginId}`,
        namePrefix: "teams-user",
        declare: (name, args, opts) => new TeamsEnterpriseUser(name, args as never, opts),
    },
];
