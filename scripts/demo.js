#!/usr/bin/env node
// `npm run demo`: starts the vendor simulators, deploys the demo program (Pulumi.yaml at the
// repository root) with the real Pulumi engine on a local file backend, edits one user and shows
// the diff, prints what exists at each simulated vendor, and destroys the stack again.
// With --keep, the simulators and the stack stay up until Ctrl-C.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const automation = require("@pulumi/pulumi/automation");
const { startPortSipSimulator } = require("../dist/simulators");

const repo = path.resolve(__dirname, "..");
const keep = process.argv.includes("--keep");

const demoSecrets = {
    alicePassword: "Demo-alice-pw1",
    aliceExtensionPassword: "Demo-alice-ext1",
    aliceVoicemailPin: "246813",
    bobPassword: "Demo-bob-pw2",
    bobExtensionPassword: "Demo-bob-ext2",
    bobVoicemailPin: "864213",
};

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

function describePbx(pbx) {
    const { roles, users } = pbx.state();
    const custom = roles.filter((role) => !role.built_in && !["SystemAdmin", "Replicator", "Dealer", "Admin", "StandardUser", "StandardInternationalUser", "QueueManager"].includes(role.name));
    print(`PortSIP PBX (${pbx.url})\n`);
    print(`  custom roles: ${custom.map((r) => r.name).join(", ") || "none"}\n`);
    for (const user of users) {
        print(`  extension ${user.extension_number}  ${user.name.padEnd(8)} "${user.display_name}"  role ${user.role}` +
            `${user.sync_type ? `  (${user.sync_type})` : ""}\n`);
    }
    if (users.length === 0) {
        print("  users: none\n");
    }
}

async function main() {
    linkPackageIntoItself();
    const pbx = await startPortSipSimulator();
    // Each run starts from nothing: a fresh local backend and no leftover stack settings.
    const stateDir = path.join(repo, ".pulumi-state");
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(path.join(repo, "Pulumi.demo.yaml"), { force: true });
    fs.mkdirSync(stateDir, { recursive: true });

    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: "demo", workDir: repo },
        { envVars: { PULUMI_BACKEND_URL: `file://${stateDir}`, PULUMI_CONFIG_PASSPHRASE: "demo-passphrase" } },
    );
    await stack.setAllConfig({
        "ucaas:pbxUrl": { value: pbx.url },
        "ucaas:pbxToken": { value: pbx.token, secret: true },
        ...Object.fromEntries(Object.entries(demoSecrets).map(([key, value]) => [key, { value, secret: true }])),
    });

    heading("pulumi up: create a role and two extension users");
    await stack.up(shown);
    heading("What the simulated vendor now holds");
    describePbx(pbx);

    heading("pulumi preview of the unchanged stack");
    pbx.clearRequests();
    await stack.preview(shown);
    print(`vendor requests during that preview: ${pbx.requests().length}\n`);

    heading("Edit one user (alice's display name) and preview the diff");
    await stack.setConfig("aliceDisplayName", { value: "Alice B. Example" });
    await stack.preview({ ...shown, diff: true });
    heading("pulumi up: apply the edit");
    pbx.clearRequests();
    await stack.up(shown);
    print(`vendor requests during that update: ${pbx.requests().map((r) => `${r.method} ${r.path}`).join(", ")}\n`);
    describePbx(pbx);

    if (keep) {
        heading("Keeping the simulators and the stack up (Ctrl-C to stop)");
        print(`export UCAAS_PBX_URL=${pbx.url}\nexport UCAAS_PBX_TOKEN=${pbx.token}\n`);
        print(`export PULUMI_BACKEND_URL=file://${stateDir} PULUMI_CONFIG_PASSPHRASE=demo-passphrase\n`);
        await new Promise((resolve) => process.once("SIGINT", resolve));
    }

    heading("pulumi destroy");
    await stack.destroy(shown);
    describePbx(pbx);
    await stack.workspace.removeStack("demo");
    await pbx.stop();
    print("\nDemo finished: the stack was created, previewed without vendor calls, edited in place, and destroyed.\n");
}

main().catch((error) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
});
