/**
 * The notes an earlier run left on a MasergyUser (masergy-user.outputs.ts), settled live before
 * anything else happens to the user:
 * - a job still running at our deadline: followed to its end, never submitted again;
 * - a create whose answer was lost: settled by looking (lost-create.ts);
 * - a user recorded as incomplete: checked live, its create task and `user/find`. Only a user that
 *   really is broken is replaced, and only by a plan that says so: `read` (a refresh) confirms it
 *   and then `diff` plans the replacement; an update without that confirmation completes the record
 *   of a user that turned out fine, or sends nothing and asks for `pulumi up --refresh`.
 */
import type { Props } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { registerSecretsIn } from "../http/secret-values";
import { duration, followJob } from "./jobs";
import { describeLook, lookOnce, mayStillRun } from "./lost-create";
import * as api from "./masergy-api";
import { createOrTakeOver, incompleteCreate } from "./masergy-user.create";
import { MasergyTaskFailedError } from "./masergy-errors";
import { livePhoneAndNames, reportedDiffering, takeOver } from "./masergy-user.existing";
import {
    incompleteCreateKey,
    keyOf,
    lostCreateOf,
    outputsOf,
    pendingJobOf,
    withoutNotes,
    type LostCreate,
    type PendingJob,
} from "./masergy-user.outputs";
import { accountMadeBy, taskOutcome, type TaskViewAnswer } from "./task-view";

/** The view of a task recorded in an earlier run, or undefined when Masergy says it no longer knows it (its own 404). */
export async function recordedTask(client: VendorClient, taskId: string): Promise<TaskViewAnswer | undefined> {
    try {
        return await api.viewTask(client, taskId);
    } catch (error) {
        if (error instanceof VendorApiError && error.isNotFound) {
            return undefined;
        }
        throw error;
    }
}

/** Where settling an update's notes leaves it: the state to update from, or the outputs of a create or takeover done instead. */
export type Settled = { current: Props } | { outs: Props };

/** Settles every note of `olds` (an update's old outputs) against the desired `news`. */
export async function settleNotes(client: VendorClient, id: string, olds: Props, news: Props): Promise<Settled> {
    const pending = pendingJobOf(olds);
    if (pending) {
        return settlePendingJob(client, id, olds, news, pending);
    }
    const lost = lostCreateOf(olds);
    if (lost) {
        return settleLostCreate(client, id, olds, news, lost);
    }
    if (olds[incompleteCreateKey]) {
        return settleIncomplete(client, id, olds, news);
    }
    return { current: olds };
}

/** Follows a job an earlier run left unfinished; a create that definitely failed without leaving a user is created again. */
async function settlePendingJob(client: VendorClient, id: string, olds: Props, news: Props, pending: PendingJob): Promise<Settled> {
    const what = pending.kind === "create" ? `create user ${id}` : `update user ${id}`;
    const result = await followJob(client, pending, what, { resume: true });
    if (result.state === "unfinished" && !result.forgotten) {
        throw new ResourceInitError(id, olds, `Masergy: ${what}: ${result.reason}. Nothing else was sent; run \`pulumi up\` again later.`);
    }
    const settled = withoutNotes(olds);
    if (pending.kind === "create") {
        if (result.state === "completed") {
            return { current: { ...settled, ...outputsOf({}, result.job, result.view.resultData) } };
        }
        const live = await api.findUser(client, keyOf(olds));
        if (live && result.state === "failed") {
            if (accountMadeBy(result.view) === "not made") {
                // Another create of the same user made it: an existing user, never an incomplete one.
                return takeOver(client, live, news, `${new MasergyTaskFailedError(what, result.job, result).message}; the user exists, but that task did not make it`);
            }
            throw incompleteCreate(settled, result.job, new MasergyTaskFailedError(what, result.job, result));
        }
        // A task Masergy forgot: the user's existence says whether it ran. A failed task without an
        // account: creating it now is no second create.
        return live ? { current: { ...settled, ...outputsOf({}, result.job) } } : createOrTakeOver(client, news);
    }
    // The update job ended either way: what it changed is whatever the user now shows.
    const live = await api.findUser(client, keyOf(olds));
    if (!live) {
        throw new Error(`Masergy user ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again.`);
    }
    return { current: { ...settled, ...livePhoneAndNames(live) } };
}

