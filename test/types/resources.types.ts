/**
 * Type-level tests: this file is compiled by `npm test` (scripts/test.sh type-checks test/) and never
 * run. A line that should not compile carries `@ts-expect-error`, which itself fails when the line
 * compiles. What it holds the package to:
 * - args take `pulumi.Input` at every depth (a nested Output is no TS2322);
 * - every input and every computed property is a declared `pulumi.Output` (no TS2339), with the
 *   types zod infers from the schemas (so the generated declarations cannot drift from them);
 * - `<Kind>.get(name, id, opts)` on every resource (TeamsEnterpriseUser's returns `never`: it throws);
 * - every lookup in both forms, the Promise one with plain args, the Output one with Inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import * as ucaas from "../../provider";
import type { MasergyUserArgsSchema, MasergyUserComputedSchema } from "../../provider/masergy/masergy-user.schema";
import type { PbxGroupArgsSchema, PbxGroupComputedSchema } from "../../provider/pbx/pbx-group.schema";
import type { PbxRoleArgsSchema } from "../../provider/pbx/pbx-role.schema";
import type { PbxUserArgsSchema, PbxUserComputedSchema } from "../../provider/pbx/pbx-user.schema";
import type { TeamsEnterpriseUserArgsSchema } from "../../provider/teams/teams-enterprise-user.schema";
import type { UmpEndpointArgsSchema, UmpEndpointComputedSchema } from "../../provider/ump/ump-endpoint.schema";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const holds = <T extends true>(): T => true as T;

/** The declared members of a resource class, beyond `pulumi.CustomResource`'s own. */
type Declared<R> = Pick<R, Exclude<keyof R, keyof pulumi.CustomResource>>;
/** Each property as a `pulumi.Output` of its value, `undefined` included when it is optional. */
type AsOutputs<T> = { readonly [K in keyof T]-?: pulumi.Output<{} extends Pick<T, K> ? T[K] | undefined : T[K]> };
/** Without the fields that only exist to be refused (zod types them `undefined`). */
type Accepted<T> = { [K in keyof T as [Exclude<T[K], undefined>] extends [never] ? never : K]: T[K] };
/** What zod says a resource's outputs are: its checked args and its computed properties. */
type Checked<S extends z.ZodType, C = unknown> = Accepted<z.output<S> & C>;
type Computed<C extends z.ZodType> = z.output<C>;

// The plain outputs are exactly zod's output types, and the class declares each of them as an Output.
holds<Same<ucaas.PbxRoleOutputs, Checked<typeof PbxRoleArgsSchema>>>();
holds<Same<ucaas.PbxUserOutputs, Checked<typeof PbxUserArgsSchema, Computed<typeof PbxUserComputedSchema>>>>();
holds<Same<ucaas.PbxGroupOutputs, Checked<typeof PbxGroupArgsSchema, Computed<typeof PbxGroupComputedSchema>>>>();
holds<Same<ucaas.MasergyUserOutputs, Checked<typeof MasergyUserArgsSchema, Computed<typeof MasergyUserComputedSchema>>>>();
holds<Same<ucaas.UmpEndpointOutputs, Checked<typeof UmpEndpointArgsSchema, Computed<typeof UmpEndpointComputedSchema>>>>();
holds<Same<ucaas.TeamsEnterpriseUserOutputs, Checked<typeof TeamsEnterpriseUserArgsSchema>>>();
holds<Same<Declared<ucaas.PbxRole>, AsOutputs<ucaas.PbxRoleOutputs>>>();
holds<Same<Declared<ucaas.PbxUser>, AsOutputs<ucaas.PbxUserOutputs>>>();
holds<Same<Declared<ucaas.PbxGroup>, AsOutputs<ucaas.PbxGroupOutputs>>>();
holds<Same<Declared<ucaas.MasergyUser>, AsOutputs<ucaas.MasergyUserOutputs>>>();
holds<Same<Declared<ucaas.UmpEndpoint>, AsOutputs<ucaas.UmpEndpointOutputs>>>();
holds<Same<Declared<ucaas.TeamsEnterpriseUser>, AsOutputs<ucaas.TeamsEnterpriseUserOutputs>>>();

// Plain values zod accepts are valid args, and unwrapped args are what zod accepts.
holds<Same<pulumi.Unwrap<ucaas.PbxRoleArgs>, z.input<typeof PbxRoleArgsSchema>>>();
holds<Same<pulumi.Unwrap<ucaas.PbxUserArgs>, z.input<typeof PbxUserArgsSchema>>>();
holds<Same<pulumi.Unwrap<ucaas.PbxGroupArgs>, z.input<typeof PbxGroupArgsSchema>>>();
holds<Same<pulumi.Unwrap<ucaas.MasergyUserArgs>, z.input<typeof MasergyUserArgsSchema>>>();
holds<Same<pulumi.Unwrap<ucaas.UmpEndpointArgs>, z.input<typeof UmpEndpointArgsSchema>>>();
holds<Same<pulumi.Unwrap<ucaas.TeamsEnterpriseUserArgs>, z.input<typeof TeamsEnterpriseUserArgsSchema>>>();

