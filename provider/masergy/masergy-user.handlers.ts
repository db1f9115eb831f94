import { checkWithSchema } from "../dynamic/check";
import { diffInputs, type DiffSpec } from "../dynamic/diff";
import type { Props, ResourceHandlers } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { masergyClient } from "./client";
import { followJob, type JobResult } from "./jobs";
import * as api from "./masergy-api";
import { MasergyJobUnfinishedError, MasergyTaskFailedError } from "./masergy-errors";
import { applyInPlace } from "./masergy-user.apply";
import {
    computedOf,
    incompleteCreateKey,
    keyOf,
    notificationsOf,
    outputsOf,
    pendingJobKey,
    pendingJobOf,
    withoutNotes,
    type PendingJob,
} from "./masergy-user.outputs";
import {
    MasergyUserArgsSchema,
    masergyUserInputKeys,
    masergyUserReplaceKeys,
    masergyUserSecretKeys,
    masergyUserSecretOutputs,
    type MasergyUserInputs,
} from "./masergy-user.schema";
import { reportedToE164 } from "./phone-number";
import { taskOutcome } from "./task-view";

const diffSpec: DiffSpec = {
    inputKeys: masergyUserInputKeys,
    replaceKeys: masergyUserReplaceKeys,
    // The replacement would collide with the old user on its userId (and extension, phone number).
    deleteBeforeReplace: true,
};

/** Fields `user/find` reports that this resource manages (secrets and service settings are never reported). */
const reportedKeys = ["firstName", "lastName", "extension", "emailAddress"] as const;

function createBody(user: MasergyUserInputs): api.WireObject & api.UserKey {
    const { adopt: _adopt, ...fields } = user;
    return fields;
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
    throw (await api.findUser(client, keyOf(inputs))) ? incompleteCreate(inputs, result.job, failed) : failed;
}

/** The account was made before a later step failed: record it rather than orphan it, and replace it next time. */
function incompleteCreate(inputs: Props, job: api.JobReceipt, failed: MasergyTaskFailedError): ResourceInitError {
    return new ResourceInitError(
        inputs.userId as string,
        { ...outputsOf(inputs, job), [incompleteCreateKey]: failed.message },
        `${failed.message}. The user exists without everything it needs; it is recorded, and the next \`pulumi up\` replaces it.`,
    );
}

async function createUser(client: VendorClient, inputs: Props): Promise<{ id: string; outs: Props }> {
    const user = inputs as MasergyUserInputs;
    if (user.webPortalPassword === undefined) {
        throw new Error(`Masergy user ${user.userId} does not exist, so it cannot be adopted: webPortalPassword must be set to create it.`);
    }
    const job = await api.createUser(client, createBody(user));
    return finishCreate(client, inputs, await followJob(client, job, `create user ${user.userId}`));
}

async function adoptExisting(client: VendorClient, existing: api.WireUser, inputs: Props): Promise<{ id: string; outs: Props }> {
    const user = inputs as MasergyUserInputs;
    if (!user.adopt) {
        throw new Error(
            `Masergy user ${user.userId} already exists in group ${user.groupId}. ` +
                "Set adopt: true on this MasergyUser to take it over, or choose another userId.",
        );
    }
    for (const key of ["extension", "emailAddress"] as const) {
        if (user[key] !== undefined && existing[key] !== undefined && existing[key] !== user[key]) {
            throw new Error(
                `Cannot adopt Masergy user ${user.userId}: its ${key} is "${existing[key]}", not "${user[key]}", ` +
                    `and Masergy cannot change it in place. Set ${key} to the existing value.`,
            );
        }
    }
    // Compared with what Masergy reports, so adopting a user that already matches submits no job;
    // the password cannot be read, so a given one is always set and an omitted one is kept.
    const live = livePhoneAndNames(existing);
    const reached = await applyInPlace(client, user.userId, live, inputs);
    return { id: user.userId, outs: { ...inputs, ...computedOf(reached) } };
}

function livePhoneAndNames(live: api.WireUser): Props {
    return {
        firstName: live.firstName,
        lastName: live.lastName,
        phoneNumber: live.phoneNumber ? reportedToE164(live.phoneNumber, live.countryCode) : undefined,
    };
}

/**
 * Settles a job an earlier run left unfinished, before anything else happens to the user. Returns
 * the state to continue from, or "gone" when a create definitely failed without leaving a user.
 */
