// A dynamic resource whose provider does nothing: check accepts the inputs, diff sees no change,
// create echoes the inputs under a fresh id. It lives outside node_modules, so Pulumi serializes it
// by value; it captures nothing.
"use strict";
const pulumi = require("@pulumi/pulumi");

const noopProvider = {
    async check(_olds, news) {
        return { inputs: news };
    },
    async diff() {
        return { changes: false };
    },
    async create(inputs) {
        return { id: require("node:crypto").randomUUID(), outs: inputs };
    },
    async read(id, props) {
        return { id, props };
    },
    async update(_id, _olds, news) {
        return { outs: news };
    },
    async delete() {},
};

class NoopResource extends pulumi.dynamic.Resource {
    constructor(name, args, opts) {
        super(noopProvider, name, args, opts, "bench", "Noop");
    }
}

module.exports = { NoopResource };
