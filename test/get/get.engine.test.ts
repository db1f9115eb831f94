import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { summarizePreview } from "../../provider/summary/summarize";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { masergyUserArgs, masergyUserFlags } from "../helpers/fixtures";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { minimalUser } from "../helpers/portsip-bodies";
import { clientFor } from "../helpers/sim-http";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";
import { previewJson } from "../summary/digests";

/**
 * A program that references existing objects with `<Kind>.get`, uses them as dependencies and
 * exports their fields, and declares one user of its own with nested Outputs in its args (one of
 * them secret), plus an Output lookup that waits for that user.
 */
const program = `import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

const config = new pulumi.Config();
const role = ucaas.PbxRole.get("existing-role", config.require("roleName"));
const bob = ucaas.PbxUser.get("existing-user", config.require("userId"));
const endpoint = ucaas.UmpEndpoint.get("existing-endpoint", config.require("sipAddress"));
const kim = ucaas.MasergyUser.get("existing-masergy-user", config.require("masergyUserId"));
const sales = ucaas.PbxGroup.get("existing-group", config.require("groupId"));

const carol = new ucaas.PbxUser("carol", {
    name: "carol",
    displayName: pulumi.interpolate\`Carol of \${bob.department}\`,
    email: "carol@example.com",
    role: role.name,
    extensionNumber: "1003",
    password: config.requireSecret("carolPassword"),
    extensionPassword: config.requireSecret("carolExtensionPassword"),
    voicemailPin: config.requireSecret("carolVoicemailPin"),
    officeHours: { mode: "CUSTOM", monday: { enabled: pulumi.output(true), ranges: [{ from: config.require("opens"), to: "17:00" }] } },
    outboundCallerIds: [{ providerId: pulumi.output("trunk-1"), callerId: "+12125550100", description: config.requireSecret("callerNote") }],
}, { dependsOn: [bob, sales] });

export const roleDescription = role.description;
export const roleMeeting = role.permissions.general.meeting;
export const bobDepartment = bob.department;
export const bobExtension = bob.extensionNumber;
export const bobUserId = bob.userId;
export const lineUri = endpoint.lineUri;
export const endpointDisplayName = endpoint.displayName;
export const kimGroup = kim.groupId;
export const groupName = sales.name;
export const groupMembers = sales.members;
export const kimPhone = kim.phoneNumber;
export const carolRole = carol.role;
// A declared output the program did not set is an Output all the same.
export const carolDepartment = carol.department.apply((department) => department ?? "(not set)");
export const carolFound = ucaas.pbx
    .getUsersOutput({ filter: pulumi.interpolate\`extension_number eq '\${carol.extensionNumber}'\` }, { dependsOn: [carol] })
    .apply((users) => users.map((user) => user.name));
`;

const secrets: Record<string, string> = {
    carolPassword: "carol-Get-Password-1",
    carolExtensionPassword: "carol-Get-Sip-2",
    carolVoicemailPin: "975319",
    callerNote: "nested-secret-caller-note-4711",
};

