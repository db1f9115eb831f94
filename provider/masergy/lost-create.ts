/**
 * A `user/create` whose answer never came (a dropped connection after sending, a timeout, a 5xx, a
 * 2xx we cannot read) may have queued a job whose id was in the lost answer. The user was absent
 * just before, so we look for it with `user/find`, one look per turn of the run's poll budget (the
 * same budget as the task polls), for as long as we would have waited for the job
 * (`ucaas:masergyJobTimeoutMinutes`, counted from the create): a user that appears with every field
 * we sent is the one this create made. Still unsettled then, the user is recorded with the note
 * "create submitted, outcome unknown, user absent before", and the next run settles it by looking:
 * it sends a new create only when the user is still absent a job timeout after the first was sent,
 * never while that one may still run.
 */
import type { Props } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import type { VendorClient } from "../http/client";
import { masergyJobTiming } from "./client";
import { duration } from "./jobs";
import * as api from "./masergy-api";
import { reportedDiffering } from "./masergy-user.existing";
import { keyOf, lostCreateKey, outputsOf, type LostCreate } from "./masergy-user.outputs";
import { masergyPollBudget, takeTurn } from "./poll-budget";

/** What one look found: the user with the fields sent, the user with other fields, or no user. */
export type Look =
    | { state: "matches"; live: api.WireUser }
    | { state: "differs"; live: api.WireUser; differing: string[] }
    | { state: "absent" };

export async function lookOnce(client: VendorClient, sent: Props): Promise<Look> {
    const live = await api.findUser(client, keyOf(sent));
    if (!live) {
        return { state: "absent" };
    }
    const differing = reportedDiffering(sent, live);
    return differing.length ? { state: "differs", live, differing } : { state: "matches", live };
}

/**
 * Looks for the user once per poll turn until it appears with the fields sent (a user still being
 * made may first lack its phone number), or until `deadline`; returns the last look. A look that
 * fails throws.
 */
export async function lookUntil(client: VendorClient, sent: Props, deadline: number): Promise<Look> {
    const now = Date.now;
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const { intervalMs } = masergyJobTiming();
    const budget = masergyPollBudget(client.baseUrl);
    let dueAt = now() + intervalMs;
    for (;;) {
        await takeTurn(budget, dueAt, intervalMs, { now, sleep });
        dueAt = now() + intervalMs;
        const look = await lookOnce(client, sent);
        if (look.state === "matches" || now() >= deadline) {
            return look;
        }
    }
}

export function describeLook(userId: string, look: Look): string {
    switch (look.state) {
        case "matches":
            return `user ${userId} exists with the fields sent`;
        case "differs":
            return `user ${userId} exists but differs from what was sent in ${look.differing.join(", ")}`;
        case "absent":
            return `user ${userId} does not exist`;
    }
}

/** Settles a create whose answer was lost, in the run that sent it. */
export async function settleLostAnswer(client: VendorClient, inputs: Props, submittedAt: number, lost: Error): Promise<{ id: string; outs: Props }> {
    const id = inputs.userId as string;
    const { intervalMs, timeoutMs } = masergyJobTiming();
    const note: LostCreate = { submittedAt: new Date(submittedAt).toISOString(), reason: lost.message };
    const recorded = { ...outputsOf(inputs, undefined), [lostCreateKey]: note };
    const next =
        "It is recorded as \"create submitted, outcome unknown, user absent before\": the next `pulumi up` looks again, and sends " +
        `a new create only if the user is still absent ${duration(timeoutMs)} after this one was sent, never while it may still run.`;
    let look: Look;
    try {
        look = await lookUntil(client, inputs, submittedAt + timeoutMs);
    } catch (error) {
        throw new ResourceInitError(id, recorded, `${lost.message}. Looking for user ${id} to settle it failed too: ${(error as Error).message}. ${next}`);
    }
    if (look.state === "matches") {
        console.log(
            `Masergy: create user ${id}: the answer was lost (${lost.message}); the user appeared with the fields sent and is recorded ` +
                "as created. Its job id was in the lost answer, so its later steps (service pack, device, voicemail, conference) " +
                "cannot be followed; Masergy's job notifications report them.",
        );
        return { id, outs: outputsOf(inputs, undefined) };
    }
    throw new ResourceInitError(
        id,
        recorded,
        `${lost.message}. Looked for the user every ${duration(intervalMs)} for ${duration(timeoutMs)} ` +
            `(ucaas:masergyJobTimeoutMinutes): ${describeLook(id, look)}. ${next}`,
    );
}

/** How long a create sent at `note.submittedAt` may still run, in ms (0: no longer). */
export function mayStillRun(note: LostCreate, now = Date.now()): number {
    return Math.max(0, Date.parse(note.submittedAt) + masergyJobTiming().timeoutMs - now);
}
