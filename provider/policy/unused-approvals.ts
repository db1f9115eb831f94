/**
 * Advisory: approvals in the stack config that matched no replacement of this run (one already
 * applied, or a replacement the change no longer makes). They can never match again; saying so
 * keeps `ucaas:approveReplace` from collecting stale entries.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { approvalSetting, configuredApprovals, matchedApprovals } from "./approvals";

export const unusedApprovalsPolicyName = "unused-approvals";

export const unusedApprovalsPolicy: StackValidationPolicy = {
    name: unusedApprovalsPolicyName,
    description: `Approvals in ${approvalSetting} that approve no replacement of this change.`,
    enforcementLevel: "advisory",
    validateStack: (_args, reportViolation) => {
        const approvals = configuredApprovals();
        const unused = approvals.filter((entry) => !matchedApprovals.has(entry));
        if (!unused.length) return;
        const kept = approvals.filter((entry) => matchedApprovals.has(entry));
        reportViolation(
            `${approvalSetting} has ${unused.join(", ")}, which approve${unused.length === 1 ? "s" : ""} no replacement of this change ` +
                "(applied already, or the change is a different one now). Remove " +
                (kept.length ? `${unused.length === 1 ? "it" : "them"}: pulumi config set ${approvalSetting} "${kept.join(" ")}"` : `the setting: pulumi config rm ${approvalSetting}`),
        );
    },
};
