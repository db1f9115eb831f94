/**
 * Masergy asks consumers "not to poll more than once every 10 seconds" (seed, "Asynchronous
 * Notifications", 1. Polling). We read that as a budget for the whole run, not per job: every poll
 * of a run (task views of every job, and the `user/find` looks that settle a create whose answer was
 * lost) takes a turn from one budget per Masergy API, turns at least one interval apart. So 200
 * parallel creates make one poll per interval, not 200.
 *
 * Turns are handed out in the order they are booked, and a job books its next turn only after its
 * previous poll: the job that has waited longest since it was last looked at goes first (round
 * robin). With N jobs in flight, each is looked at about every N intervals; a job is never declared
 * late before a poll at or after its deadline has seen it still running.
 */
export class PollBudget {
    private nextTurn = -Infinity;
    private lastSent = -Infinity;

    /** Books the first free turn at or after `dueAt` (epoch ms); turns are `intervalMs` apart. */
    book(dueAt: number, intervalMs: number): number {
        const turn = Math.max(dueAt, this.nextTurn);
        this.nextTurn = turn + intervalMs;
        return turn;
    }

    /**
     * Called when a booked turn has come: 0 (and the send is recorded) when the request may go now,
     * else how much longer to wait, so that it goes at least `intervalMs` after the previous one
     * really went (a timer that fired late pushes the later turns back rather than crowding them).
     */
    claim(turn: number, intervalMs: number, now: number): number {
        const at = Math.max(turn, this.lastSent + intervalMs);
        if (at > now) {
            return at - now;
        }
        this.lastSent = now;
        return 0;
    }
}

/** Waits for a booked turn with the caller's clock, and claims it. */
export async function takeTurn(
    budget: PollBudget,
    dueAt: number,
    intervalMs: number,
    clock: { now: () => number; sleep: (ms: number) => Promise<void> },
): Promise<void> {
    const turn = budget.book(dueAt, intervalMs);
    for (let wait = budget.claim(turn, intervalMs, clock.now()); wait > 0; wait = budget.claim(turn, intervalMs, clock.now())) {
        await clock.sleep(wait);
    }
}

const budgets = new Map<string, PollBudget>();

/** The one budget of this process for the Masergy API at `apiUrl`. */
export function masergyPollBudget(apiUrl: string): PollBudget {
    let budget = budgets.get(apiUrl);
    if (!budget) {
        budget = new PollBudget();
        budgets.set(apiUrl, budget);
    }
    return budget;
}
