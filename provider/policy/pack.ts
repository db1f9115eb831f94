/**
 * The guardrails policy pack: `pulumi preview --policy-pack node_modules/pulumi-ucaas/policy`.
 * Every rule is mandatory unless its policy config says otherwise (README, "Guardrails").
 */
import { PolicyPack } from "@pulumi/policy";
import { deletionPolicy } from "./deletion-limit";
import { masergyPollPolicy } from "./masergy-poll";
import { keepingRawRequests } from "./raw-request";
import { replacementPolicy } from "./replacement";
import { secretInputsPolicy } from "./secret-inputs";
import { unusedApprovalsPolicy } from "./unused-approvals";

export const packName = "pulumi-ucaas-guardrails";

keepingRawRequests(
    () =>
        new PolicyPack(packName, {
            description: "Guardrails for telephony users managed with pulumi-ucaas.",
            enforcementLevel: "mandatory",
            policies: [replacementPolicy, deletionPolicy, secretInputsPolicy, masergyPollPolicy, unusedApprovalsPolicy],
        }),
);
