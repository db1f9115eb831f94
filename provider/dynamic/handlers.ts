import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { checkWithSchema } from "./check";
import { diffInputs, type DiffSpec } from "./diff";

/** Properties as the engine hands them to a provider: plain JSON, secrets already unwrapped. */
export type Props = Record<string, unknown>;

/**
 * What a resource kind implements. The runtime strips `__provider` before calling these and adds
 * it back where the engine needs it, so handlers never see or copy the serialized provider.
 */
export interface ResourceHandlers {
    /**
     * Properties whose values are secret (secret inputs, and outputs the vendor generates that are
     * secret). The runtime scrubs their values from every error and never lets a check failure print one.
     */
    readonly secretKeys: readonly string[];
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(id: string, props: Props): Promise<void>;
}

/**
 * The `check` and `diff` every resource starts from: its zod schema validates and normalizes, and
 * its diff spec names the properties compared and the ones that replace.
 */
export function schemaCheckAndDiff(schema: z.ZodType, spec: DiffSpec): Pick<ResourceHandlers, "check" | "diff"> {
    return {
        check: async (_olds, news) => checkWithSchema(schema, news),
        diff: async (_id, olds, news) => diffInputs(spec, olds, news),
    };
}