/** A program using the package as a Pulumi user would; compiled, never run. */
export function program(config: pulumi.Config): Record<string, pulumi.Input<unknown>> {
    // Nested Outputs at every depth: objects in objects, array items, members of array items.
    const role = new ucaas.PbxRole("support", {
        name: "Support",
        permissions: {
            general: { voicemailFullAccess: config.requireBoolean("voicemail"), meeting: pulumi.output(true) },
            policies: pulumi.output({ internalCalls: true }),
        },
    });
    const user = new ucaas.PbxUser("alice", {
        name: "alice",
        displayName: pulumi.interpolate`Alice ${config.require("surname")}`,
        email: "alice@example.com",
        role: role.name,
        extensionNumber: "1001",
        password: config.requireSecret("alicePassword"),
        extensionPassword: config.requireSecret("aliceExtensionPassword"),
        voicemailPin: config.requireSecret("aliceVoicemailPin"),
        officeHours: {
            mode: "CUSTOM",
            monday: { enabled: pulumi.output(true), ranges: [{ from: config.require("opens"), to: "17:00" }, pulumi.output({ from: "18:00", to: "19:00" })] },
        },
        availableNoAnswerForwardRule: { action: "FORWARD_TO_VOICEMAIL", timeout: pulumi.output(30) },
        outboundCallerIds: [{ providerId: pulumi.output("trunk-1"), callerId: "+12125550100" }],
        sms: pulumi.output("ALLOW" as const),
    });
    const group = new ucaas.PbxGroup("support-team", {
        name: "Support team",
        outboundCallerIds: [{ providerId: pulumi.output("trunk-1"), callerId: config.require("supportLine") }],
        // Members as outputs of the users, next to extensions typed as text.
        members: [user.extensionNumber, pulumi.output("2002"), "2003"],
    });
    // @ts-expect-error a member is an extension, not a user
    new ucaas.PbxGroup("wrong", { name: "Wrong", members: [user] });
    // @ts-expect-error a nested Output of the wrong type is still refused
    new ucaas.PbxRole("wrong", { name: "Wrong", permissions: { general: { meeting: pulumi.output("yes") } } });
    // @ts-expect-error so is a value outside an enum
    new ucaas.PbxUser("wrong", { name: "x", displayName: "x", email: "x@example.com", role: "R", extensionNumber: "100", sms: "SOMETIMES" });

    const masergy = new ucaas.MasergyUser("jane", {
        groupId: "NYC-OFFICE",
        userId: "jdoe@example.com",
        firstName: "Jane",
        lastName: pulumi.output("Doe"),
        webPortalPassword: config.requireSecret("janePortalPassword"),
        extension: "0101",
        mainServicePack: "UC-Standard",
        addressType: "NONE",
        timeZone: pulumi.output("America/New_York" as const),
    });
    const endpoint = new ucaas.UmpEndpoint("alice-voice", { identity: "sip:alice@contoso.com", lineUri: user.extensionNumber.apply((e) => `tel:+3136546${e}`) });
    const teams = new ucaas.TeamsEnterpriseUser("alice-teams", {
        tenantId: "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c",
        loginId: "alice@contoso.com",
        pbxLocation: "pbx-east",
        pbxUserId: user.userId,
        sbcGatewayId: 11,
        teamsUserId: "alice@contoso.onmicrosoft.com",
        callPolicyInfo: { callPolicyName: pulumi.output("Global"), resellerId: pulumi.output(7) },
    });

    // Every declared output, computed ones too, with its type.
    const department: pulumi.Output<string | undefined> = user.department;
    const userId: pulumi.Output<string> = user.userId;
    const meeting: pulumi.Output<boolean> = role.permissions.general.meeting;
    const officeMonday = user.officeHours.apply((hours) => hours?.monday?.ranges.map((range) => range.from));
    const jobId: pulumi.Output<string | undefined> = masergy.jobId;
    const resultData: pulumi.Output<Record<string, string> | undefined> = masergy.resultData;
    const voicemail: pulumi.Output<boolean> = masergy.voicemail;
    const registrarPool: pulumi.Output<string | undefined> = endpoint.registrarPool;
    const groupId: pulumi.Output<string> = group.groupId;
    const members: pulumi.Output<string[]> = group.members;
    const callerIds = group.outboundCallerIds.apply((ids) => ids?.map((id) => id.callerId));
    const forwarded: pulumi.Output<"USER_CALLER_ID" | "TRANSPARENT"> = teams.pbxCallPolicyInfo.forwardedCallsCallerId;
    // @ts-expect-error a refused (deprecated) vendor field is no output
    teams.directRouteId;

    // get: a read-only reference, usable as a dependency and for its outputs.
    const existingRole: ucaas.PbxRole = ucaas.PbxRole.get("existing-role", "Support");
    const existingUser: ucaas.PbxUser = ucaas.PbxUser.get("existing-user", user.userId, { dependsOn: [existingRole] });
    const existingJane: ucaas.MasergyUser = ucaas.MasergyUser.get("existing-jane", "jdoe@example.com", { parent: masergy });
    const existingEndpoint: ucaas.UmpEndpoint = ucaas.UmpEndpoint.get("existing-endpoint", pulumi.output("sip:bob@contoso.com"));
    const existingGroup: ucaas.PbxGroup = ucaas.PbxGroup.get("existing-group", group.groupId, { dependsOn: [existingUser] });
    const refused: never = ucaas.TeamsEnterpriseUser.get("existing-teams", "tenant/login");
    new ucaas.PbxUser("bob", {
        name: "bob",
        displayName: "Bob",
        email: "bob@example.com",
        role: existingRole.name,
        extensionNumber: existingUser.extensionNumber.apply((e) => `${e}2`),
        adopt: true,
    }, { dependsOn: [existingEndpoint] });

    // Lookups: the Promise form with plain args, the Output form with Inputs and `dependsOn`.
    const roles: Promise<ucaas.pbx.PbxRoleSummary[]> = ucaas.pbx.getRoles();
    const rolesOutput: pulumi.Output<ucaas.pbx.PbxRoleSummary[]> = ucaas.pbx.getRolesOutput({ dependsOn: role });
    const users: Promise<ucaas.pbx.PbxUserSummary[]> = ucaas.pbx.getUsers({ filter: "extension_number eq '1001'" });
    const usersOutput = ucaas.pbx.getUsersOutput({ filter: pulumi.interpolate`extension_number eq '${user.extensionNumber}'` }, { dependsOn: [user] });
    const groupList: Promise<ucaas.pbx.PbxGroupSummary[]> = ucaas.pbx.getGroups({ filter: "name eq 'Sales'" });
    const groupsOutput: pulumi.Output<ucaas.pbx.PbxGroupSummary[]> = ucaas.pbx.getGroupsOutput({ filter: pulumi.interpolate`name eq '${existingGroup.name}'` }, { dependsOn: group });
    const numbers: Promise<string[]> = ucaas.masergy.getAvailablePhoneNumbers({ groupId: "NYC-OFFICE" });
    const numbersOutput: pulumi.Output<string[]> = ucaas.masergy.getAvailablePhoneNumbersOutput({ groupId: masergy.groupId });
    const packs = ucaas.masergy.getAvailableMainServicePacksOutput({ groupId: "NYC-OFFICE" });
    const models: pulumi.Output<string[]> = ucaas.masergy.getAvailableDeviceModelsOutput();
    const zones: Promise<string[]> = ucaas.masergy.getAvailableTimeZones();
    const groups = ucaas.masergy.getAvailableGroupsOutput().apply((list) => list.map((group) => group.groupId));
    const ranges = ucaas.ump.getNumberRangesOutput({ dependsOn: [endpoint] }).apply((list) => list.map((range) => range.numbersAvailable));
    const domains: Promise<ucaas.ump.UmpSignInDomain[]> = ucaas.ump.getSignInDomains();
    const pools = ucaas.ump.getRegistrarPoolsOutput();
    const licensed: pulumi.Output<number | undefined> = ucaas.ump.getLicenseOutput().apply((license) => license.cbUsers);
    // @ts-expect-error the Promise form takes plain values
    ucaas.pbx.getGroups({ filter: group.name });
    // @ts-expect-error the Promise form takes plain values
    ucaas.masergy.getAvailablePhoneNumbers({ groupId: masergy.groupId });
    // The former names still work.
    const aliases = [ucaas.pbx.roles(), ucaas.pbx.users({}), ucaas.pbx.groups({}), ucaas.ump.license(), ucaas.masergy.availableTimeZones()];

    return {
        department, userId, meeting, officeMonday, groupId, members, callerIds, groupList, groupsOutput, jobId, resultData, voicemail, registrarPool, forwarded, existingJane, refused,
        roles, rolesOutput, users, usersOutput, numbers, numbersOutput, packs, models, zones, groups, ranges, domains, pools, licensed, aliases,
    };
}
