/**
 * The last line between a resource's secrets and the engine. Every operation registers the values
 * of the resource's secret properties (so the HTTP core scrubs them from vendor messages too), every
 * error leaving a handler is scrubbed once more, and check failures about a secret property are
 * returned so the engine cannot print its value.
 */
import type * as pulumi from "@pulumi/pulumi";
import { registerSecretsIn, scrubSecrets } from "../http/secret-values";
import type { Props } from "./handlers";

export function registerSecretProps(secretKeys: readonly string[], ...bags: Array<Props | undefined>): void {
    for (const bag of bags) {
        for (const key of secretKeys) {
            registerSecretsIn(bag?.[key]);
        }
    }
}

/** The error with every known secret scrubbed from its message, stack and init-failure reasons. */
export function scrubbedError(error: unknown): unknown {
    if (!(error instanceof Error)) {
        return new Error(scrubSecrets(String(error)));
    }
    error.message = scrubSecrets(error.message);
    // The dynamic-provider host logs `e.stack`, which kept the message as it was at construction.
    if (error.stack) {
        error.stack = scrubSecrets(error.stack);
    }
    const reasons = (error as { reasons?: unknown }).reasons;
    if (Array.isArray(reasons)) {
        (error as unknown as { reasons: unknown[] }).reasons = reasons.map((reason) => (typeof reason === "string" ? scrubSecrets(reason) : reason));
    }
    return error;
}

/**
 * The engine prints a failed property as `property X value {v} has a problem`, with the value of
 * the top-level input X, for a secret one too (measured with the Pulumi CLI 3.259: `value
 * {&{{...}}}`, unless the value came from an encrypted stack config entry). A problem with a secret
 * property that has a value is therefore returned as a problem of the resource (property ""), which
 * the engine prints as `resource 'x' has a problem: <reason>`, naming the property in the reason and
 * showing no value. A missing secret keeps its property (there is no value to show). Every reason
 * is scrubbed.
 */
export function secretSafeFailures(
    failures: readonly pulumi.dynamic.CheckFailure[],
    secretKeys: readonly string[],
    inputs: Props,
): pulumi.dynamic.CheckFailure[] {
    return failures.map((failure) => {
        const reason = scrubSecrets(failure.reason);
        const topLevel = failure.property.split(/[.[]/)[0];
        const hasValue = inputs[topLevel] !== undefined && inputs[topLevel] !== null;
        return secretKeys.includes(topLevel) && hasValue
            ? { property: "", reason: `${failure.property} (secret, value not shown): ${reason}` }
            : { property: failure.property, reason };
    });
}
