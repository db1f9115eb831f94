/**
 * The Masergy fault rows of issue 10, against the simulator over real HTTP, each as one `pulumi up`
 * that meets the fault and the rerun after it (provider-runs.ts drives the provider as the engine
 * does): the faulted operation fails with a message naming Masergy and the operation, or settles
 * itself; the rerun converges with the vendor as declared, no duplicate, no working user deleted
 * and a consistent state.
 */
import { strict as assert } from "node:assert";
import type { Fault } from "pulumi-ucaas/simulators";
import { useAnswerProxy } from "../helpers/answer-proxy";
import { masergyUserArgs } from "../helpers/fixtures";
import { apiRequests, useMasergySimulator } from "../helpers/masergy";
import { providerFor } from "../helpers/providers";
import { assertConverged, capturingLog, refreshOnce, until, upOnce, type State } from "./provider-runs";

const args = masergyUserArgs();
const userId = args.userId as string;

/** The answers a proxy, a gateway or a newer Masergy might give instead of the one we read. */
const answerFaults: Record<string, Fault> = {
    "HTML 200": { kind: "html" },
    "truncated JSON": { kind: "truncate" },
    "wrong shape": { kind: "raw", status: 200, contentType: "application/json", body: '{"data":[{"id":1}]}' },
    "empty body": { kind: "raw", status: 200, contentType: "application/json", body: "" },
    "huge body": { kind: "huge", megabytes: 5 },
};

