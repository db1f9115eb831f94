/**
 * Creating a MasergyUser: look it up first (an existing user goes to the takeover rule), submit
 * `user/create`, follow its job, and settle every way that can end:
 * - completed: created;
 * - still running at our deadline: recorded with its job, which the next run follows first;
 * - failed, no user: the error, nothing recorded;
 * - failed after this task made the account (its "create account" step completed): recorded as
 *   incomplete, checked live before anything is done about it;
 * - failed and the user exists, but this task did not make it (another create of the same user,
 *   e.g. an earlier run's job still running, made it first): an existing user, never "incomplete";
 * - answer lost (no answer, a timeout, a 5xx, a 2xx we cannot read): see lost-create.ts.
 */
import type { Props } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { outcomeUnknown } from "../dynamic/verified-create";
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { followJob, type JobResult } from "./jobs";
import { settleLostAnswer } from "./lost-create";
import * as api from "./masergy-api";
import { MasergyTaskFailedError } from "./masergy-errors";
import { takeOver } from "./masergy-user.existing";
import { incompleteCreateKey, keyOf, outputsOf, pendingJobKey, type PendingJob } from "./masergy-user.outputs";
import type { MasergyUserInputs } from "./masergy-user.schema";
import { accountMadeBy } from "./task-view";

function createBody(user: MasergyUserInputs): api.WireObject & api.UserKey {
    const { adopt: _adopt, ...fields } = user;
    return fields;
}

/** Creates the user, or takes over the one that exists (by the rule in dynamic/adoption.ts). */
export async function createOrTakeOver(client: VendorClient, inputs: Props): Promise<{ id: string; outs: Props }> {
    const existing = await api.findUser(client, keyOf(inputs));
    return existing ? takeOver(client, existing, inputs) : submitCreate(client, inputs);
}

/** Sends `user/create` for a user that was absent just before, and settles how it ends. */
async function submitCreate(client: VendorClient, inputs: Props): Promise<{ id: string; outs: Props }> {
    const user = inputs as MasergyUserInputs;
    if (user.webPortalPassword === undefined) {
        throw new Error(`Masergy user ${user.userId} does not exist, so it cannot be adopted: webPortalPassword must be set to create it.`);
    }
    const submittedAt = Date.now();
    let job: api.JobReceipt;
    try {
        job = await api.createUser(client, createBody(user));
    } catch (error) {
        if (outcomeUnknown(error)) {
            return settleLostAnswer(client, inputs, submittedAt, error as Error);
        }
        // A refusal while the user exists now: someone made it after our look (e.g. an earlier run's
        // job) and Masergy refused a duplicate. A look that fails changes nothing: the refusal stands.
        const live = error instanceof VendorApiError ? await api.findUser(client, keyOf(inputs)).catch(() => undefined) : undefined;
        if (!live) {
            throw error;
        }
        return takeOver(client, live, inputs, (error as Error).message);
    }
    return finishCreate(client, inputs, await followJob(client, job, `create user ${user.userId}`));
}

/** Turns how the create job ended into the resource's outputs, or the error the engine should record. */
async function finishCreate(client: VendorClient, inputs: Props, result: JobResult): Promise<{ id: string; outs: Props }> {
    const id = inputs.userId as string;
    if (result.state === "completed") {
        return { id, outs: outputsOf(inputs, result.job, result.view.resultData) };
    }
    if (result.state === "unfinished") {
        const pending: PendingJob = { kind: "create", ...result.job };
        throw new ResourceInitError(
            id,
            { ...outputsOf(inputs, result.job), [pendingJobKey]: pending },
            `Masergy: create user ${id}: ${result.reason}. The user is recorded with its job; the next \`pulumi up\` ` +
                "checks that job before doing anything else and never submits a second create.",
        );
    }
    const failed = new MasergyTaskFailedError(`create user ${id}`, result.job, result);
    const live = await api.findUser(client, keyOf(inputs));
    if (!live) {
        throw failed;
    }
    switch (accountMadeBy(result.view)) {
        case "made":
            throw incompleteCreate(inputs, result.job, failed);
        case "not made":
            return takeOver(
                client,
                live,
                inputs,
                `${failed.message}. Masergy user ${id} exists, but this create did not make it (its "create account" step did not ` +
                    "complete): another create of the same user made it, e.g. an earlier run's job that was still running",
            );
        case "unknown":
            throw new Error(
                `${failed.message}. Masergy user ${id} exists, but task ${result.job.taskId} shows no "create account" step this package ` +
                    "can read, so whether this create made it is unknown; it is not recorded. Check the user at Masergy, then set " +
                    "adopt: true on this MasergyUser to take it over, or delete it there.",
            );
    }
}

/** This create's task made the account and then failed: record the user rather than orphan it. */
export function incompleteCreate(inputs: Props, job: api.JobReceipt, failed: MasergyTaskFailedError): ResourceInitError {
    return new ResourceInitError(
        inputs.userId as string,
        { ...outputsOf(inputs, job), [incompleteCreateKey]: failed.message },
        `${failed.message}. The user exists without everything it needs and is recorded as incomplete; \`pulumi up --refresh\` ` +
            "checks it live and, if it is still broken, the plan replaces it (deletes it and creates it again).",
    );
}
