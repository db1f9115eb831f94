import type * as pulumi from "@pulumi/pulumi";
import { thinProvider } from "../../provider/dynamic/thin-provider";
import type { ResourceKind } from "pulumi-ucaas";

/**
 * The provider objects exactly as the resources hand them to Pulumi. Their methods load the
 * implementation through the package name, i.e. the built `dist/`, as in the provider process.
 */
export function providerFor(kind: ResourceKind): Required<pulumi.dynamic.ResourceProvider> {
    return thinProvider(kind) as Required<pulumi.dynamic.ResourceProvider>;
}

/** Stand-in for the serialized provider text the engine adds to every property bag. */
export const fakeProviderText = "exports.handler = () => ({});";

/** Runs check the way the engine does and returns the checked inputs, failing on any check failure. */
export async function checked(provider: pulumi.dynamic.ResourceProvider, news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
    const result = await provider.check!(olds, { ...news, __provider: fakeProviderText });
    if (result.failures?.length) {
        throw new Error(`unexpected check failures: ${JSON.stringify(result.failures)}`);
    }
    return result.inputs as Record<string, unknown>;
}

/** Checks then creates, as `pulumi up` does; returns the checked inputs, the id and the outputs. */
export async function checkedAndCreated(provider: pulumi.dynamic.ResourceProvider, args: Record<string, unknown>) {
    const inputs = await checked(provider, args);
    const created = await provider.create({ ...inputs, __provider: fakeProviderText });
    return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
}
