import { strict as assert } from "node:assert";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { pbxExampleSecrets } from "../helpers/pbx-example";
import { usePortSipSimulator } from "../helpers/portsip";

const secrets = pbxExampleSecrets;

describe("examples/pbx through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    // One stack walks through a lifecycle, so the PBX keeps its state from test to test.
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    let t: TestStack;
    const users = () => sim().state().users;
    const userNamed = (name: string) => users().find((u: { name: string }) => u.name === name);
    const groupMembers = () => sim().state().groups.map((g) => [g.name, g.members.map((m) => m.extension_number).sort()]);

    before(async () => {
        const workDir = await prepareProgram("pbx");
        // Blank the UCAAS_* fallbacks so the provider can only learn the endpoint from stack config (configure).
        t = await newStack(workDir, { UCAAS_PBX_URL: "", UCAAS_PBX_TOKEN: "" });
        await t.stack.setConfig("ucaas:pbxUrl", { value: sim().url });
        await t.stack.setConfig("ucaas:pbxToken", { value: sim().token, secret: true });
        for (const [key, value] of Object.entries(secrets)) {
            await t.stack.setConfig(key, { value, secret: true });
        }
    });
    it("up creates the role before the users that reference it, and alice before the group she joins", async () => {
        const result = await t.stack.up();
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.summary.resourceChanges?.create, 5);
        assert.deepEqual(groupMembers(), [["Support team", ["1001"]]]);
        assert.equal(result.outputs.supportTeamId.value, sim().state().groups[0].id);
        const role = sim().state().roles.find((r: { name: string }) => r.name === "Support");
        assert.ok(role);
        assert.equal(userNamed("alice")?.role, "Support");
        assert.equal(userNamed("alice")?.password, secrets.alicePassword);
        assert.equal(result.outputs.aliceUserId.value, userNamed("alice")?.id);
    });

    it("preview of the unchanged stack sends no request to the PBX", async () => {
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same", "same", "same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("previews a changed field as that property's update and applies it in place", async () => {
        await t.stack.setConfig("aliceDisplayName", { value: "Alice B. Example" });
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["update"]);
        assert.deepEqual(steps.get("alice")?.[0].diffs, ["displayName"]);
        const id = userNamed("alice")!.id;
        sim().clearRequests();
        await t.stack.up();
        assert.equal(userNamed("alice")?.id, id);
        assert.equal(userNamed("alice")?.display_name, "Alice B. Example");
        const writes = sim().requests().filter((r) => r.method === "POST");
        assert.deepEqual(writes.map((r) => [r.path, r.body]), [[`/api/users/${id}`, { display_name: "Alice B. Example" }]]);
    });

    it("previews a changed extension number as a replace and replaces the user", async () => {
        await t.stack.setConfig("bobExtension", { value: "1012" });
        const steps = await t.previewSteps();
        // The old user is deleted first: its name would collide with the replacement's.
        assert.deepEqual(steps.get("bob")?.map((s) => s.op), ["delete-replaced", "replace", "create-replacement"]);
        assert.deepEqual(steps.get("bob")?.find((s) => s.op === "replace")?.keys, ["extensionNumber"]);
        assert.deepEqual(steps.get("support-team")?.map((s) => s.op), ["same"], "bob is not in the group");
        await t.stack.up();
        assert.equal(userNamed("bob")?.extension_number, "1012");
        assert.equal(users().filter((u: { name: string }) => u.name === "bob").length, 1);
    });

    it("shows an out-of-band change as drift in refresh and corrects it with up", async () => {
        const alice = userNamed("alice")!;
        sim().mutateUser(alice.id, { display_name: "Renamed in the PBX UI", department: "Sales" });
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.update, 1);
        sim().clearRequests();
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["update"]);
        assert.equal(sim().requests().length, 0);
        await t.stack.up();
        assert.equal(userNamed("alice")?.display_name, "Alice B. Example");
        assert.equal(userNamed("alice")?.department, "Support");
    });

    it("drops an out-of-band deleted user in refresh and recreates it with up", async () => {
        const bob = userNamed("bob")!;
        await fetch(`${sim().url}/api/users/${bob.id}/destroy`, { method: "POST", headers: { authorization: `Bearer ${sim().token}` } });
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.delete, 1);
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 1);
        assert.equal(userNamed("bob")?.extension_number, "1012");
    });

    it("takes over an existing extension with adopt: true", async () => {
        const carolId = sim().seedUser({
            name: "carol",
            display_name: "Carol (hand-made)",
            email: "carol@example.com",
            role: "StandardUser",
            extension_number: "1003",
            password: "hand-made-pw",
            extension_password: "hand-made-ext",
            voicemail_pin: "135792",
        });
        await t.stack.setConfig("adoptCarol", { value: "true" });
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 1);
        assert.equal(users().filter((u: { name: string }) => u.name === "carol").length, 1);
        assert.equal(userNamed("carol")?.id, carolId);
        assert.equal(userNamed("carol")?.display_name, "Carol Example");
        assert.equal(userNamed("carol")?.password, secrets.carolPassword);
    });

    it("keeps every password, PIN and token out of the exported state", async () => {
        const { exported, checkpoint } = await t.exportedState();
        for (const value of [...Object.values(secrets), sim().token]) {
            assert.equal(exported.includes(value), false, `pulumi stack export contains ${value}`);
            assert.equal(checkpoint.includes(value), false, `the state files contain ${value}`);
        }
        const state = exported;
        assert.ok(state.includes("pulumi-nodejs:dynamic/ucaas:PbxUser"));
        const { deployment } = JSON.parse(state) as { deployment: { resources: Array<{ type: string; outputs?: Record<string, unknown> }> } };
        const user = deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic/ucaas:PbxUser")!;
        const providerBytes = JSON.stringify(user.outputs?.__provider ?? "").length;
        console.log(`      state: ${state.length} bytes for ${deployment.resources.length} resources; __provider ${providerBytes} bytes`);
        assert.ok(providerBytes < 1536);
    });

    it("destroy leaves the PBX without the managed users, group and role", async () => {
        await t.stack.destroy();
        assert.deepEqual(users(), []);
        assert.deepEqual(sim().state().groups, []);
        assert.equal(sim().state().roles.some((r: { name: string }) => r.name === "Support"), false);
    });
});
