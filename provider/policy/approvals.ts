/**
 * Approvals of replacements, from the stack config `ucaas:approveReplace`: entries
 * `<logical name>=<code>`, space-separated (or a YAML list). The code names one replacement: the
 * resource, the object it replaces (its vendor id and the digest of the inputs it was last applied
 * with) and the replacing fields' old and new values (secret fields only as "changed", so the code
 * gives nothing of a secret away). Once that replacement is applied the old object is gone, so the
 * code never matches again: an approval cannot carry over to a later change, and a pull request
 * that alters the replacement needs a new one.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { appliedInputsKey } from "../dynamic/diff";
import type { Props } from "../dynamic/handlers";
import { configNamespace, guardrailKeys } from "../settings/catalog";
import { GuardrailError } from "./errors";

const approveReplaceKey: (typeof guardrailKeys)[number] = "approveReplace";
export const approvalSetting = `${configNamespace}:${approveReplaceKey}`;

/** One field that forces a replacement; `from`/`to` are undefined for a secret. */
export interface ReplacingField {
    key: string;
    secret: boolean;
    from?: unknown;
    to?: unknown;
}

export interface Replacement {
    urn: string;
    oldId: string;
    oldOutputs: Props;
    fields: ReplacingField[];
}

/** Entries of the setting's value: a space- or comma-separated string, or a JSON list (`config set --path`). */
export function parseApprovals(value: string | undefined): string[] {
    const text = value?.trim() ?? "";
    if (text.startsWith("[")) {
        let list: unknown;
        try {
            list = JSON.parse(text);
        } catch {
            list = undefined;
        }
        if (!Array.isArray(list) || list.some((entry) => typeof entry !== "string")) {
            throw new GuardrailError(`${approvalSetting} must be a list of "<logical name>=<code>" strings, or those strings separated by spaces`);
        }
        return list.map((entry: string) => entry.trim()).filter(Boolean);
    }
    return text.split(/[\s,]+/).filter(Boolean);
}

/** The approvals in this stack's config. */
export function configuredApprovals(): string[] {
    return parseApprovals(new pulumi.Config(configNamespace).get(approveReplaceKey));
}

/** 12 hex digits naming exactly this replacement of exactly this object. */
export function approvalCode(replacement: Replacement): string {
    const fields = [...replacement.fields]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((f) => (f.secret ? [f.key, "secret changed"] : [f.key, f.from ?? null, f.to ?? null]));
    const identity = [replacement.urn, replacement.oldId, replacement.oldOutputs[appliedInputsKey] ?? null, fields];
    return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 12);
}

export function approvalEntry(name: string, code: string): string {
    return `${name}=${code}`;
}

/** Approvals some resource of this run matched, so the stack policy can point out the others. */
export const matchedApprovals = new Set<string>();
