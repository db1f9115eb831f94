/**
 * Our whole reading of the PortSIP PBX v22 REST API's answers: every body this package reads, as a
 * zod schema of what we read (unknown members are ignored, members we read are required or typed),
 * and PortSIP's error format. The API module, the token source, lookups, export and
 * `pulumi-ucaas doctor` read answers through these and nothing else.
 *
 * Sources: the seed `portsip-pbx-rest-api-users-roles-groups.txt` (list pages, role, user and
 * group bodies, group members), PortSIP's `about.md` (error format, blanks answered as null) and
 * `authentication.md` (the OAuth token answer), both summarised in reference/vendor-apis.md Q2.
 */
import { z } from "zod";
import { jsonAnswer } from "../http/answer";
import type { VendorErrorFormat } from "../http/error-format";
import { camelToSnake } from "../wire/case";
import { PbxRolePermissions } from "./pbx-role.schema";
import { PbxUserArgsSchema, pbxUserSecretKeys } from "./pbx-user.schema";

/**
 * `POST /api/login/oauth/token` (authentication.md): `{access_token, expires_in, refresh_token,
 * token_type}`. We read the token, its lifetime and the refresh token; a missing lifetime means
 * the token is renewed only when the PBX answers 401.
 */
export const PortSipTokenAnswer = z.looseObject({
    access_token: z.string().min(1),
    expires_in: z.number().positive().optional(),
    refresh_token: z.string().min(1).optional(),
});

/** A list page (seed `GET /api/roles`, `GET /api/users`: `{count, items[]}`). */
const listPage = <T extends z.ZodType>(item: T) =>
    z.looseObject({
        count: z.number().int().nonnegative().optional(),
        items: z.array(item),
    });

/** An item of `GET /api/roles` (seed: `{name, description}`). */
export const PortSipRoleSummary = z.looseObject({ name: z.string().min(1), description: z.string().nullish() });
export const PortSipRoleListPage = listPage(PortSipRoleSummary);

/** An item of `GET /api/users` (seed: the summary representation). We read its id, name and extension. */
export const PortSipUserSummary = z.looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    extension_number: z.string().min(1),
});
export const PortSipUserListPage = listPage(PortSipUserSummary);

/**
 * The permissions of `GET /api/roles/{name}` (seed): the eleven groups with every flag we manage,
 * in the vendor's spelling. Flags and groups we do not know are dropped, not refused: a PBX that
 * adds a permission must not break `refresh`.
 */
export const PortSipPermissions = z.object(
    Object.fromEntries(
        Object.entries(PbxRolePermissions.shape).map(([group, schema]) => [
            camelToSnake(group),
            z.object(Object.fromEntries(Object.keys(schema.unwrap().shape).map((flag) => [camelToSnake(flag), z.boolean()]))),
        ]),
    ),
);

/** `GET /api/roles/{name}` (seed): `{name, permissions, description}`. */
export const PortSipRole = z.looseObject({
    name: z.string().min(1),
    description: z.string().nullish(),
    permissions: PortSipPermissions,
});

/** The type of a PbxUser input as the PBX reports it (about.md: blanks come back as null). */
function wireTypeOf(field: z.ZodType): z.ZodType {
    let inner = field;
    while (["optional", "nullable", "default", "prefault"].includes(inner._zod.def.type)) {
        inner = (inner._zod.def as unknown as { innerType: z.ZodType }).innerType;
    }
    switch (inner._zod.def.type) {
        case "boolean":
            return z.boolean();
        case "number":
            return z.number();
        case "array":
            return z.array(z.unknown());
        case "object":
            return z.record(z.string(), z.unknown());
        default:
            // Strings and enums: read as strings, so a value the PBX adds shows as drift instead of failing every read.
            return z.string();
    }
}

/** PbxUser inputs the PBX never returns (the passwords) or reports differently (the binding, as `sync_type`). */
const notReported = new Set<string>([...pbxUserSecretKeys, "ms365UserId", "adopt", "name", "extensionNumber"]);

/**
 * `GET /api/users/{id}` (seed): the full representation. We read the id, name and extension, the
 * Microsoft 365 binding (`sync_type`), the voicemail PIN, and every property a PbxUser manages, each
 * typed; a member the PBX leaves out is undefined and the handler refuses to take it as cleared.
 */
