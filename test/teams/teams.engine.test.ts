import { strict as assert } from "node:assert";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { teamsRequestsTo, teamsStackConfig, useTeamsSimulator } from "../helpers/teams";

const secrets: Record<string, string> = {
    alicePassword: "alice-Sip-Plaintext-1",
    alicePortalPassword: "alice-Portal-Plaintext-2",
    bobPassword: "bob-Sip-Plaintext-3",
    bobProvisioningPassword: "bob-Prov-Plaintext-4",
};

describe("examples/teams through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    // One stack walks through a lifecycle, so the platform keeps its state from test to test.
    const sim = useTeamsSimulator({ resetBetweenTests: false });
    let t: TestStack;
    const userNamed = (loginId: string) => sim().state().users.find((u) => u.loginID === loginId);
    const tokenRequests = () => teamsRequestsTo(sim(), "/oauth/token").length;

    before(async () => {
        const workDir = await prepareProgram("teams");
        t = await newStack(workDir);
        await t.stack.setAllConfig({
            ...teamsStackConfig(sim()),
            tenantId: { value: sim().tenant.tenantId },
            sbcGatewayId: { value: String(sim().tenant.sbcGatewayIds[1]) },
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
    });

    it("up configures both users with one login for the whole run", async () => {
        sim().clearRequests();
        const result = await t.stack.up();
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.summary.resourceChanges?.create, 3, "the stack and two users");
        assert.equal(tokenRequests(), 1);
        assert.equal(teamsRequestsTo(sim(), "/enterprise/configureUser").length, 2);
        const alice = userNamed("alice@contoso.com")!;
        assert.equal(alice.status, "ACTIVE");
        assert.equal(alice.callingEnabled, true, "the reseller token alone, where the enterprise granted its consent");
        assert.equal((teamsRequestsTo(sim(), "/enterprise/configureUser")[0].body as { authenticationResult?: unknown }).authenticationResult, undefined);
        assert.equal(alice.fields.password, secrets.alicePassword);
        assert.equal(alice.fields.sbcGatewayId, sim().tenant.sbcGatewayIds[1]);
        assert.deepEqual(alice.fields.pbxCallPolicyInfo, { callPolicyCNAM: "TRANSPARENT", callPolicyName: "Global", forwardedCallsCallerId: "TRANSPARENT" });
        assert.equal(userNamed("bob@contoso.com")?.fields.provisioningPassword, secrets.bobProvisioningPassword);
        assert.equal(result.outputs.users.value.alice, `${sim().tenant.tenantId}/alice@contoso.com`);
    });

    it("preview of the unchanged stack sends no request to ConnecttoTeams", async () => {
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("refresh keeps the last applied state without a request, even after an out-of-band edit", async () => {
        sim().seedUser({ tenantID: sim().tenant.tenantId, loginID: "bob@contoso.com", pbxLocation: "elsewhere", pbxUserId: "9", sbcGatewayId: 11, teamsUserId: "x" });
        sim().clearRequests();
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.update ?? 0, 0);
        assert.equal(sim().requests().length, 0);
    });

    it("previews a call policy change as an in-place update and applies it with one configureUser", async () => {
        await t.stack.setConfig("aliceCallPolicy", { value: "Sales" });
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["update"]);
        assert.deepEqual(steps.get("alice")?.[0].diffs, ["pbxCallPolicyInfo"]);
        assert.deepEqual(steps.get("bob")?.map((s) => s.op), ["same"]);
        const shown = (await t.stack.preview({ diff: true })).stdout;
        assert.match(shown, /callPolicyName/);
        for (const value of Object.values(secrets)) {
            assert.equal(shown.includes(value), false, `the preview shows ${value}`);
            assert.equal(JSON.stringify([...steps.values()]).includes(value), false, `the preview events carry ${value}`);
        }
        sim().clearRequests();
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.update, 1);
        assert.equal(up.outputs.aliceCallPolicy.value, "Sales");
        const writes = teamsRequestsTo(sim(), "/enterprise/configureUser");
        assert.equal(writes.length, 1);
        assert.equal((writes[0].body as { loginID: string }).loginID, "alice@contoso.com");
        assert.equal((userNamed("alice@contoso.com")?.fields.pbxCallPolicyInfo as { callPolicyName?: string }).callPolicyName, "Sales");
        assert.equal(tokenRequests(), 1);
    });

    it("previews a changed loginId as a replace, configures the new user and disables the old one", async () => {
        await t.stack.setConfig("aliceLoginId", { value: "alice.example@contoso.com" });
        const steps = await t.previewSteps();
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["create-replacement", "replace", "delete-replaced"]);
        assert.deepEqual(steps.get("alice")?.find((s) => s.op === "replace")?.keys, ["loginId"]);
        sim().clearRequests();
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.replace, 1);
        assert.deepEqual(sim().requests().filter((r) => r.path !== "/oauth/token").map((r) => r.path), ["/enterprise/configureUser", "/provisioning/disableUsers"]);
        assert.equal(userNamed("alice.example@contoso.com")?.status, "ACTIVE");
        assert.equal(userNamed("alice@contoso.com")?.status, "MARKED_FOR_DELETION");
        assert.equal(up.outputs.users.value.alice, `${sim().tenant.tenantId}/alice.example@contoso.com`);
    });

    it("keeps every user password and API credential out of the exported state", async () => {
        const { exported, checkpoint } = await t.exportedState();
        for (const value of [...Object.values(secrets), sim().client.clientSecret, sim().admin.password]) {
            assert.equal(exported.includes(value), false, `pulumi stack export contains ${value}`);
            assert.equal(checkpoint.includes(value), false, `the state files contain ${value}`);
        }
        const { deployment } = JSON.parse(exported) as { deployment: { resources: Array<{ type: string; outputs?: Record<string, unknown> }> } };
        const user = deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic/ucaas:TeamsEnterpriseUser" && r.outputs?.portalPassword)!;
        for (const key of ["password", "portalPassword"]) {
            assert.equal((user.outputs?.[key] as { [k: string]: unknown })?.["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270", `${key} is a secret output`);
        }
        const providerBytes = JSON.stringify(user.outputs?.__provider ?? "").length;
        console.log(`      state: ${exported.length} bytes for ${deployment.resources.length} resources; __provider ${providerBytes} bytes`);
        assert.ok(providerBytes < 1536);
    });

    it("destroy marks every user for deletion, and the next synchronization removes them", async () => {
        sim().clearRequests();
        await t.stack.destroy();
        assert.equal(tokenRequests(), 1);
        assert.deepEqual(sim().state().users.map((u) => [u.loginID, u.status]).sort(), [
            ["alice.example@contoso.com", "MARKED_FOR_DELETION"],
            ["alice@contoso.com", "MARKED_FOR_DELETION"],
            ["bob@contoso.com", "MARKED_FOR_DELETION"],
        ]);
        assert.equal(sim().sync(), 3);
        assert.deepEqual(sim().state().users, []);
    });
});
