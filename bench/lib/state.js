// What one resource costs in the state: `pulumi stack export` as a user runs it (secrets encrypted),
// its size per resource, the serialized provider (`__provider`) of each type, and whether any
// credential appears in it.
"use strict";
const { execFile } = require("node:child_process");
const { promisify } = require("node:util");

const run = promisify(execFile);

async function exportedState(stack) {
    const env = { ...process.env, ...stack.workspace.envVars };
    const { stdout } = await run("pulumi", ["stack", "export", "--stack", stack.name], { cwd: stack.workspace.workDir, env, maxBuffer: 1 << 30 });
    return stdout;
}

/** Sizes from an export: bytes per declared resource, `__provider` bytes by type, credentials found in it. */
function analyzeState(exported, declaredResources, credentials) {
    const resources = JSON.parse(exported).deployment.resources ?? [];
    const providers = {};
    const leaked = new Set();
    for (const resource of resources) {
        const text = resource.outputs?.__provider ?? resource.inputs?.__provider;
        if (typeof text !== "string") continue;
        const kind = resource.type.split(":").pop();
        providers[kind] = Math.max(providers[kind] ?? 0, Buffer.byteLength(text));
        for (const credential of credentials) if (text.includes(credential)) leaked.add(kind);
    }
    return {
        bytes: Buffer.byteLength(exported),
        bytesPerResource: Math.round(Buffer.byteLength(exported) / declaredResources),
        providerBytes: providers,
        providersWithCredentials: [...leaked],
        credentialsInState: credentials.filter((credential) => exported.includes(credential)).length,
    };
}

module.exports = { exportedState, analyzeState };
