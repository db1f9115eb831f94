import * as pulumi from "@pulumi/pulumi";

/**
 * Marks secret arguments as secrets before they reach the engine, so their values are encrypted in
 * the stored inputs too, even when the program passed a plain string.
 */
export function secretArgs<T extends object>(args: T, secretKeys: readonly string[]): T {
    const copy = { ...args } as Record<string, unknown>;
    for (const key of secretKeys) {
        if (copy[key] !== undefined) {
            copy[key] = pulumi.secret(copy[key]);
        }
    }
    return copy as T;
}

/** Adds the resource's secret outputs, so values the vendor computes are secret as well. */
export function withSecretOutputs(
    opts: pulumi.CustomResourceOptions | undefined,
    secretKeys: readonly string[],
): pulumi.CustomResourceOptions {
    return {
        ...opts,
        additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretKeys])],
    };
}

/** Resource props: the args plus every computed output seeded as undefined, so it can be read as an output. */
export function withComputedOutputs<T extends object>(args: T, computedKeys: readonly string[]): Record<string, unknown> {
    return { ...Object.fromEntries(computedKeys.map((key) => [key, undefined])), ...args };
}
