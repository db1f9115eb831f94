import { strict as assert } from "node:assert";
import { waitForTask, type WaitOptions } from "../../provider/masergy/job-waiter";
import { progressLine, unknownStatusLine } from "../../provider/masergy/jobs";
import { PollBudget } from "../../provider/masergy/poll-budget";
import type { TaskViewAnswer as TaskView } from "../../provider/masergy/task-view";

/** A task that reports the given statuses, one per poll, on a fake clock that sleeps instantly. */
function scripted(statuses: string[], extra: Partial<TaskView> = {}) {
    let clock = 0;
    const polledAt: number[] = [];
    const options: Pick<WaitOptions, "poll" | "now" | "sleep"> = {
        now: () => clock,
        sleep: async (ms) => void (clock += ms),
        poll: async () => {
            polledAt.push(clock);
            const status = statuses[Math.min(polledAt.length - 1, statuses.length - 1)];
            return {
                taskId: "xyz456",
                jobId: "abc123",
                type: "CREATE_USER",
                status,
                createdAt: "2026-01-01T00:00:00Z",
                steps: [
                    { name: "create account", status: status === "QUEUED" ? "PENDING" : "COMPLETED" },
                    { name: "assign device", status: status === "FAILED" ? "FAILED" : status === "COMPLETED" ? "COMPLETED" : "RUNNING", message: status === "FAILED" ? "Unknown device model" : undefined },
                ],
                ...extra,
            };
        },
    };
    return { options, polledAt };
}

/**
 * A virtual clock for several waits at once: time jumps to the next timer only once every wait is
 * idle (all their promise work done), so waits interleave exactly as their timers say.
 */
function virtualClock() {
    let clock = 0;
    let order = 0;
    const timers: Array<{ at: number; order: number; wake: () => void }> = [];
    return {
        now: () => clock,
        sleep: (ms: number) => new Promise<void>((wake) => void timers.push({ at: clock + ms, order: order++, wake })),
        async run<T>(work: Promise<T>): Promise<T> {
            let done = false;
            work.then(() => (done = true), () => (done = true));
            for (;;) {
                await new Promise((resolve) => setImmediate(resolve));
                if (done) return work;
                timers.sort((a, b) => a.at - b.at || a.order - b.order);
                const next = timers.shift();
                if (!next) throw new Error("no wait is pending, yet the work is not done");
                clock = Math.max(clock, next.at);
                next.wake();
            }
        },
    };
}

/** Waits for several tasks at once on one budget; `runs[i]` polls of task i report RUNNING, then COMPLETED. */
async function waitForMany(runs: number[], intervalMs: number, budget = new PollBudget()) {
    const time = virtualClock();
    const polls: Array<{ task: number; at: number }> = [];
    const view = (status: string): TaskView => ({ status, steps: [] });
    const waits = runs.map((running, task) => {
        let seen = 0;
        return waitForTask({
            now: time.now,
            sleep: time.sleep,
            budget,
            intervalMs,
            timeoutMs: 3_600_000,
            poll: async () => {
                polls.push({ task, at: time.now() });
                return view(seen++ < running ? "RUNNING" : "COMPLETED");
            },
        });
    });
    const outcomes = await time.run(Promise.all(waits));
    return { polls, outcomes };
}

describe("Masergy poll budget, shared by every job of a run", () => {
    it("sends one poll per interval in all, serving the job that has waited longest since it was last looked at first", async () => {
        const { polls, outcomes } = await waitForMany([2, 1, 0], 10_000);
        assert.deepEqual(outcomes.map((o) => o.state), ["completed", "completed", "completed"]);
        assert.deepEqual(
            polls.map((p) => `${"ABC"[p.task]}@${p.at / 1000}`),
            ["A@10", "B@20", "C@30", "A@40", "B@50", "A@60"],
        );
    });

    it("keeps 200 parallel jobs to one poll per interval: each is first seen within 200 intervals", async () => {
        const { polls } = await waitForMany(Array(200).fill(0), 10_000);
        assert.equal(polls.length, 200);
        const gaps = polls.slice(1).map((p, i) => p.at - polls[i].at);
        assert.equal(Math.min(...gaps), 10_000);
        assert.equal(polls.at(-1)!.at, 2_000_000);
        assert.equal(new Set(polls.map((p) => p.task)).size, 200, "every job polled once, none twice");
    });

    it("never lets two requests go closer than the interval, even when a timer fired late", () => {
        const budget = new PollBudget();
        const first = budget.book(0, 10_000);
        assert.equal(budget.claim(first, 10_000, 5_000), 0, "a late first turn goes at once");
        const second = budget.book(0, 10_000);
        assert.equal(second, 10_000);
        assert.equal(budget.claim(second, 10_000, 10_000), 5_000, "the next one waits until 10 s after the late one really went");
        assert.equal(budget.claim(second, 10_000, 15_000), 0);
    });
});

