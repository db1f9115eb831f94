import { checkWithSchema } from "../dynamic/check";
import { diffInputs, type DiffSpec } from "../dynamic/diff";
import type { Props, ResourceHandlers } from "../dynamic/handlers";
import type { VendorClient } from "../http/client";
import { masergyClient, masergyJobTiming } from "./client";
import { duration, followJob } from "./jobs";
import { describeLook, lookOnce, mayStillRun } from "./lost-create";
import * as api from "./masergy-api";
import { MasergyJobUnfinishedError, MasergyTaskFailedError } from "./masergy-errors";
import { applyInPlace } from "./masergy-user.apply";
import { createOrTakeOver } from "./masergy-user.create";
import { livePhoneAndNames } from "./masergy-user.existing";
import {
    computedOf,
    incompleteConfirmedKey,
    incompleteCreateKey,
    keyOf,
    lostCreateOf,
    notificationsOf,
    pendingJobKey,
    pendingJobOf,
    withoutNotes,
} from "./masergy-user.outputs";
import { checkIncomplete, completedOutputs, recordedTask, settleNotes } from "./masergy-user.recorded";
import {
    MasergyUserArgsSchema,
    masergyUserInputKeys,
    masergyUserReplaceKeys,
    masergyUserSecretKeys,
    masergyUserSecretOutputs,
} from "./masergy-user.schema";
import { taskOutcome } from "./task-view";

const diffSpec: DiffSpec = {
    inputKeys: masergyUserInputKeys,
    replaceKeys: masergyUserReplaceKeys,
    // The replacement would collide with the old user on its userId (and extension, phone number).
    deleteBeforeReplace: true,
};

/** Fields `user/find` reports that this resource manages (secrets and service settings are never reported). */
const reportedKeys = ["firstName", "lastName", "extension", "emailAddress"] as const;

/** The client, after checking the poll settings: a refused poll interval fails before anything is sent. */
function session(): VendorClient {
    const client = masergyClient();
    masergyJobTiming();
    return client;
}

/** `props` with the fields `user/find` reports replaced by their live values (drift). */
function withLiveFields(props: Props, live: api.WireUser): Props {
    const refreshed: Props = { ...props };
    for (const key of reportedKeys) {
        if (key in props && live[key] !== undefined) {
            refreshed[key] = live[key];
        }
    }
    if ("phoneNumber" in props) {
        refreshed.phoneNumber = livePhoneAndNames(live).phoneNumber;
    }
    return refreshed;
}

/** A refresh of a user recorded as incomplete: the live check decides what the plan will do. */
async function readIncomplete(client: VendorClient, id: string, props: Props): Promise<{ id: string; props?: Props }> {
    const check = await checkIncomplete(client, props);
    switch (check.state) {
        case "gone":
            return { id: "" };
        case "running":
            return { id, props: { ...withoutNotes(props), [pendingJobKey]: check.pending } };
        case "complete":
            console.log(`Masergy: user ${id}, recorded as incomplete, is complete: ${check.why}; recorded complete.`);
            return { id, props: { ...withLiveFields(withoutNotes(props), check.live), ...completedOutputs(props, check.resultData) } };
        case "differs":
            console.log(`Masergy: user ${id}, recorded as incomplete, is not broken by its create: ${check.why}; it differs in ${check.differing.join(", ")}.`);
            return { id, props: withLiveFields(withoutNotes(props), check.live) };
        case "broken":
            console.log(`Masergy: user ${id} is incomplete: ${check.reason}. The plan replaces it (deletes it and creates it again).`);
            return { id, props: { ...withLiveFields(props, check.live), [incompleteConfirmedKey]: check.reason } };
    }
}

export const masergyUserHandlers: ResourceHandlers = {
    secretKeys: [...masergyUserSecretKeys, ...masergyUserSecretOutputs],
    async check(_olds, news) {
        return checkWithSchema(MasergyUserArgsSchema, news);
    },

    async diff(_id, olds, news) {
        if (olds[incompleteConfirmedKey]) {
            // A refresh found the incomplete user still broken: only a new create can finish it.
            return { changes: true, replaces: [incompleteCreateKey], deleteBeforeReplace: true };
        }
        const diff = diffInputs(diffSpec, olds, news);
        // A note an earlier run left (a job still running, a lost create answer, a user recorded as
        // incomplete but not confirmed broken by a refresh): an update settles it live before anything
        // else. Never a replace on the record alone. The engine's init error is not enough, because a
        // refresh clears it (a dynamic provider's read cannot report one).
        return pendingJobOf(olds) || lostCreateOf(olds) || olds[incompleteCreateKey] ? { ...diff, changes: true } : diff;
    },

    async create(inputs) {
        return createOrTakeOver(session(), inputs);
    },

    async read(id, props) {
        const client = masergyClient();
        const pending = pendingJobOf(props);
        if (pending?.kind === "create") {
            const view = await recordedTask(client, pending.taskId);
            if (view && taskOutcome(view).state === "running") {
                return { id, props }; // not created yet: keep the record so the job is not orphaned
            }
        }
        const lost = lostCreateOf(props);
        if (lost) {
            // Recorded as created once it shows the fields sent; until then the record stays for the next up to settle.
            const look = await lookOnce(client, props);
            return { id, props: look.state === "matches" ? withLiveFields(withoutNotes(props), look.live) : props };
        }
        if (props[incompleteCreateKey]) {
            return readIncomplete(client, id, props);
        }
        const live = await api.findUser(client, keyOf(props));
        return live ? { id, props: withLiveFields(props, live) } : { id: "" };
    },

    async update(id, olds, news) {
        const client = session();
        const settled = await settleNotes(client, id, olds, news);
        if ("outs" in settled) {
            return { outs: settled.outs };
        }
        const reached = await applyInPlace(client, id, settled.current, news);
        return { outs: { ...news, ...computedOf(reached) } };
    },

    async delete(id, props) {
        const client = session();
        const pending = pendingJobOf(props);
        if (pending) {
            const settled = await followJob(client, pending, `finish the earlier job of user ${id}`, { resume: true });
            if (settled.state === "unfinished" && !settled.forgotten) {
                throw new MasergyJobUnfinishedError(`delete user ${id}`, pending.jobId, pending.taskId, `${settled.reason}; not deleting while it runs`);
            }
        }
        const lost = lostCreateOf(props);
        if (lost) {
            const look = await lookOnce(client, props);
            const wait = look.state === "absent" ? mayStillRun(lost) : 0;
            if (look.state === "differs" || wait > 0) {
                throw new Error(
                    `Masergy: delete user ${id}: not deleted: the create sent at ${lost.submittedAt} lost its answer, and ` +
                        (look.state === "differs"
                            ? `${describeLook(id, look)}, so it may not be this stack's user. Check it at Masergy; \`pulumi state delete\` drops it from the stack without touching it.`
                            : `user/find does not list the user yet, but that create may still be queued. Run the destroy again in ${duration(wait)}.`),
                );
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
