import type * as pulumi from "@pulumi/pulumi";

/** Properties as the engine hands them to a provider: plain JSON, secrets already unwrapped. */
export type Props = Record<string, unknown>;

/**
 * What a resource kind implements. The runtime strips `__provider` before calling these and adds
 * it back where the engine needs it, so handlers never see or copy the serialized provider.
 */
export interface ResourceHandlers {
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(id: string, props: Props): Promise<void>;
}