describe("Masergy job waiter", () => {
    it("polls once per interval, the first after one interval, until the task completes", async () => {
        const { options, polledAt } = scripted(["QUEUED", "RUNNING", "COMPLETED"]);
        const outcome = await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 3_600_000 });
        assert.equal(outcome.state, "completed");
        assert.equal(outcome.polls, 3);
        assert.deepEqual(polledAt, [10_000, 20_000, 30_000]);
    });

    it("sends a poll every interval however long the previous one took to answer", async () => {
        const { options, polledAt } = scripted(["QUEUED", "RUNNING", "COMPLETED"]);
        const answered = options.poll;
        // Each answer takes 300 ms of the fake clock, as a slow API would.
        const poll = async () => {
            const view = await answered();
            await options.sleep!(300);
            return view;
        };
        await waitForTask({ ...options, poll, intervalMs: 10_000, timeoutMs: 3_600_000 });
        assert.deepEqual(polledAt, [10_000, 20_000, 30_000]);
    });

    it("treats a status it does not know as still running, and names each one at once, the first time it appears", async () => {
        const { options } = scripted(["ON_HOLD", "ON_HOLD", "RETRYING", "ON_HOLD", "COMPLETED"]);
        const named: Array<[string, number]> = [];
        const outcome = await waitForTask({
            ...options,
            intervalMs: 10_000,
            timeoutMs: 3_600_000,
            onUnknownStatus: (status, _view, waited) => named.push([status, waited]),
        });
        assert.equal(outcome.state, "completed");
        assert.equal(outcome.polls, 5);
        assert.deepEqual(named, [["ON_HOLD", 10_000], ["RETRYING", 30_000]]);
    });

    it("takes a completed task for success only when its task result, if it reports one, is OK", async () => {
        for (const [taskResult, state] of [[undefined, "completed"], ["OK", "completed"], ["ok", "completed"], ["FAILED", "failed"], ["PARTIAL", "failed"]] as const) {
            const { options } = scripted(["COMPLETED"], taskResult === undefined ? {} : { taskResult });
            const outcome = await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 60_000 });
            assert.equal(outcome.state, state, String(taskResult));
            if (outcome.state === "failed") {
                assert.match(outcome.reason, new RegExp(`completed with task result "${taskResult}", not "OK"`));
            }
        }
    });

    it("reports a failed task with its failed steps and lets the caller decide what to throw", async () => {
        const { options } = scripted(["RUNNING", "FAILED"]);
        const outcome = await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 3_600_000 });
        assert.equal(outcome.state, "failed");
        assert.deepEqual(outcome.state === "failed" && outcome.failedSteps, [{ name: "assign device", status: "FAILED", message: "Unknown device model" }]);
        assert.equal(outcome.state === "failed" && outcome.reason, 'step "assign device" failed: Unknown device model');
    });

    it("stops at the deadline with the last view, after the first poll at or past it (never two polls closer than the interval)", async () => {
        const { options, polledAt } = scripted(["RUNNING"]);
        const outcome = await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 25_000 });
        assert.equal(outcome.state, "deadline");
        assert.equal(outcome.state === "deadline" && outcome.view?.status, "RUNNING");
        assert.deepEqual(polledAt, [10_000, 20_000, 30_000]);
    });

    it("polls at once when resuming a task accepted in an earlier run", async () => {
        const { options, polledAt } = scripted(["COMPLETED"]);
        await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 60_000, pollFirst: true });
        assert.deepEqual(polledAt, [0]);
    });

    it("reports progress at most once a minute", async () => {
        const { options } = scripted([...Array(30).fill("RUNNING"), "COMPLETED"]);
        const progress: number[] = [];
        await waitForTask({ ...options, intervalMs: 10_000, timeoutMs: 3_600_000, onProgress: (_view, waited) => progress.push(waited) });
        assert.deepEqual(progress, [60_000, 120_000, 180_000, 240_000, 300_000]);
    });

    it("words a progress line with the user, the job and the current step, and no field values", () => {
        const view: TaskView = {
            taskId: "xyz456",
            jobId: "abc123",
            type: "CREATE_USER",
            status: "RUNNING",
            createdAt: "2026-01-01T00:00:00Z",
            userData: "secret-ish reference",
            steps: [
                { name: "create account", status: "COMPLETED" },
                { name: "assign device", status: "RUNNING" },
                { name: "configure voicemail", status: "PENDING" },
            ],
        };
        const line = progressLine("create user jdoe@example.com", { jobId: "abc123", taskId: "xyz456" }, view, 120_000);
        assert.equal(line, 'Masergy: still waiting to create user jdoe@example.com: job abc123 (task xyz456) is RUNNING, step 2/3 "assign device" after 2 min');
    });

    it("words the line for an unknown status with the status, the job and the bound on the wait", () => {
        const line = unknownStatusLine("create user jdoe@example.com", { jobId: "abc123", taskId: "xyz456" }, "ON_HOLD", 20_000);
        assert.equal(
            line,
            'Masergy: create user jdoe@example.com: job abc123 (task xyz456) reports status "ON_HOLD", which this package does not know; ' +
                "it counts as still running (waited 20 s; ucaas:masergyJobTimeoutMinutes bounds the wait)",
        );
    });
});