describe("get through the real Pulumi engine: read-only references to existing objects", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    const masergy = useMasergySimulator({ resetBetweenTests: false });
    let t: TestStack;
    let bobId: string;
    let groupId: string;
    const pbxUser = (name: string) => pbx().state().users.find((u: { name: string }) => u.name === name);
    const setConfig = (values: Record<string, string>) =>
        t.stack.setAllConfig(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }])));

    before(async () => {
        pbx().seedRole({ name: "Sales", description: "Sales team", permissions: { general: { meeting: true } } });
        bobId = pbx().seedUser(minimalUser({ name: "bob", display_name: "Bob Example", email: "bob@example.com", extension_number: "1002", department: "Sales" }));
        const api = clientFor(pbx().url, pbx().token);
        groupId = (await api.post("/api/groups", { name: "Sales floor", description: "Everyone who sells" })).body.id as string;
        await api.post(`/api/groups/${groupId}/members/1002`);
        seedDirectoryUser(ump(), "sip:dana@contoso.com", { DisplayName: "Dana Example", LineURI: "tel:+311111125", EnterpriseVoiceEnabled: true });
        masergy().seedUser({
            ...masergyUserArgs({ userId: "kim@example.com" }),
            ...masergyUserFlags,
        });

        const source = await prepareProgram("pbx");
        const workDir = fs.mkdtempSync(`${source}-get-`);
        fs.cpSync(source, workDir, { recursive: true, filter: (file) => !/^Pulumi\..+\.yaml$/.test(path.basename(file)) });
        fs.writeFileSync(path.join(workDir, "index.ts"), program);
        t = await newStack(workDir);
        // In stack config, not only UCAAS_* variables: the final destroy runs after the simulator hooks restore them.
        await t.stack.setAllConfig({
            "ucaas:pbxUrl": { value: pbx().url },
            "ucaas:pbxToken": { value: pbx().token, secret: true },
            "ucaas:umpUrl": { value: ump().url },
            "ucaas:masergyApiUrl": { value: masergy().apiUrl },
            "ucaas:masergyTokenUrl": { value: masergy().tokenUrl },
            "ucaas:masergyRefreshToken": { value: masergy().refreshToken, secret: true },
            "ucaas:masergyPollIntervalSeconds": { value: "0.2" },
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
        await setConfig({ roleName: "Sales", userId: bobId, sipAddress: "sip:dana@contoso.com", masergyUserId: "kim@example.com", groupId, opens: "08:30" });
    });

    it("up reads each reference, exports its fields and writes nothing for them", async () => {
        for (const sim of [pbx(), ump(), masergy()]) sim.clearRequests();
        const result = await t.stack.up();
        const outputs = Object.fromEntries(Object.entries(result.outputs).map(([key, output]) => [key, output.value]));
        assert.deepEqual(outputs, {
            roleDescription: "Sales team",
            roleMeeting: true,
            bobDepartment: "Sales",
            bobExtension: "1002",
            bobUserId: bobId,
            lineUri: "tel:+311111125",
            endpointDisplayName: "Dana Example",
            kimGroup: "SIM-NYC",
            groupName: "Sales floor",
            groupMembers: ["1002"],
            kimPhone: "+12125550101",
            carolRole: "Sales",
            carolDepartment: "(not set)",
            carolFound: ["carol"],
        });
        assert.equal(result.summary.resourceChanges?.create, 2, "the stack and carol; references are read, not created");
        assert.deepEqual(ump().requests().map((r) => r.method), ["GET"]);
        assert.equal(masergy().requests().filter((r) => r.method === "POST" && !r.path.endsWith("/token")).length, 0);
        assert.equal(pbx().state().roles.find((r: { name: string }) => r.name === "Sales")?.description, "Sales team");
        const pbxWrites = pbx().requests().filter((r) => r.method === "POST" && !r.path.includes("token"));
        assert.ok(pbxWrites.every((r) => !r.path.includes(bobId) && !r.path.startsWith("/api/roles") && !r.path.startsWith("/api/groups")), JSON.stringify(pbxWrites.map((r) => r.path)));
    });

    it("a managed resource takes a reference's output and waits for it (dependsOn)", async () => {
        assert.equal(pbxUser("carol")?.role, "Sales");
        assert.equal(pbxUser("carol")?.display_name, "Carol of Sales");
        const { deployment } = await t.stack.exportStack();
        const resources = deployment.resources as Array<{ urn: string; external?: boolean; dependencies?: string[]; outputs?: Record<string, unknown> }>;
        const named = (name: string) => resources.find((r) => r.urn.endsWith(`::${name}`))!;
        for (const name of ["existing-role", "existing-user", "existing-endpoint", "existing-masergy-user", "existing-group"]) {
            assert.equal(named(name).external, true, `${name} is a read (external) resource`);
        }
        assert.ok(named("carol").dependencies?.includes(named("existing-user").urn));
        assert.ok(named("carol").dependencies?.includes(named("existing-role").urn));
        assert.ok(named("carol").dependencies?.includes(named("existing-group").urn));
    });

    it("nested Outputs in args reach the vendor, and a nested secret stays secret in the state", async () => {
        const carol = pbxUser("carol") as unknown as {
            office_hours: { monday: { ranges: Array<{ from: string }> } };
            outbound_caller_ids: Array<{ provider_id: string; description: string }>;
        };
        assert.equal(carol.office_hours.monday.ranges[0].from, "08:30");
        assert.equal(carol.outbound_caller_ids[0].provider_id, "trunk-1");
        assert.equal(carol.outbound_caller_ids[0].description, secrets.callerNote);
        const { exported, checkpoint } = await t.exportedState();
        assert.equal(exported.includes(secrets.callerNote), false, "pulumi stack export");
        assert.equal(checkpoint.includes(secrets.callerNote), false, "the state files");
    });

    it("summarize reads a preview with references: they change nothing, so it says so", async () => {
        const summary = summarizePreview(await previewJson(t));
        assert.equal(summary.trim(), "No changes.");
    });

    it("each up reads the references again: a change at the vendor flows into what depends on them", async () => {
        pbx().mutateUser(bobId, { department: "Support" });
        const result = await t.stack.up();
        assert.equal(result.outputs.bobDepartment.value, "Support");
        assert.equal(pbxUser("carol")?.display_name, "Carol of Support");
        assert.equal(pbxUser("bob")?.department, "Support", "the reference never writes");
    });

    it("a missing object fails the deployment with a message that names it", async () => {
        await setConfig({ userId: "NzAwNTUxOTA5NzczMTQ4MTYw" });
        await assert.rejects(t.stack.up(), (error: Error) => {
            assert.match(error.message, /PbxUser\.get: PortSIP user "NzAwNTUxOTA5NzczMTQ4MTYw" does not exist\. get only reads an object that exists/);
            return true;
        });
        await setConfig({ userId: bobId });
    });

    it("destroy deletes the managed user and leaves every referenced object", async () => {
        await t.stack.destroy();
        assert.equal(pbxUser("carol"), undefined);
        assert.ok(pbxUser("bob"));
        assert.ok(pbx().state().roles.find((r: { name: string }) => r.name === "Sales"));
        assert.deepEqual(pbx().state().groups.map((g) => [g.name, g.members.map((m) => m.extension_number)]), [["Sales floor", ["1002"]]]);
        assert.ok(masergy().state().users.find((u) => u.userId === "kim@example.com"));
        assert.equal(ump().state().endpoints.find((e: { SipAddress: string }) => e.SipAddress === "sip:dana@contoso.com")?.LineURI, "tel:+311111125");
    });
});
