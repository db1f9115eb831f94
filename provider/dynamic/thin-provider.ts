import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./kinds";

/**
 * The provider object that Pulumi serializes into every resource's `__provider`.
 *
 * It captures nothing but the resource kind: each method loads the implementation by package name
 * when it runs in the provider process, so the serialized text stays a few hundred bytes, holds no
 * client, config or secret, and old state keeps working after the package is upgraded.
 */
export function thinProvider(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
    return {
        configure: async (req) => require("pulumi-ucaas/runtime").configure(req),
        check: (olds, news) => require("pulumi-ucaas/runtime").check(kind, olds, news),
        diff: (id, olds, news) => require("pulumi-ucaas/runtime").diff(kind, id, olds, news),
        create: (inputs) => require("pulumi-ucaas/runtime").create(kind, inputs),
        read: (id, props) => require("pulumi-ucaas/runtime").read(kind, id, props),
        update: (id, olds, news) => require("pulumi-ucaas/runtime").update(kind, id, olds, news),
        delete: (id, props) => require("pulumi-ucaas/runtime").remove(kind, id, props),
    };
}