/** A create whose answer was lost in an earlier run: settled by one look, never by a second create while the first may run. */
async function settleLostCreate(client: VendorClient, id: string, olds: Props, news: Props, lost: LostCreate): Promise<Settled> {
    const look = await lookOnce(client, olds);
    if (look.state === "matches") {
        return { current: withoutNotes(olds) };
    }
    const sent = `the create of user ${id} sent at ${lost.submittedAt} lost its answer (${lost.reason})`;
    if (look.state === "differs") {
        // Not necessarily the user that create made: the rule for existing users decides.
        return takeOver(client, look.live, news, `Masergy: ${sent}, and ${describeLook(id, look)}, so it may not be the user that create made`);
    }
    const wait = mayStillRun(lost);
    if (wait > 0) {
        throw new Error(
            `Masergy: ${sent} and may still be queued: user/find does not list the user yet. Nothing was sent; run \`pulumi up\` ` +
                `again in ${duration(wait)} (ucaas:masergyJobTimeoutMinutes after it was sent): a new create is sent then if the user is still absent.`,
        );
    }
    return createOrTakeOver(client, news);
}

/** What a live check of a user recorded as incomplete found. */
export type IncompleteCheck =
    | { state: "gone" }
    /** Fine after all: `why` says why the record was wrong or is out of date. */
    | { state: "complete"; live: api.WireUser; why: string; resultData?: Record<string, string> }
    /** Not made by the recorded task, and it differs from the declared user. */
    | { state: "differs"; live: api.WireUser; why: string; differing: string[] }
    /** The recorded task runs again (restarted at Masergy). */
    | { state: "running"; pending: PendingJob }
    /** The recorded task made the account and failed a later step (or nothing says otherwise). */
    | { state: "broken"; live: api.WireUser; reason: string };

export async function checkIncomplete(client: VendorClient, props: Props): Promise<IncompleteCheck> {
    const live = await api.findUser(client, keyOf(props));
    if (!live) {
        return { state: "gone" };
    }
    const taskId = props.taskId as string;
    const view = taskId ? await recordedTask(client, taskId) : undefined;
    if (!view) {
        return { state: "broken", live, reason: `${props[incompleteCreateKey]} (Masergy no longer reports task ${taskId}; the record stands)` };
    }
    const outcome = taskOutcome(view);
    if (outcome.state === "running") {
        return { state: "running", pending: { kind: "create", jobId: props.jobId as string, taskId } };
    }
    if (outcome.state === "failed" && accountMadeBy(view) !== "not made") {
        return { state: "broken", live, reason: `its create task ${taskId} ${outcome.reason}` };
    }
    const why =
        outcome.state === "completed"
            ? `its create task ${taskId} has completed since (restarted at Masergy)`
            : `its create task ${taskId} did not make it (its "create account" step did not complete: another create of the same user did)`;
    const differing = reportedDiffering(props, live);
    if (differing.length) {
        return { state: "differs", live, why, differing };
    }
    registerSecretsIn(view.resultData);
    return { state: "complete", live, why, resultData: outcome.state === "completed" ? view.resultData : undefined };
}

async function settleIncomplete(client: VendorClient, id: string, olds: Props, news: Props): Promise<Settled> {
    const check = await checkIncomplete(client, olds);
    switch (check.state) {
        case "gone":
            return createOrTakeOver(client, news);
        case "complete":
            console.log(`Masergy: user ${id}, recorded as incomplete, is complete: ${check.why}; recorded complete.`);
            return { current: { ...withoutNotes(olds), ...completedOutputs(olds, check.resultData) } };
        case "running":
            return settlePendingJob(client, id, { ...withoutNotes(olds) }, news, check.pending);
        case "differs":
            throw new Error(
                `Masergy user ${id} is recorded as incomplete, but ${check.why}, and it differs from this MasergyUser in ` +
                    `${check.differing.join(", ")}. Nothing was sent. Run \`pulumi up --refresh\` (or \`pulumi preview --refresh\` ` +
                    "to see the plan first): the refresh records what the user holds, and the plan shows what changes.",
            );
        case "broken":
            throw new Error(
                `Masergy user ${id} is incomplete: ${check.reason}. It has to be deleted and created again, which this plan (an ` +
                    "update) does not show, so nothing was sent. Run `pulumi up --refresh` (or `pulumi preview --refresh` to see the " +
                    "plan first): the refresh confirms it is still broken, and the plan then replaces it.",
            );
    }
}

/** The create task's result data, when a restarted task produced it. */
export function completedOutputs(props: Props, resultData: Record<string, string> | undefined): Props {
    return resultData ? outputsOf({}, { jobId: props.jobId as string, taskId: props.taskId as string }, resultData) : {};
}
