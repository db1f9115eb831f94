// The provider of the engine's floor (bench/program/noop.js): check accepts the inputs, diff sees
// no change, create echoes the inputs under a fresh id. Its own module, so that a resource records
// it by reference, as pulumi-ucaas's resources record theirs.
"use strict";

module.exports = {
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
