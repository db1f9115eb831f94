import { strict as assert } from "node:assert";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { apiRequests, pollsPerTask, tokenRequests, useMasergySimulator } from "../helpers/masergy";

const secrets: Record<string, string> = {
    janePortalPassword: "jane-Plaintext-1",
    janeVoicePortalPasscode: "5831907",
    rajPortalPassword: "raj-Plaintext-2",
};

const pollSeconds = 0.05;
const jobMs = 300;

describe("examples/masergy through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    // One stack walks through a lifecycle, so the simulator keeps its state from test to test.
    const sim = useMasergySimulator({ resetBetweenTests: false, jobDurationMs: jobMs });
    let t: TestStack;
    const user = (userId: string) => sim().state().users.find((u) => u.userId === userId);
    const writes = () => sim().requests().filter((r) => r.method === "POST" && !r.path.endsWith("/token"));
    const endpoint = (path: string) => path.split("/").slice(-2).join("/");

    before(async () => {
        const workDir = await prepareProgram("masergy");
        t = await newStack(workDir);
        await t.stack.setAllConfig({
            "ucaas:masergyApiUrl": { value: sim().apiUrl },
            "ucaas:masergyTokenUrl": { value: sim().tokenUrl },
            "ucaas:masergyRefreshToken": { value: sim().refreshToken, secret: true },
            "ucaas:masergyPollIntervalSeconds": { value: String(pollSeconds) },
            "ucaas:masergyJobTimeoutMinutes": { value: "1" },
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
    });

    it("up waits for every create job, with one token request for the whole run", async () => {
        sim().clearRequests();
        const result = await t.stack.up();
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.summary.resourceChanges?.create, 3);
        assert.deepEqual(sim().tasks().map((task) => task.status), ["COMPLETED", "COMPLETED"]);
        const jane = user("jdoe@example.com")!;
        assert.equal(jane.deviceMacAddress, "0004F2AABB01");
        assert.equal(user("rpatel@example.com")?.phoneNumber, "+12125550102");
        assert.equal(result.outputs.janeConferenceId.value, jane.conferenceId);
        assert.equal(result.outputs.janeModeratorPin.secret, true);

        const tokens = tokenRequests(sim()).length;
        const polls = [...pollsPerTask(sim()).values()];
        const bound = Math.ceil(jobMs / (pollSeconds * 1000)) + 1;
        console.log(`      token requests in this run: ${tokens}; polls per ${jobMs} ms job at ${pollSeconds} s: ${polls.join(", ")} (ceil(job/interval)+1 = ${bound})`);
        assert.equal(tokens, 1);
        for (const count of polls) {
            assert.ok(count >= 1 && count <= bound + 1, `${count} polls for one job`);
        }
    });

    it("preview of the unchanged stack sends no request to Masergy", async () => {
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("previews another spelling of the same phone number as no change", async () => {
        await t.stack.setConfig("janePhoneNumber", { value: "+1 (212) 555-0101" });
        sim().clearRequests();
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("jane")?.map((s) => s.op), ["same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("updates a changed last name through user/update_name only", async () => {
        await t.stack.setConfig("janeLastName", { value: "Doe-Smith" });
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("jane")?.map((s) => s.op), ["update"]);
        assert.deepEqual(steps.get("jane")?.[0].diffs, ["lastName"]);
        sim().clearRequests();
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.update, 1);
        assert.deepEqual(writes().map((r) => endpoint(r.path)), ["user/update_name"]);
        assert.equal(user("jdoe@example.com")?.lastName, "Doe-Smith");
        assert.equal(tokenRequests(sim()).length, 1);
    });

    it("previews a changed service pack as a replace, and replaces the user by deleting it first", async () => {
        await t.stack.setConfig("rajServicePack", { value: "UC-Standard" });
        const steps = await t.previewSteps();
        assert.deepEqual(steps.get("raj")?.map((s) => s.op), ["delete-replaced", "replace", "create-replacement"]);
        assert.deepEqual(steps.get("raj")?.find((s) => s.op === "replace")?.keys, ["mainServicePack"]);
        sim().clearRequests();
        await t.stack.up();
        assert.deepEqual(writes().map((r) => endpoint(r.path)), ["user/delete", "user/create"]);
        assert.equal(user("rpatel@example.com")?.mainServicePack, "UC-Standard");
    });

    it("surfaces a failing step in the error, records the half-made user, and replaces it on the next up", async () => {
        await t.stack.setConfig("addKim", { value: "true" });
        sim().failNextTask({ step: "assign service pack", message: "Service pack quota exceeded for group SIM-NYC" });
        await assert.rejects(t.stack.up(), /create user kim@example\.com failed: task .* step "assign service pack" failed: Service pack quota exceeded for group SIM-NYC/);
        const recorded = (await t.stack.exportStack()).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::kim"));
        assert.ok(recorded, "the half-made user is in the state");
        assert.equal(recorded.id, "kim@example.com");
        assert.ok(recorded.initErrors?.length);

        const steps = await t.previewSteps();
        assert.deepEqual(steps.get("kim")?.map((s) => s.op), ["delete-replaced", "replace", "create-replacement"]);
        sim().clearRequests();
        await t.stack.up();
        assert.deepEqual(writes().map((r) => endpoint(r.path)), ["user/delete", "user/create"]);
        assert.equal(user("kim@example.com")?.mainServicePack, "UC-Standard");
    });

    it("records a user whose job is still running at the deadline; the next up resumes it without a second create", async () => {
        await t.stack.setConfig("addLee", { value: "true" });
        await t.stack.setConfig("ucaas:masergyJobTimeoutMinutes", { value: "0.005" });
        sim().hangNextTask({ step: "create account" });
        sim().clearRequests();
        await assert.rejects(t.stack.up(), /create user lee@example\.com: job .* was still RUNNING .*never submits a second create/);
        const [hung] = sim().tasks().filter((task) => task.status === "RUNNING");
        const recorded = (await t.stack.exportStack()).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::lee"));
        assert.equal(recorded?.id, "lee@example.com");
        assert.equal(recorded?.outputs.jobId, hung.jobId);
        assert.equal(recorded?.outputs.taskId, hung.taskId);
        assert.ok(recorded?.initErrors?.length);
        assert.equal(user("lee@example.com"), undefined);

        // refresh keeps the record while the job runs: nothing is orphaned.
        await t.stack.refresh();
        const refreshed = (await t.stack.exportStack()).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::lee"));
        assert.equal(refreshed?.outputs.taskId, hung.taskId);

        sim().releaseTasks();
        await t.stack.setConfig("ucaas:masergyJobTimeoutMinutes", { value: "1" });
        sim().clearRequests();
        // The refresh cleared the engine's init error; the recorded job alone makes the next up settle it.
        const steps = await t.previewSteps();
        assert.deepEqual(steps.get("lee")?.map((s) => s.op), ["update"]);
        assert.equal(sim().requests().length, 0);
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.update, 1);
        assert.equal(tokenRequests(sim()).length, 1);
        assert.equal(writes().length, 0, "no second create, and no other write");
        assert.equal(apiRequests(sim(), `task/${hung.taskId}/view`).length >= 1, true, "checked the recorded task");
        assert.ok(user("lee@example.com"));
        const resumed = (await t.stack.exportStack()).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::lee"));
        assert.equal(resumed?.initErrors, undefined);
        assert.equal(resumed?.outputs.__pendingJob, undefined);
    });

    it("keeps every password, passcode, PIN and token out of the exported state", async () => {
        const { exported, checkpoint } = await t.exportedState();
        const pin = user("jdoe@example.com")!.conferenceModeratorPin!;
        for (const value of [...Object.values(secrets), sim().refreshToken, pin]) {
            assert.equal(exported.includes(value), false, `pulumi stack export contains ${value}`);
            assert.equal(checkpoint.includes(value), false, `the state files contain ${value}`);
        }
        assert.ok(exported.includes("pulumi-nodejs:dynamic/ucaas:MasergyUser"));
    });

    it("destroy waits for the delete jobs and leaves no managed user", async () => {
        await t.stack.destroy();
        assert.deepEqual(sim().state().users, []);
    });
});
