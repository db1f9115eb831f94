import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { getKey } from "./get";

/**
 * Marks secret arguments as secrets before they reach the engine, so their values are encrypted in
 * the stored inputs too, even when the program passed a plain string. A secret whose value is an
 * object of Inputs stays one secret: `pulumi.secret` resolves the Inputs inside it.
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

/** Every output of a resource: each argument of its schema and each property the vendor computes. */
export function outputKeysOf(args: z.ZodObject, computed?: z.ZodObject): string[] {
    return [...Object.keys(args.shape), ...Object.keys(computed?.shape ?? {})];
}

/**
 * What `<Kind>.get` passes its constructor for args: the constructor then declares a reference
 * (see dynamic/get.ts) instead of the object a program's args describe.
 */
export const referenceArgs: never = Object.freeze({}) as never;

/** The options of `<Kind>.get(name, id, opts)`: Pulumi's `id` option makes the engine read, not create. */
export function referenceOptions(id: pulumi.Input<pulumi.ID>, opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    return { ...opts, id };
}

/**
 * A resource's props: its args, with secret arguments marked secret (see `secretArgs`), or the
 * mark of a reference. Every output is seeded as undefined first, since the SDK makes a property an
 * output only when it is a prop: a `declare`d output the program did not set would be undefined,
 * not an Output. (Undefined props are not sent: the engine and `check` see only what was set.)
 */
export function resourceProps(args: object, outputKeys: readonly string[], secretKeys: readonly string[] = []): Record<string, unknown> {
    const seeded = Object.fromEntries(outputKeys.map((key) => [key, undefined]));
    return args === referenceArgs ? { ...seeded, [getKey]: true } : { ...seeded, ...secretArgs(args, secretKeys) };
}
