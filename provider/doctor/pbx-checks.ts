/**
 * PortSIP: the token, the role model (which built-in roles the PBX lists, which permission groups
 * and flags its roles carry), and the users, each read through `portsip-api.ts` and its schemas.
 *
 * The seed has no version endpoint; the role model is how the API generation shows: v22.0-22.2
 * lists the seven built-in roles PbxRole knows (with Replicator), v22.3 replaces them with
 * SystemAdmin, OperationsAdmin, SiteAdmin, ... and roles made of capability lists
 * (reference/vendor-apis.md Q2), which PbxRole cannot manage.
 */
import type { z } from "zod";
import { getSetting } from "../config";
import type { VendorClient } from "../http/client";
import { portSipClient } from "../pbx/client";
import { builtInRoleNames } from "../pbx/pbx-role.schema";
import * as api from "../pbx/portsip-api";
import { PortSipPermissions, type PortSipRoleSummary } from "../pbx/portsip-answers";
import { jsonBodyOf } from "./answer-recorder";
import { anySettingGiven, count, needs, settingsCheck, urlKind, type Check, type VendorDoctor } from "./check";
import { safeKey } from "./shape";
import { lifetimeInWords, tokenCheck } from "./token-check";

/** Built-in roles that only PortSIP v22.3 and later list (reference/vendor-apis.md Q2). */
const v22_3BuiltInRoleNames = ["OperationsAdmin", "SiteAdmin"];

/** How many roles the permissions check reads: the built-in ones and a few custom ones. */
const customRolesRead = 3;

/** Group -> flags, in the vendor's spelling, as our schema of a role reads them. */
const knownPermissions = new Map(
    Object.entries(PortSipPermissions.shape).map(([group, flags]) => [group, new Set(Object.keys((flags as z.ZodObject).shape))]),
);

/** Groups and flags a role answer carries beyond the ones we read (ignored when read, by design). */
function extraPermissions(body: unknown): string[] {
    const permissions = (body as { permissions?: unknown } | undefined)?.permissions;
    if (permissions === null || typeof permissions !== "object") return [];
    return Object.entries(permissions).flatMap(([group, flags]) => {
        const known = knownPermissions.get(group);
        if (!known) return [`${safeKey(group)} (a whole group)`];
        return flags !== null && typeof flags === "object" ? Object.keys(flags).filter((flag) => !known.has(flag)).map((flag) => `${group}.${safeKey(flag)}`) : [];
    });
}

const isBuiltIn = (name: string) => builtInRoleNames.some((builtIn) => builtIn.toLowerCase() === name.toLowerCase());

export const pbxDoctor: VendorDoctor = {
    key: "pbx",
    configured: () => anySettingGiven(["pbxUrl", "pbxToken", "pbxUsername", "pbxPassword"]),
    checks({ lastAnswer }): Check[] {
        let client: VendorClient | undefined;
        let roles: z.output<typeof PortSipRoleSummary>[] | undefined;
        let users: api.WireUserSummary[] | undefined;
        const staticToken = () => getSetting("pbxToken") !== undefined;

        const token: Check = staticToken()
            ? {
                  name: "token",
                  request: "none (a static token)",
                  run: async () => ({
                      summary:
                          "a static token (ucaas:pbxToken): no grant and no lifetime to check; " +
                          "when it expires, requests fail with 401 until a new one is set",
                  }),
              }
            : tokenCheck("POST api/login/oauth/token", () => client?.tokens, (seconds) =>
                  `password grant: ${lifetimeInWords(seconds, "with its refresh token, else by logging in again")}`,
              );

        return [
            settingsCheck("ucaas:pbx*", () => {
                client = portSipClient();
                return `${urlKind("pbxUrl")}, ${staticToken() ? "a static token (ucaas:pbxToken)" : `log in${getSetting("pbxDomain") ? " to a tenant (ucaas:pbxDomain)" : " as a system administrator"}`}`;
            }),
            token,
            {
                name: "roles",
                request: "GET api/roles",
                async run() {
                    roles = await api.listRoles(needs(client, "settings"));
                    const builtIn = roles.filter((role) => isBuiltIn(role.name)).length;
                    return { summary: `${count(roles.length, "role")}: ${builtIn} built-in, ${roles.length - builtIn} custom` };
                },
            },
            {
                name: "role model",
                request: "GET api/roles (the built-in names)",
                async run() {
                    const listed = new Set(needs(roles, "roles").map((role) => role.name.toLowerCase()));
                    const missing = builtInRoleNames.filter((name) => !listed.has(name.toLowerCase()));
                    const newer = v22_3BuiltInRoleNames.filter((name) => listed.has(name.toLowerCase()));
                    const model = `PortSIP v22.0-22.2's built-in roles (${builtInRoleNames.join(", ")})`;
                    const summary = `v22.0-22.2's: ${builtInRoleNames.join(", ")} are built in (PbxRole refuses their names)`;
                    if (missing.length === 0) return { summary };
                    const instead = newer.length ? `; ${newer.join(", ")} instead: v22.3's built-in roles, whose roles are capability lists PbxRole cannot manage` : "";
                    return { summary, differences: [{ path: "items[].name", expected: `every one of ${model}`, received: `no ${missing.join(", ")}${instead}` }] };
                },
            },
            {
                name: "permissions",
                request: "GET api/roles/{name}",
                async run() {
                    const listed = needs(roles, "roles").map((role) => role.name);
                    const names = [...listed.filter(isBuiltIn), ...listed.filter((name) => !isBuiltIn(name)).slice(0, customRolesRead)];
                    const extras = new Set<string>();
                    let read = 0;
                    for (const name of names) {
                        if (await api.getRole(needs(client, "settings"), name)) read++;
                        extraPermissions(jsonBodyOf(lastAnswer(`read role ${name}`))).forEach((extra) => extras.add(extra));
                    }
                    const known = `the ${knownPermissions.size} groups with every flag PbxRole manages`;
                    const ignored = extras.size ? `; flags beyond ours, which PbxRole ignores: ${[...extras].join(", ")}` : "; no flags beyond ours";
                    return { summary: `${count(read, "role")} read: ${known}${ignored}` };
                },
            },
            {
                name: "users",
                request: "GET api/users",
                async run() {
                    users = await api.listUsers(needs(client, "settings"));
                    return { summary: count(users.length, "user") };
                },
            },
            {
                name: "user detail",
                request: "GET api/users/{id}",
                async run() {
                    const [first] = needs(users, "users");
                    if (!first) return { summary: "the PBX has no users: nothing to read" };
                    const user = await api.getUser(needs(client, "settings"), first.id);
                    if (!user) {
                        return {
                            summary: "the first listed user",
                            differences: [{ path: "(answer)", expected: "the user the list has just returned", received: "PortSIP's 404: no such user" }],
                        };
                    }
                    return { summary: "1 user read: every field PbxUser manages has the type we read" };
                },
            },
        ];
    },
};
