// The benchmark program: declares the mixed resources of bench/program/mix.js, as many of each type
// as stack config `bench:counts` says. With `bench:noop` it declares the same number of dynamic
// resources, with the same arguments, whose provider does nothing: the engine's own floor.
"use strict";
const pulumi = require("@pulumi/pulumi");
const { vendors } = require("./mix");
const { NoopResource } = require("./noop");

const config = new pulumi.Config("bench");
const counts = config.requireObject("counts");
const context = config.getObject("context") ?? {};
const noop = config.getBoolean("noop") ?? false;
const ucaas = noop ? undefined : require("pulumi-ucaas");

// Declarations reach the engine only when the program yields to the event loop, so it declares in
// batches with a turn between them (the pattern of deployRosterAsync; see docs/scaling.md): the
// engine starts creating the first resources while the rest are being declared.
const batchSize = config.getNumber("batchSize") ?? 25;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// Round robin over the types, as a roster of people on several vendors would interleave them.
const kinds = vendors.flatMap((vendor) => vendor.resources.map((resource) => ({ vendor: vendor.vendor, resource })));
const declared = Object.fromEntries(kinds.map(({ resource }) => [resource.kind, []]));
const largest = Math.max(0, ...kinds.map(({ resource }) => counts[resource.kind] ?? 0));

async function declareAll() {
    let count = 0;
    for (let i = 0; i < largest; i++) {
        for (const { vendor, resource } of kinds) {
            if (i >= (counts[resource.kind] ?? 0)) continue;
            const name = `${resource.kind}-${i}`;
            // No-op resources get plain arguments: no references, so no dependencies either.
            const args = resource.args(i, noop ? {} : declared, context[vendor] ?? {});
            declared[resource.kind].push(noop ? new NoopResource(name, args) : new (resource.type(ucaas))(name, args));
            if (++count % batchSize === 0) await nextTurn();
        }
    }
    return { resources: count };
}

module.exports = declareAll();
