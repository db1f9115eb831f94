import { strict as assert } from "node:assert";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { onPremRange, umpRequests, useUmpSimulator } from "../helpers/ump";

const ALICE = "sip:alice@contoso.com";
const BOB = "sip:bob@contoso.com";
const CAROL = "sip:carol@contoso.com";
const token = "ump-engine-Token-7f3a";

describe("examples/ump through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    // One stack walks through a lifecycle, so UMP keeps its state from test to test.
    const sim = useUmpSimulator({ token, resetBetweenTests: false });
    let t: TestStack;
    const endpoint = (sip: string) => sim().state().endpoints.find((e) => e.SipAddress === sip)!;
    const teamsRange = () => sim().state().numberRanges.find((r) => r.NumberRangeType === "MsPhoneSystem")!;

    before(async () => {
        const workDir = await prepareProgram("ump");
        t = await newStack(workDir);
        await t.stack.setConfig("ucaas:umpUrl", { value: sim().url });
        await t.stack.setConfig("ucaas:umpToken", { value: token, secret: true });
        // UMP manages users of the directory; they exist before any program runs.
        sim().seedEndpoint({ SipAddress: ALICE, DisplayName: "Alice Example", City: "Almere" });
        sim().seedEndpoint({ SipAddress: BOB, DisplayName: "Bob Example" });
    });

    it("up assigns the numbers, Enterprise Voice, voice policies and dial plans", async () => {
        await t.stack.setConfig("listNumberRanges", { value: "true" });
        const result = await t.stack.up();
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.summary.resourceChanges?.create, 3, "the stack and two endpoints");
        const alice = endpoint(ALICE);
        assert.deepEqual(
            [alice.LineURI, alice.EnterpriseVoiceEnabled, alice.VoicePolicy, alice.DialPlan, alice.UsageLocation, alice.Department],
            ["tel:+311111121", true, "International", "NL-Amsterdam", "NL", "Support"],
        );
        assert.equal(endpoint(BOB).LineURI, "tel:+31202000101");
        assert.deepEqual(onPremRange(sim()).assigned, ["tel:+311111121"]);
        assert.deepEqual(teamsRange().assigned, ["tel:+31202000101"]);
        assert.deepEqual(result.outputs.numbers.value, { alice: "tel:+311111121", bob: "tel:+31202000101" });
        assert.equal(result.outputs.aliceDisplayName.value, "Alice Example");
        // The lookup ran in the program, with the stack's settings, before anything was assigned.
        assert.equal(result.outputs.numbersAvailable.value["Service:ApplicationServer:m800-fe.ocshost.nl/41258"], 21);
        assert.ok(sim().requests().every((r) => r.authorized), "every request carried the stack's token");
        await t.stack.removeConfig("listNumberRanges");
    });

    it("refresh sees no drift in UMP's stray spaces", async () => {
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.update, undefined);
        assert.equal(refresh.summary.resourceChanges?.same, 3);
    });

    it("preview of the unchanged stack sends no request to UMP", async () => {
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("previews a new dial plan as that property's update and changes it in place with one write, read back once", async () => {
        await t.stack.setConfig("aliceDialPlan", { value: "NL-Rotterdam" });
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["update"]);
        assert.deepEqual(steps.get("alice")?.[0].diffs, ["dialPlan"]);
        sim().clearRequests();
        await t.stack.up();
        assert.deepEqual(umpRequests(sim()).map((r) => [r.method, r.path, r.body]), [
            ["PUT", `proxy/endpoint/${ALICE}/script`, { DialPlan: "NL-Rotterdam" }],
            ["GET", `proxy/endpoint/${ALICE}`, undefined], // the write is read back
        ]);
        assert.equal(endpoint(ALICE).DialPlan, "NL-Rotterdam");
    });

    it("moves alice to another number and gives the old one back to its range", async () => {
        const availableBefore = onPremRange(sim()).NumbersAvailable;
        await t.stack.setConfig("aliceLineUri", { value: "Tel:+31 11 111 25" });
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.[0].diffs, ["lineUri"]);
        sim().clearRequests();
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.update, 1);
        assert.deepEqual(umpRequests(sim(), "PUT").map((r) => r.body), [{ LineURI: "tel:+311111125" }]);
        assert.equal(endpoint(ALICE).LineURI, "tel:+311111125");
        assert.deepEqual(onPremRange(sim()).assigned, ["tel:+311111125"], "tel:+311111121 is available again");
        assert.equal(onPremRange(sim()).NumbersAvailable, availableBefore);
        assert.equal(up.outputs.numbers.value.alice, "tel:+311111125");
    });

    it("shows out-of-band changes as drift in refresh and corrects them with up", async () => {
        sim().mutateEndpoint(ALICE, { LineURI: "", VoicePolicy: "Local", City: "Lelystad" });
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.update, 1);
        sim().clearRequests();
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("alice")?.map((s) => s.op), ["update"]);
        assert.deepEqual(steps.get("bob")?.map((s) => s.op), ["same"]);
        assert.equal(sim().requests().length, 0, "the preview asked UMP nothing");
        await t.stack.up();
        assert.deepEqual(umpRequests(sim(), "PUT").map((r) => r.body), [{ VoicePolicy: "International", LineURI: "tel:+311111125" }]);
        const alice = endpoint(ALICE);
        assert.deepEqual([alice.LineURI, alice.VoicePolicy, alice.City], ["tel:+311111125", "International", "Lelystad"], "City is not managed");
    });

    it("takes over an endpoint that already has a number with adopt: true", async () => {
        sim().seedEndpoint({ SipAddress: CAROL, DisplayName: "Carol Example", LineURI: "tel:+311111130", EnterpriseVoiceEnabled: true, VoicePolicy: "National" });
        await t.stack.setConfig("adoptCarol", { value: "true" });
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 1);
        assert.deepEqual([endpoint(CAROL).LineURI, endpoint(CAROL).VoicePolicy], ["tel:+311111131", "Local"]);
        assert.deepEqual(onPremRange(sim()).assigned.sort(), ["tel:+311111125", "tel:+311111131"]);
    });

    it("keeps the UMP token out of the state", async () => {
        const { exported, checkpoint } = await t.exportedState();
        assert.equal(exported.includes(token), false, "pulumi stack export contains the token");
        assert.equal(checkpoint.includes(token), false, "the state files contain the token");
        const { deployment } = JSON.parse(exported) as { deployment: { resources: Array<{ type: string; outputs?: Record<string, unknown> }> } };
        const alice = deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic/ucaas:UmpEndpoint")!;
        const providerBytes = JSON.stringify(alice.outputs?.__provider ?? "").length;
        console.log(`      state: ${exported.length} bytes for ${deployment.resources.length} resources; __provider ${providerBytes} bytes`);
        assert.ok(providerBytes < 1536);
    });

    it("destroy releases the numbers it manages, keeps the other attributes, and leaves bob's retained number", async () => {
        const destroy = await t.stack.destroy();
        assert.equal(destroy.summary.resourceChanges?.delete, 4, "the stack and three endpoints");
        for (const sip of [ALICE, CAROL]) {
            const released = endpoint(sip);
            assert.deepEqual([released.LineURI, released.PrivateLine, released.EnterpriseVoiceEnabled], ["", "", false], sip);
        }
        assert.deepEqual([endpoint(ALICE).DialPlan, endpoint(ALICE).Department], ["NL-Rotterdam", "Support"], "only the number is released");
        assert.deepEqual(onPremRange(sim()).assigned, []);
        assert.equal(onPremRange(sim()).NumbersAvailable, 21);
        assert.deepEqual([endpoint(BOB).LineURI, endpoint(BOB).EnterpriseVoiceEnabled], ["tel:+31202000101", true], "retainOnDelete kept bob");
        assert.deepEqual(teamsRange().assigned, ["tel:+31202000101"]);
    });
});
