/**
 * The two forms of every lookup, as Pulumi packages offer their functions: `getX(args)` takes plain
 * values and returns a Promise; `getXOutput(args, opts)` takes Inputs (at every depth) and returns an
 * Output, so it can be fed another resource's outputs and fed into resource args.
 */
import * as pulumi from "@pulumi/pulumi";

/** Lookup args with `pulumi.Input` for each member. */
export type InputArgs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/**
 * Options of the Output form, as Pulumi's `InvokeOutputOptions` has them. `dependsOn`: run the
 * lookup only once these resources exist (created, updated or read); in a preview that is before
 * they exist, the result is unknown and the vendor is not asked.
 */
export type LookupOutputOptions = Pick<pulumi.InvokeOutputOptions, "dependsOn">;

/** Resolves when every resource in `dependsOn` exists: its `id` (a custom resource) or `urn` is known. */
function existing(dependsOn: LookupOutputOptions["dependsOn"]): pulumi.Output<unknown> {
    return pulumi.output(dependsOn ?? []).apply((resources) => {
        const list = (Array.isArray(resources) ? resources : [resources]) as pulumi.Resource[];
        return pulumi.all(list.map((resource) => (pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn)));
    });
}

/** The Output form of `lookup`: it runs once `args` are known and `opts.dependsOn` exist. */
export function lookupOutput<A, R>(lookup: (args: A) => Promise<R>, args: pulumi.Input<A> | InputArgs<A>, opts?: LookupOutputOptions): pulumi.Output<R> {
    return pulumi
        .all([pulumi.output(args as pulumi.Input<A>), existing(opts?.dependsOn)])
        .apply(([known]) => lookup(known as A)) as unknown as pulumi.Output<R>;
}
