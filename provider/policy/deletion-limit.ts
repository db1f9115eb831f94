/**
 * Rule 2: deleting users is offboarding, deleting many at once is an accident (a truncated roster,
 * a removed section, a program that lost its input). More than a share of the managed users
 * deleted in one run is refused.
 *
 * Only a stack policy sees the whole run, and it sees the resources the run keeps: a user of the
 * last checkpoint that is not among them, under its URN or an alias, is deleted. The engine runs
 * stack policies when the run has finished: a preview (and the preview `pulumi up` runs first)
 * refuses before anything happens; `pulumi up --skip-preview` can only report it afterwards.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { lastState } from "./last-state";
import { nameInUrn, objectName, userKindOf, userKinds } from "./users";

export const deletionPolicyName = "user-deletion-limit";

interface DeletionConfig {
    maxDeletedPercent?: number;
    minAllowed?: number;
    kinds?: string[];
}

export const deletionDefaults = { maxDeletedPercent: 20, minAllowed: 1 } as const;

/** How many of `managed` users one run may delete. */
export function allowedDeletions(managed: number, maxDeletedPercent: number, minAllowed: number): number {
    return Math.max(minAllowed, Math.floor((managed * maxDeletedPercent) / 100));
}

export const deletionPolicy: StackValidationPolicy = {
    name: deletionPolicyName,
    description: "Deleting users is normal offboarding, but one run may delete only a share of the managed users.",
    configSchema: {
        properties: {
            maxDeletedPercent: { type: "number", minimum: 0, maximum: 100, default: deletionDefaults.maxDeletedPercent },
            minAllowed: { type: "integer", minimum: 0, default: deletionDefaults.minAllowed },
            kinds: { type: "array", items: { type: "string", enum: [...userKinds] }, default: [...userKinds] },
        },
    },
    validateStack: async (args, reportViolation) => {
        const config = args.getConfig<DeletionConfig>();
        const percent = config.maxDeletedPercent ?? deletionDefaults.maxDeletedPercent;
        const minAllowed = config.minAllowed ?? deletionDefaults.minAllowed;
        const kept = new Set(args.resources.flatMap((r) => [r.urn, ...r.opts.aliases]));
        const managed = (await lastState()).resources.flatMap((r) => {
            const kind = userKindOf(r.type, config.kinds ?? userKinds);
            return kind ? [{ ...r, kind }] : [];
        });
        const deleted = managed.filter((r) => !kept.has(r.urn));
        const allowed = allowedDeletions(managed.length, percent, minAllowed);
        if (deleted.length <= allowed) return;

        const share = Math.round((deleted.length * 100) / managed.length);
        const names = deleted.map((r) => objectName(nameInUrn(r.urn), r.kind, r.outputs)).sort().join(", ");
        const limit = `${allowed} may be deleted in one run (${percent}% of ${managed.length}, at least ${minAllowed})`;
        reportViolation(
            pulumi.runtime.isDryRun()
                ? `This change deletes ${deleted.length} of the ${managed.length} managed users (${share}%): ${names}. At most ${limit}. ` +
                      "Offboard them in smaller changes; or, if this is intended, raise the limit for this run with a policy config file " +
                      `(${JSON.stringify({ [deletionPolicyName]: { maxDeletedPercent: Math.ceil((deleted.length * 100) / managed.length) } })}) passed with --policy-pack-config.`
                : `This update deleted ${deleted.length} of the ${managed.length} managed users (${share}%): ${names}; at most ${limit}. ` +
                      "A stack policy runs when the update has finished: run `pulumi up` with its preview (without --skip-preview) " +
                      "so that it stops before anything is deleted.",
        );
    },
};