async function settlePendingJob(client: VendorClient, id: string, olds: Props, pending: PendingJob): Promise<Props | "gone"> {
    const what = pending.kind === "create" ? `create user ${id}` : `update user ${id}`;
    const result = await followJob(client, pending, what, { resume: true });
    if (result.state === "unfinished" && !result.forgotten) {
        throw new ResourceInitError(id, olds, `Masergy: ${what}: ${result.reason}. Nothing else was sent; run \`pulumi up\` again later.`);
    }
    const settled = withoutNotes(olds);
    if (pending.kind === "create") {
        if (result.state === "completed") {
            return { ...settled, ...outputsOf({}, result.job, result.view.resultData) };
        }
        const exists = await api.findUser(client, keyOf(olds));
        if (exists && result.state === "failed") {
            throw incompleteCreate(settled, result.job, new MasergyTaskFailedError(what, result.job, result));
        }
        // A task Masergy forgot: the user's existence says whether it ran. A failed task without an
        // account: creating it now is no second create.
        return exists ? { ...settled, ...outputsOf({}, result.job) } : "gone";
    }
    // The update job ended either way: what it changed is whatever the user now shows.
    const live = await api.findUser(client, keyOf(olds));
    if (!live) {
        throw new Error(`Masergy user ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` to create it again.`);
    }
    return { ...settled, ...livePhoneAndNames(live) };
}

/** One look at a recorded create task; a task Masergy says it no longer knows is over. */
async function createStillRunning(client: VendorClient, pending: PendingJob): Promise<boolean> {
    try {
        return taskOutcome(await api.viewTask(client, pending.taskId)).state === "running";
    } catch (error) {
        if (error instanceof VendorApiError && error.isNotFound) {
            return false;
        }
        throw error;
    }
}

export const masergyUserHandlers: ResourceHandlers = {
    secretKeys: [...masergyUserSecretKeys, ...masergyUserSecretOutputs],
    async check(_olds, news) {
        return checkWithSchema(MasergyUserArgsSchema, news);
    },

    async diff(_id, olds, news) {
        if (olds[incompleteCreateKey]) {
            // A create whose task failed after the account existed: only a new create can finish it.
            return { changes: true, replaces: [incompleteCreateKey], deleteBeforeReplace: true };
        }
        const diff = diffInputs(diffSpec, olds, news);
        // A job an earlier run left unfinished: update to settle it. The engine's init error alone is not
        // enough, because a refresh clears it (a dynamic provider's read cannot report one).
        return pendingJobOf(olds) ? { ...diff, changes: true } : diff;
    },

    async create(inputs) {
        const client = masergyClient();
        const existing = await api.findUser(client, keyOf(inputs));
        return existing ? adoptExisting(client, existing, inputs) : createUser(client, inputs);
    },

    async read(id, props) {
        const client = masergyClient();
        const pending = pendingJobOf(props);
        if (pending?.kind === "create" && (await createStillRunning(client, pending))) {
            return { id, props }; // not created yet: keep the record so the job is not orphaned
        }
        const live = await api.findUser(client, keyOf(props));
        if (!live) {
            return { id: "" };
        }
        const refreshed: Props = { ...props };
        for (const key of reportedKeys) {
            if (key in props && live[key] !== undefined) {
                refreshed[key] = live[key];
            }
        }
        if ("phoneNumber" in props) {
            refreshed.phoneNumber = livePhoneAndNames(live).phoneNumber;
        }
        return { id, props: refreshed };
    },

    async update(id, olds, news) {
        const client = masergyClient();
        const pending = pendingJobOf(olds);
        let current = olds;
        if (pending) {
            const settled = await settlePendingJob(client, id, olds, pending);
            if (settled === "gone") {
                return { outs: (await createUser(client, news)).outs };
            }
            current = settled;
        }
        const reached = await applyInPlace(client, id, current, news);
        return { outs: { ...news, ...computedOf(reached) } };
    },

    async delete(id, props) {
        const client = masergyClient();
        const pending = pendingJobOf(props);
        if (pending) {
            const settled = await followJob(client, pending, `finish the earlier job of user ${id}`, { resume: true });
            if (settled.state === "unfinished" && !settled.forgotten) {
                throw new MasergyJobUnfinishedError(`delete user ${id}`, pending.jobId, pending.taskId, `${settled.reason}; not deleting while it runs`);
            }
        }
        const key = keyOf(props);
        if (!(await api.findUser(client, key))) {
            return; // already gone
        }
        const job = await api.deleteUser(client, key, notificationsOf(props));
        const result = await followJob(client, job, `delete user ${id}`);
        if (result.state === "unfinished") {
            throw new MasergyJobUnfinishedError(`delete user ${id}`, job.jobId, job.taskId, `${result.reason}; the user stays in the stack until a delete finishes`);
        }
        if (result.state === "failed" && (await api.findUser(client, key))) {
            throw new MasergyTaskFailedError(`delete user ${id}`, job, result);
        }
    },
};
