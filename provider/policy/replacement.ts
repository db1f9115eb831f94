/**
 * Rule 1: replacing a telephony user needs an approval for this very change.
 *
 * A policy cannot see that a step is a replacement (see last-state.ts), so the rule asks the
 * resource's own `diff`, the one the engine asks, with the outputs of the last checkpoint and the
 * new inputs: the replacement the rule sees is the one the provider plans.
 */
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { diff } from "../dynamic/runtime";
import { hiddenReasons, kindSummaries } from "../summary/kinds";
import { approvalCode, approvalEntry, approvalSetting, configuredApprovals, matchedApprovals, type ReplacingField } from "./approvals";
import { lastState, type PriorResource } from "./last-state";
import { providerView, rawProperties } from "./raw-request";
import { objectName, userKindOf, userKinds, type UserKind } from "./users";

export const replacementPolicyName = "user-replacement-approval";

interface ReplacementConfig {
    kinds?: string[];
}

/** The checkpoint's resource this one was, under its URN or one of its aliases. */
async function priorOf(args: ResourceValidationArgs): Promise<PriorResource | undefined> {
    const state = await lastState();
    const prior = [args.urn, ...args.opts.aliases].map((urn) => state.byUrn.get(urn)).find(Boolean);
    return prior?.type === args.type ? prior : undefined;
}

function reasonOf(field: ReplacingField): string {
    if (field.key.startsWith("__")) return hiddenReasons[field.key] ?? field.key;
    if (field.secret) return `${field.key} (a secret) changes`;
    return `${field.key} changes ${JSON.stringify(field.from ?? null)} -> ${JSON.stringify(field.to ?? null)}`;
}

function violation(name: string, kind: UserKind, prior: PriorResource, fields: ReplacingField[], deletesFirst: boolean, entry: string, approvals: string[]): string {
    const order = deletesFirst ? "It is deleted before it is created again" : "It is created again, then the old one is deleted";
    return (
        `${objectName(name, kind, prior.outputs)} would be replaced, because ${fields.map(reasonOf).join("; ")}. ` +
        `${order}: ${kindSummaries[kind].whileReplaced}. ` +
        `To approve this replacement (only this one, in this change), add ${entry} to the stack config: ` +
        `pulumi config set ${approvalSetting} "${[...approvals, entry].join(" ")}"`
    );
}

export const replacementPolicy: ResourceValidationPolicy = {
    name: replacementPolicyName,
    description:
        "A telephony user that is replaced loses its number, voicemail or phone while it is recreated; " +
        `each replacement needs an approval for the change in the stack config (${approvalSetting}).`,
    configSchema: {
        properties: {
            kinds: { type: "array", items: { type: "string", enum: [...userKinds] }, default: [...userKinds] },
        },
    },
    validateResource: async (args, reportViolation) => {
        const kind = userKindOf(args.type, args.getConfig<ReplacementConfig>().kinds ?? userKinds);
        if (!kind) return;
        const prior = await priorOf(args);
        if (!prior) return; // a create
        const { props: news, unknownKeys } = providerView(rawProperties());
        const planned = await diff(kind, prior.id, prior.outputs, news);
        if (!planned.replaces?.length) return;
        const unknown = planned.replaces.find((key) => unknownKeys.includes(key));
        if (unknown) {
            // Not known until `up`: reading it through @pulumi/policy's view makes it skip the rule in
            // this preview with an advisory note that names the property; `up` runs the rule.
            void args.props[unknown];
        }
        const secretKeys: readonly string[] = kindSummaries[kind].secretKeys;
        const fields = planned.replaces.map((key): ReplacingField =>
            secretKeys.includes(key) ? { key, secret: true } : { key, secret: false, from: prior.outputs[key], to: news[key] },
        );
        const entry = approvalEntry(args.name, approvalCode({ urn: args.urn, oldId: prior.id, oldOutputs: prior.outputs, fields }));
        const approvals = configuredApprovals();
        if (approvals.includes(entry)) {
            matchedApprovals.add(entry);
            return;
        }
        reportViolation(violation(args.name, kind, prior, fields, planned.deleteBeforeReplace ?? false, entry, approvals));
    },
};