export const PortSipUser = z.looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    extension_number: z.string().min(1),
    sync_type: z.string().nullish(),
    voicemail_pin: z.string().nullish(),
    ...Object.fromEntries(
        Object.entries(PbxUserArgsSchema.shape)
            .filter(([key]) => !notReported.has(key))
            .map(([key, field]) => [camelToSnake(key), wireTypeOf(field as z.ZodType).nullish()]),
    ),
});

export type PortSipRoleAnswer = z.output<typeof PortSipRole>;
export type PortSipUserAnswer = z.output<typeof PortSipUser>;

/** `POST /api/users` (seed, reference Q2): `201 {id}`; `POST /api/groups` answers the same `{id}`. */
export const PortSipCreatedUser = z.looseObject({ id: z.string().min(1) });

/** An item of `GET /api/groups` (seed: `{id, name, description}`). */
export const PortSipGroupSummary = z.looseObject({ id: z.string().min(1), name: z.string().min(1), description: z.string().nullish() });
export const PortSipGroupListPage = listPage(PortSipGroupSummary);

/**
 * `GET /api/groups/{id}` (seed): `{id, name, outbound_caller_ids: [{provider_id, caller_id,
 * description}], description}`. Caller ids are read whole; a blank list may come back as null.
 */
export const PortSipGroup = z.looseObject({
    id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().nullish(),
    outbound_caller_ids: z
        .array(z.looseObject({ provider_id: z.string().min(1), caller_id: z.string().min(1), description: z.string().nullish() }))
        .nullish(),
});

/**
 * `GET /api/groups/{id}/members` (seed): `{items: [{id, name, display_name, extension_number}]}`,
 * the whole list: the seed documents no paging for it. A `count` beyond the items received would
 * mean a page of a longer list, which we cannot read whole, so it is refused rather than taken as
 * every member.
 */
export const PortSipGroupMembers = z
    .looseObject({
        count: z.number().int().nonnegative().optional(),
        items: z.array(z.looseObject({ id: z.string().min(1), name: z.string().min(1), extension_number: z.string().min(1) })),
    })
    .refine((page) => page.count === undefined || page.count <= page.items.length, {
        message: "count is more than the items listed: a page of a longer member list, which the seed documents no paging for",
    });

export type PortSipGroupAnswer = z.output<typeof PortSipGroup>;
export type PortSipGroupMember = z.output<typeof PortSipGroupMembers>["items"][number];

export const portSipAnswers = {
    token: jsonAnswer("a PortSIP token {access_token, expires_in?, refresh_token?}", PortSipTokenAnswer),
    roleList: jsonAnswer("a PortSIP list page {count?, items: [{name, description?}]}", PortSipRoleListPage),
    role: jsonAnswer("a PortSIP role {name, description?, permissions: the eleven groups of flags}", PortSipRole),
    userList: jsonAnswer("a PortSIP list page {count?, items: [{id, name, extension_number}]}", PortSipUserListPage),
    user: jsonAnswer("a PortSIP user {id, name, extension_number, ...}", PortSipUser),
    createdUser: jsonAnswer("the created user's {id}", PortSipCreatedUser),
    groupList: jsonAnswer("a PortSIP list page {count?, items: [{id, name, description?}]}", PortSipGroupListPage),
    group: jsonAnswer("a PortSIP user group {id, name, description?, outbound_caller_ids?}", PortSipGroup),
    groupMembers: jsonAnswer("a PortSIP member list {items: [{id, name, extension_number}]}", PortSipGroupMembers),
    createdGroup: jsonAnswer("the created group's {id}", PortSipCreatedUser),
};

/**
 * PortSIP's error format (about.md): `{"errors": [{"code", "message", "detail"?}]}`. A 404 in this
 * format is PortSIP saying the object does not exist; any other 404 (a proxy's page) is not.
 */
export const PortSipErrorBody = z.looseObject({
    errors: z.array(z.looseObject({ code: z.string(), message: z.string().optional(), detail: z.unknown().optional() })).min(1),
});

export const portSipErrorFormat: VendorErrorFormat<z.output<typeof PortSipErrorBody>> = {
    description: "PortSIP's error format {errors: [{code, message}]}",
    schema: PortSipErrorBody,
    describe: ({ errors }) => ({
        code: errors[0].code,
        message: errors.map((e) => e.message).filter(Boolean).join("; ") || undefined,
        detail: errors.some((e) => e.detail !== undefined) ? errors.map((e) => e.detail) : undefined,
    }),
    isNotFound: (statusCode) => statusCode === 404,
};
