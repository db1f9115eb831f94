// A dynamic resource whose provider (noop-provider.js) does nothing: the engine's floor. It is
// declared as pulumi-ucaas declares its resources, so that the floor differs from them only in the
// vendor work: `__provider` a one-line require of the provider's module (here by its absolute
// path, as this program is not an installed package) rather than a serialized closure (~5 KB by
// value), and the SDK's debugging stacks not captured while the constructor runs.
"use strict";
const pulumi = require("@pulumi/pulumi");

const providerText = `exports.handler = () => require(${JSON.stringify(require.resolve("./noop-provider"))});\n`;

class NoopResource extends pulumi.CustomResource {
    constructor(name, args, opts) {
        const stackTraceLimit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            super("pulumi-nodejs:dynamic/bench:Noop", name, { ...args, __provider: providerText }, opts);
        } finally {
            Error.stackTraceLimit = stackTraceLimit;
        }
    }
}

module.exports = { NoopResource };