describe("Masergy fault rows: a fault, then the rerun converges", () => {
    const sim = useMasergySimulator();
    const changed = ["UCAAS_HTTP_TIMEOUT_SECONDS", "UCAAS_MASERGY_JOB_TIMEOUT_MINUTES", "UCAAS_ADOPT_MATCHING"];
    let saved: Record<string, string | undefined> = {};
    beforeEach(() => void (saved = Object.fromEntries(changed.map((name) => [name, process.env[name]]))));
    afterEach(() => {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    });
    const api = () => new URL(sim().apiUrl).pathname;
    const creates = () => apiRequests(sim(), "user/create", "POST").length;
    /**
     * A create whose answer was lost is recorded once the user shows the fields sent, which can be
     * before its job has assigned the service pack: Masergy finishes that job on its own.
     */
    const jobsEnded = () => until(() => sim().tasks().every((t) => t.status === "COMPLETED" || t.status === "FAILED"), "Masergy's jobs to end");

    for (const [row, fault] of Object.entries(answerFaults)) {
        it(`${row} on user/find: create and refresh stop naming Masergy and the lookup; the rerun creates the user once`, async () => {
            sim().injectFault({ ...fault, method: "GET", pathPrefix: `${api()}/user/find` });
            const first = await upOnce(args, undefined);
            assert.match(first.error?.message ?? "", new RegExp(`^Masergy: find user ${userId} failed: HTTP 200 answer not understood: expected `));
            assert.equal(first.state, undefined, "nothing recorded");
            assert.equal(creates(), 0, "nothing sent on an unreadable lookup");

            const rerun = await upOnce(args, first.state);
            assert.equal(rerun.error, undefined);
            sim().injectFault({ ...fault, method: "GET", pathPrefix: `${api()}/user/find` });
            await assert.rejects(refreshOnce(rerun.state), /^VendorAnswerError: Masergy: find user \S+ failed: HTTP 200 answer not understood/);
            await assertConverged(sim(), args, rerun.state);
            assert.equal(creates(), 1);
        });

        it(`${row} on task/{id}/view: the create is recorded with its job; the rerun follows that job to its end, no second create`, async () => {
            sim().injectFault({ ...fault, method: "GET", pathPrefix: `${api()}/task/` });
            const first = await upOnce(args, undefined);
            assert.match(
                first.error?.message ?? "",
                /^Masergy: create user \S+: job \S+ \(task \S+\) could not be followed: Masergy: read task \S+ failed: HTTP 200 answer not understood: expected .*never submits a second create/,
            );
            assert.equal(first.state?.taskId, sim().tasks()[0].taskId, "recorded with its job");

            const rerun = await upOnce(args, first.state);
            assert.equal(rerun.step, "update");
            assert.equal(rerun.error, undefined);
            await assertConverged(sim(), args, rerun.state);
            assert.equal(creates(), 1);
        });
    }

    it("unknown task status: named once at once, the wait goes on, the create completes; the rerun has nothing to do", async () => {
        sim().holdNextTask({ status: "ON_HOLD", durationMs: 150 });
        const { result: first, lines } = await capturingLog(() => upOnce(args, undefined));
        assert.equal(first.error, undefined);
        const named = lines.filter((line) => line.includes('"ON_HOLD"'));
        assert.equal(named.length, 1, lines.join("\n"));
        assert.match(named[0], /^Masergy: create user \S+: job \S+ \(task \S+\) reports status "ON_HOLD", which this package does not know; it counts as still running/);
        const rerun = await upOnce(args, first.state);
        assert.equal(rerun.step, "same");
        await assertConverged(sim(), args, rerun.state);
    });

    describe("lost create response", () => {
        it("dropped connection after Masergy took the create: settled by looking, recorded as created, nothing sent twice", async () => {
            sim().injectFault({ kind: "lost", method: "POST", pathPrefix: `${api()}/user/create` });
            const { result: first, lines } = await capturingLog(() => upOnce(args, undefined));
            assert.equal(first.error, undefined, first.error?.message);
            assert.ok(lines.some((line) => /^Masergy: create user \S+: the answer was lost \(Masergy: create user \S+ failed: no response \(ECONNRESET/.test(line)), lines.join("\n"));
            const rerun = await upOnce(args, first.state);
            assert.equal(rerun.step, "same");
            await jobsEnded();
            await assertConverged(sim(), args, rerun.state);
            assert.equal(creates(), 1);
            // The looks took turns of the run's poll budget: never two closer than the interval (20 ms).
            const looks = apiRequests(sim(), "user/find").slice(1).map((r) => r.at);
            assert.ok(looks.length >= 1);
            assert.ok(looks.slice(1).every((at, i) => at - looks[i] >= 15), `looks at ${looks.join(", ")}`);
        });

        it("timeout while Masergy was still taking the create: settled by looking once the job made the user", async () => {
            process.env.UCAAS_HTTP_TIMEOUT_SECONDS = "0.2";
            sim().injectFault({ kind: "delay", ms: 500, method: "POST", pathPrefix: `${api()}/user/create` });
            const { result: first, lines } = await capturingLog(() => upOnce(args, undefined));
            assert.equal(first.error, undefined, first.error?.message);
            assert.match(lines.join("\n"), /the answer was lost \(Masergy: create user \S+ failed: no response \(ETIMEDOUT: no answer within 0\.2 s/);
            await jobsEnded();
            await assertConverged(sim(), args, first.state);
            assert.equal(creates(), 1);
        });

        it("a 2xx receipt we cannot read (truncated): settled by looking", async () => {
            sim().injectFault({ kind: "truncate", method: "POST", pathPrefix: `${api()}/user/create` });
            const { result: first, lines } = await capturingLog(() => upOnce(args, undefined));
            assert.equal(first.error, undefined, first.error?.message);
            assert.match(lines.join("\n"), /the answer was lost \(Masergy: create user \S+ failed: HTTP 200 answer not understood: expected an asynchronous receipt/);
            await jobsEnded();
            await assertConverged(sim(), args, first.state);
        });

        it("5xx and the user never appears: recorded as 'create submitted, outcome unknown'; the rerun sends a new create only once the first cannot run any more", async () => {
            process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.004"; // 240 ms
            sim().injectFault({ kind: "status", status: 503, method: "POST", pathPrefix: `${api()}/user/create` });
            const first = await upOnce(args, undefined);
            assert.match(
                first.error?.message ?? "",
                new RegExp(
                    `^Masergy: create user ${userId} failed: HTTP 503 .*whether it took effect is unknown\\. Looked for the user every .* ` +
                        `\\(ucaas:masergyJobTimeoutMinutes\\): user ${userId} does not exist\\. It is recorded as "create submitted, outcome unknown, user absent before"`,
                ),
            );
            assert.equal(first.state?.userId, userId);
            assert.ok(first.state?.__createOutcomeUnknown, "the note is recorded");

            // While the first create may still run (a longer job timeout), the rerun looks and sends nothing.
            process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.5";
            const early = await upOnce(args, first.state);
            assert.equal(early.step, "update");
            assert.match(early.error?.message ?? "", /sent at .* lost its answer .* and may still be queued: user\/find does not list the user yet\. Nothing was sent/);
            assert.deepEqual(early.state, first.state);
            await assert.rejects(
                providerFor("MasergyUser").delete(userId, first.state!),
                /^Error: Masergy: delete user \S+: not deleted: the create sent at .* may still be queued/,
            );
            assert.equal(creates(), 1);

            process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.004";
            const rerun = await upOnce(args, first.state);
            assert.equal(rerun.error, undefined, rerun.error?.message);
            await assertConverged(sim(), args, rerun.state);
            assert.equal(creates(), 2, "the second create went only after the first could no longer run");
        });
    });

    it("Masergy rerun during the first job: the duplicate create's failure is an existing user, never an incomplete one; the recovery takes it over", async () => {
        // The first run's create: its job holds at "create account"; its runner is gone (nothing recorded).
        sim().hangNextTask({ step: "create account" });
        const firstRunner = upOnce(args, undefined);
        await until(() => sim().tasks()[0]?.steps.find((step) => step.name === "create account")?.status === "RUNNING", "the first create job at its account step");
        sim().holdNextTask(); // the rerun's job queues behind it

        // The rerun finds no user yet and sends its own create; then the first job goes on and makes the user.
        const rerun = capturingLog(() => upOnce(args, undefined)).then((r) => r.result);
        await until(() => sim().tasks()[1]?.status === "ON_HOLD", "the rerun's create job, queued");
        sim().releaseTasks();
        const refused = await rerun;
        assert.equal(refused.state, undefined, "nothing recorded: the user is not this run's");
        assert.match(
            refused.error?.message ?? "",
            new RegExp(
                `^Masergy: create user ${userId} failed: task \\S+ \\(job \\S+\\) step "create account" failed: User ${userId} already exists\\. ` +
                    `Masergy user ${userId} exists, but this create did not make it .*\\. Masergy user ${userId} in group SIM-NYC already exists\\. ` +
                    "Set adopt: true .*pulumi refresh --clear-pending-creates.*ucaas:adoptMatching=true",
            ),
        );
        await firstRunner; // its outcome is lost with its runner
        const [firstJob, duplicate] = sim().tasks();
        assert.deepEqual([firstJob.status, duplicate.status], ["COMPLETED", "FAILED"]);

        process.env.UCAAS_ADOPT_MATCHING = "true";
        sim().clearRequests();
        const { result: recovered, lines } = await capturingLog(() => upOnce(args, undefined));
        assert.equal(recovered.error, undefined, recovered.error?.message);
        assert.ok(lines.some((line) => line.includes("is taken over (ucaas:adoptMatching)")), lines.join("\n"));
        assert.equal(creates(), 0, "no create in the recovery");
        await assertConverged(sim(), args, recovered.state);
    });
});

describe("Masergy answers changed in front of the simulator", () => {
    const sim = useMasergySimulator();
    const proxy = useAnswerProxy(() => sim().url, "UCAAS_MASERGY_API_URL", () => new URL(sim().apiUrl).pathname);
    const taskView = /\/task\/[^/]+\/view$/;

    async function recordedIncomplete(): Promise<State> {
        sim().failNextTask({ step: "assign service pack", message: "Service pack quota exceeded" });
        const first = await upOnce(args, undefined);
        assert.ok(first.state?.__incompleteCreate, first.error?.message);
        return first.state;
    }

    it("its create task has completed since (restarted at Masergy): the refresh records it complete and plans nothing", async () => {
        const recorded = await recordedIncomplete();
        proxy().rule({
            method: "GET",
            path: taskView,
            rewrite: (answer) => {
                const view = JSON.parse(answer.body);
                const steps = view.steps.map((step: object) => ({ ...step, status: "COMPLETED", message: undefined }));
                return { ...answer, body: JSON.stringify({ ...view, status: "COMPLETED", taskResult: "OK", steps }) };
            },
        });
        const { result: refreshed, lines } = await capturingLog(() => refreshOnce(recorded));
        assert.match(lines.join("\n"), /^Masergy: user \S+, recorded as incomplete, is complete: its create task \S+ has completed since/);
        assert.equal(refreshed?.__incompleteCreate, undefined);
        assert.equal((await upOnce(args, refreshed)).step, "same");
        assert.equal(sim().tasks().filter((t) => t.type === "DELETE_USER").length, 0);
    });

    it("its create task is no longer reported (Masergy's 404): the record stands, and only the refresh plans the replacement", async () => {
        const recorded = await recordedIncomplete();
        sim().injectFault({ kind: "status", status: 404, method: "GET", pathPrefix: `${new URL(sim().apiUrl).pathname}/task/` });
        const { result: refreshed } = await capturingLog(() => refreshOnce(recorded));
        assert.match(String(refreshed?.__incompleteConfirmed), /Masergy no longer reports task \S+; the record stands/);
        const replaced = await upOnce(args, refreshed);
        assert.equal(replaced.step, "replace");
        assert.equal(replaced.error, undefined, replaced.error?.message);
        assert.equal(sim().state().users.find((u) => u.userId === userId)?.mainServicePack, "UC-Standard");
    });

    it("a create refused because the user exists by now (made after our look, e.g. by an earlier run): an existing user; the recovery takes it over", async () => {
        proxy().rule({
            method: "POST",
            path: /\/user\/create$/,
            count: 1,
            respond: () => {
                sim().seedUser({ voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false, ...args });
                return { status: 400, contentType: "application/json", body: JSON.stringify({ accepted: false, code: "USER_EXISTS", message: `User ${userId} already exists` }) };
            },
        });
        const first = await upOnce(args, undefined);
        assert.match(
            first.error?.message ?? "",
            new RegExp(`^Masergy: create user ${userId} failed: HTTP 400 USER_EXISTS: User ${userId} already exists\\. Masergy user ${userId} in group SIM-NYC already exists\\. Set adopt: true`),
        );
        assert.equal(first.state, undefined);
        process.env.UCAAS_ADOPT_MATCHING = "true";
        try {
            const recovered = await capturingLog(() => upOnce(args, undefined)).then((r) => r.result);
            assert.equal(recovered.error, undefined, recovered.error?.message);
            assert.equal(recovered.state?.userId, userId);
        } finally {
            delete process.env.UCAAS_ADOPT_MATCHING;
        }
        assert.equal(sim().tasks().filter((t) => t.type === "CREATE_USER" || t.type === "DELETE_USER").length, 0, "no create job, nothing deleted");
    });
});
