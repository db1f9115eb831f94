#!/usr/bin/env node
// `npm run demo`: starts the vendor simulators, deploys examples/roster/roster.yaml with the real
// Pulumi engine (the demo project is Pulumi.yaml at the repository root) on a local file backend,
// edits one user and shows the diff, prints what exists at each simulated vendor, and destroys the
// stack again. With --keep, the simulators and the stack stay up until Ctrl-C.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const automation = require("@pulumi/pulumi/automation");
const { parseDocument } = require("yaml");
const { parseRoster } = require("../dist/provider");
const { demoSecrets, startDemoSimulators } = require("./demo-simulators");

const repo = path.resolve(__dirname, "..");
const keep = process.argv.includes("--keep");

const heading = (text) => process.stdout.write(`\n=== ${text} ===\n`);
const print = (text) => process.stdout.write(text);
/** Engine output as a log, without the interactive progress redraws. */
const shown = { onOutput: print, suppressProgress: true };

/** The demo program imports "pulumi-ucaas" like a consumer; inside this repo that name must resolve to the repo itself. */
function linkPackageIntoItself() {
    const link = path.join(repo, "node_modules", "pulumi-ucaas");
    if (!fs.existsSync(link)) {
        fs.symlinkSync("..", link, "dir");
    }
}

/** Changes the display name of the roster's first PortSIP user, as a pull request would. */
function editOneUser(file) {
    const doc = parseDocument(fs.readFileSync(file, "utf8"));
    const name = doc.getIn(["pbx", "users", 0, "displayName"]);
    doc.setIn(["pbx", "users", 0, "displayName"], `${name} (edited)`);
    fs.writeFileSync(file, doc.toString());
    return `${name} -> ${name} (edited)`;
}

async function main() {
    linkPackageIntoItself();
    const simulators = await startDemoSimulators();

    // Each run starts from nothing: a fresh local backend, no leftover stack settings, a fresh roster copy.
    const stateDir = path.join(repo, ".pulumi-state");
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.mkdirSync(stateDir, { recursive: true });
    fs.rmSync(path.join(repo, "Pulumi.demo.yaml"), { force: true });
    const rosterFile = path.join(stateDir, "roster.yaml");
    fs.copyFileSync(path.join(repo, "examples", "roster", "roster.yaml"), rosterFile);

    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: "demo", workDir: repo },
        { envVars: { PULUMI_BACKEND_URL: `file://${stateDir}`, PULUMI_CONFIG_PASSPHRASE: "demo-passphrase" } },
    );
    await stack.setAllConfig({
        roster: { value: rosterFile },
        ...simulators.config,
        ...Object.fromEntries(Object.entries(demoSecrets(parseRoster(fs.readFileSync(rosterFile, "utf8")))).map(([key, value]) => [key, { value, secret: true }])),
    });

    heading("pulumi up: deploy examples/roster/roster.yaml");
    await stack.up(shown);
    heading("What the simulated vendors now hold");
    simulators.describe(print);

    heading("pulumi preview of the unchanged stack");
    simulators.clearRequests();
    await stack.preview(shown);
    print(`vendor requests during that preview: ${simulators.requestCount()}\n`);

    heading(`Edit one user in the roster (${editOneUser(rosterFile)}) and preview the diff`);
    await stack.preview({ ...shown, diff: true });
    heading("pulumi up: apply the edit");
    simulators.clearRequests();
    await stack.up(shown);
    print(`vendor requests during that update: ${simulators.requestLines().join(", ")}\n`);
    simulators.describe(print);

    if (keep) {
        heading("Keeping the simulators and the stack up (Ctrl-C to stop)");
        print(simulators.exports());
        print(`export PULUMI_BACKEND_URL=file://${stateDir} PULUMI_CONFIG_PASSPHRASE=demo-passphrase\n`);
        await new Promise((resolve) => process.once("SIGINT", resolve));
    }

    heading("pulumi destroy");
    await stack.destroy(shown);
    simulators.describe(print);
    await stack.workspace.removeStack("demo");
    await simulators.stop();
    print("\nDemo finished: the roster was deployed, previewed without vendor calls, edited in place, and destroyed.\n");
}

main().catch((error) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
});
