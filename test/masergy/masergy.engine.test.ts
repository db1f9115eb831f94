import { strict as assert } from "node:assert";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { apiRequests, pollsPerTask, tokenRequests, useMasergySimulator } from "../helpers/masergy";
import { killTree, startPulumi } from "./killed-run";
import { until } from "./provider-runs";

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
        // The two jobs share the run's poll budget: one poll per interval in all, so each is polled every other interval.
        const bound = 2 * Math.ceil(jobMs / (pollSeconds * 1000)) + 1;
        const sent = sim().requests().filter((r) => /\/task\/[^/]+\/view$/.test(r.path)).map((r) => r.at);
        const closest = Math.min(...sent.slice(1).map((at, i) => at - sent[i]));
        console.log(`      token requests in this run: ${tokens}; polls per ${jobMs} ms job at ${pollSeconds} s, shared: ${polls.join(", ")}; closest two polls ${closest} ms apart`);
        assert.equal(tokens, 1);
        for (const count of polls) {
            assert.ok(count >= 1 && count <= bound, `${count} polls for one job`);
        }
        // Arrival times carry a few ms of request set-up jitter; over the run, the polls keep to the interval.
        assert.ok(closest >= pollSeconds * 1000 * 0.6, `two polls ${closest} ms apart`);
        assert.ok((sent.length - 1) * pollSeconds * 1000 <= sent.at(-1)! - sent[0] + pollSeconds * 1000, `${sent.length} polls in ${sent.at(-1)! - sent[0]} ms`);
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

    it("records a half-made user; without a refresh the plan deletes nothing, and a refresh that confirms it broken plans its replacement", async () => {
        await t.stack.setConfig("addKim", { value: "true" });
        sim().failNextTask({ step: "assign service pack", message: "Service pack quota exceeded for group SIM-NYC" });
        await assert.rejects(t.stack.up(), /create user kim@example\.com failed: task .* step "assign service pack" failed: Service pack quota exceeded for group SIM-NYC/);
        const recorded = (await t.stack.exportStack()).deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::kim"));
        assert.ok(recorded, "the half-made user is in the state");
        assert.equal(recorded.id, "kim@example.com");
        assert.ok(recorded.initErrors?.length);
        assert.ok(recorded.outputs.__incompleteCreate);

        // On the record alone, the plan is an update (no vendor request), and the update checks live,
        // sends nothing and asks for the refresh that shows the replacement.
        sim().clearRequests();
        assert.deepEqual((await t.previewSteps()).get("kim")?.map((s) => s.op), ["update"]);
        assert.equal(sim().requests().length, 0);
        await assert.rejects(t.stack.up(), /Masergy user kim@example\.com is incomplete: its create task \S+ step "assign service pack" failed: .*nothing was sent\. Run `pulumi up --refresh`/);
        assert.equal(writes().length, 0, "nothing deleted, nothing created");

        let output = "";
        const steps = await t.previewSteps({ refresh: true, onOutput: (text) => void (output += text) });
        assert.deepEqual(steps.get("kim")?.map((s) => s.op), ["refresh", "delete-replaced", "replace", "create-replacement"]);
        assert.match(output, /Masergy: user kim@example\.com is incomplete: its create task \S+ step "assign service pack" failed: .*The plan replaces it/);
        sim().clearRequests();
        await t.stack.up({ refresh: true });
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

    it("a rerun while the killed first run's create job still runs: no duplicate, nothing marked incomplete, nothing deleted; the documented recovery takes the user over", async () => {
        await t.stack.setConfig("addMax", { value: "true" });
        const isMax = (r: { body?: unknown }) => (r.body as { userId?: string } | undefined)?.userId === "max@example.com";
        const maxCreates = () => apiRequests(sim(), "user/create", "POST").filter(isMax).length;
        sim().clearRequests();

        // The first run sends the create and is killed (CLI and provider, SIGKILL) while its job runs.
        sim().hangNextTask({ step: "create account" });
        const first = startPulumi(t, ["up", "--yes", "--skip-preview"]);
        await until(() => maxCreates() === 1, "the first run's create", 60_000);
        const killed = await killTree(first);
        assert.equal(killed.signal, "SIGKILL");
        await until(() => sim().tasks().at(-1)!.steps.find((step) => step.name === "create account")?.status === "RUNNING", "the first job at its account step");
        const firstJob = sim().tasks().at(-1)!;
        // A killed runner leaves the stack locked (the file backend's lock) and the create pending.
        await t.stack.cancel();
        const state = async () => (await t.stack.exportStack()).deployment;
        assert.ok((await state()).pending_operations?.some((op: { resource: { urn: string } }) => op.resource.urn.endsWith("::max")), "the killed run's create is pending");

        // The rerun finds no user yet and sends its own create, whose job queues behind the first.
        sim().holdNextTask();
        const queued = sim().tasks().length;
        const rerun = t.stack.up();
        await Promise.race([
            until(() => sim().tasks().length > queued && sim().tasks().at(-1)!.status === "ON_HOLD", "the rerun's job", 60_000),
            rerun.then(() => assert.fail("the rerun ended before its create job was queued")),
        ]);
        sim().releaseTasks();
        await assert.rejects(
            rerun,
            /Masergy user max@example\.com exists, but this create did not make it .*Masergy user max@example\.com in group SIM-NYC already exists\. Set adopt: true .*pulumi refresh --clear-pending-creates.*ucaas:adoptMatching=true/s,
        );
        assert.equal(maxCreates(), 2);
        assert.equal((await state()).resources.find((r: { urn: string }) => r.urn.endsWith("::max")), undefined, "not recorded, so never replaced");

        // The documented recovery: clear the pending create, then one up with ucaas:adoptMatching.
        await t.stack.refresh({ clearPendingCreates: true });
        await t.stack.setConfig("ucaas:adoptMatching", { value: "true" });
        sim().clearRequests();
        const recovered = await t.stack.up();
        await t.stack.removeConfig("ucaas:adoptMatching");
        assert.equal(recovered.summary.resourceChanges?.create, 1);
        assert.equal(maxCreates(), 0, "taken over: no create");
        assert.deepEqual(writes().map((r) => endpoint(r.path)), ["user/update_web_portal_password"], "the declared password, which Masergy cannot report, is set");

        const [firstTask, duplicate] = sim().tasks().filter((task) => task.type === "CREATE_USER").slice(-2);
        assert.deepEqual([firstTask.taskId, firstTask.status, duplicate.status], [firstJob.taskId, "COMPLETED", "FAILED"]);
        assert.equal(sim().tasks().filter((task) => task.type === "DELETE_USER" && task.createdAt >= firstTask.createdAt).length, 0, "no user deleted");
        assert.equal(sim().state().users.filter((u) => u.userId === "max@example.com").length, 1);
        const max = (await state()).resources.find((r: { urn: string }) => r.urn.endsWith("::max"));
        assert.equal(max?.id, "max@example.com");
        assert.equal(max?.initErrors, undefined);
        assert.deepEqual(Object.keys(max?.outputs ?? {}).filter((key) => key.startsWith("__") && !["__provider", "__appliedInputs"].includes(key)), []);
        assert.equal((await state()).pending_operations?.length ?? 0, 0);
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
