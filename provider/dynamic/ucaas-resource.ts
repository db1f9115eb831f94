import * as pulumi from "@pulumi/pulumi";
import { declaring } from "./declaration";
import { typeToken, type ResourceKind } from "./kinds";

/** The property where the Node dynamic-provider host finds the provider of a `pulumi-nodejs:dynamic/...` resource. */
const providerKey = "__provider";

/** The module of `pulumi-ucaas/providers/` whose exports are the provider of `kind` (`PbxUser` -> `pbx-user`). */
export function providerModule(kind: ResourceKind): string {
    return kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

/**
 * What this package records as a resource's `__provider`: a one-line module whose `handler()` the
 * dynamic-provider host calls for the provider object, here loaded by package name. It is what
 * Pulumi's closure serializer makes of the same module (`require("pulumi-ucaas/providers/...")`)
 * without its ~230-byte wrapper; the state holds it twice per resource (inputs and outputs), and
 * the host caches providers by this text, so it never changes within a version. State written with
 * the serializer's text keeps working: both load the same module, and `diff` never compares it.
 */
export function providerReference(kind: ResourceKind): string {
    return `exports.handler = () => require("pulumi-ucaas/providers/${providerModule(kind)}");\n`;
}

/**
 * The base of this package's resources: a dynamic resource of type
 * `pulumi-nodejs:dynamic/ucaas:<kind>` (what `pulumi.dynamic.Resource` declares, with the short
 * `__provider` above instead of a serialized closure), whose declaration is cheap for the program
 * and records only the program's own frames in the state (see `declaration.ts`).
 */
export abstract class UcaasResource extends pulumi.CustomResource {
    protected constructor(kind: ResourceKind, name: string, props: Record<string, unknown>, opts: pulumi.CustomResourceOptions | undefined) {
        if (props[providerKey] !== undefined) {
            throw new Error(`${kind} "${name}": the property ${providerKey} is reserved for the dynamic provider.`);
        }
        const declared = declaring();
        try {
            super(typeToken(kind), name, { ...props, [providerKey]: providerReference(kind) }, opts);
        } finally {
            declared.end();
        }
    }
}
