/**
 * Rule 3: a password, PIN or token input must reach the engine as a Pulumi secret, or it is stored
 * in plain text in the state's inputs (a secret output does not cover the input) and printed in
 * previews.
 *
 * The resource classes mark their secret inputs secret themselves, and a roster's secrets come from
 * secret config, so a program using them cannot break this rule. A program that declares the
 * resource type without them can: `new pulumi.dynamic.Resource(<our provider>, name, { password:
 * "..." }, {}, "ucaas", "PbxUser")` reaches the engine with a plain password. Which inputs are
 * secret is read from the engine's request itself (raw-request.ts).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { kindOfType } from "../dynamic/kinds";
import { kindSummaries } from "../summary/kinds";
import { isMarkedSecret, rawProperties } from "./raw-request";

export const secretInputsPolicyName = "secret-inputs";

/** Input names that hold a credential, beyond the ones the resource declares secret. */
const credentialName = /(password|passcode|pin|token|secret)$/i;

/** The inputs of `raw` (as the engine sent them) that should be secret and are not, by name. */
export function plainCredentials(raw: Record<string, unknown>, declaredSecret: readonly string[]): string[] {
    return Object.entries(raw)
        .filter(([key, value]) => value !== null && value !== undefined && !isMarkedSecret(value))
        .filter(([key, value]) => declaredSecret.includes(key) || (typeof value === "string" && credentialName.test(key)))
        .map(([key]) => key)
        .sort();
}

const listed = (keys: string[]) => (keys.length === 1 ? keys[0] : `${keys.slice(0, -1).join(", ")} and ${keys[keys.length - 1]}`);

export const secretInputsPolicy: ResourceValidationPolicy = {
    name: secretInputsPolicyName,
    description: "Passwords, PINs and tokens must be Pulumi secrets, or they are stored in plain text in the state and shown in previews.",
    validateResource: (args, reportViolation) => {
        const kind = kindOfType(args.type);
        if (!kind) return;
        const plain = plainCredentials(rawProperties(), kindSummaries[kind].secretKeys);
        if (!plain.length) return;
        reportViolation(
            `${args.name} (${kind}) has ${listed(plain)} as plain text. Pass ${plain.length === 1 ? "it" : "them"} as secrets: ` +
                "config.requireSecret(...) or pulumi.secret(...). " +
                `The pulumi-ucaas classes (ucaas.${kind}) and deployRoster mark these inputs secret themselves.`,
        );
    },
};
