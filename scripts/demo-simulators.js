// The simulators the demo runs, with the stack config that points the provider at them and a
// short account of what each holds, and the demo's values for a roster's secrets. Each vendor adds
// itself to `vendors`.
"use strict";
const { DEMO_UMP_DIRECTORY, startMasergySimulator, startPortSipSimulator, startTeamsSimulator, startUmpSimulator } = require("../dist/simulators");
const { simulatorConfig } = require("./simulator-config");

const builtInRoles = new Set(["SystemAdmin", "Replicator", "Dealer", "Admin", "StandardUser", "StandardInternationalUser", "QueueManager"]);

const vendors = [
    {
        start: () => startMasergySimulator(),
        // Simulated jobs take 1.5 s; the real API asks for no more than one poll per 10 s.
        config: (sim) => simulatorConfig.masergy(sim, 0.5),
        exports: (sim) =>
            `export UCAAS_MASERGY_API_URL=${sim.apiUrl} UCAAS_MASERGY_TOKEN_URL=${sim.tokenUrl}\n` +
            `export UCAAS_MASERGY_REFRESH_TOKEN=${sim.refreshToken} UCAAS_MASERGY_POLL_INTERVAL_SECONDS=0.5\n`,
        describe(sim, print) {
            const users = sim.state().users;
            print(`Masergy UCaaS (${sim.apiUrl}); jobs run so far: ${sim.tasks().length}\n`);
            for (const user of users) {
                print(`  ${user.userId.padEnd(24)} ${user.firstName} ${user.lastName}  ${user.phoneNumber ?? "no number"}  extension ${user.extension}  ${user.mainServicePack}\n`);
            }
            if (users.length === 0) print("  users: none\n");
        },
    },
    {
        start: () => startPortSipSimulator(),
        config: (sim) => simulatorConfig.portsip(sim),
        exports: (sim) => `export UCAAS_PBX_URL=${sim.url}\nexport UCAAS_PBX_TOKEN=${sim.token}\n`,
        describe(sim, print) {
            const { roles, users } = sim.state();
            print(`PortSIP PBX (${sim.url})\n`);
            print(`  custom roles: ${roles.filter((r) => !builtInRoles.has(r.name)).map((r) => r.name).join(", ") || "none"}\n`);
            for (const user of users) {
                print(`  extension ${user.extension_number}  ${user.name.padEnd(8)} "${user.display_name}"  role ${user.role}${user.sync_type ? `  (${user.sync_type})` : ""}\n`);
            }
            if (users.length === 0) print("  users: none\n");
        },
    },
    {
        async start() {
            const sim = await startUmpSimulator();
            // UMP manages the voice settings of users that already exist in the directory.
            DEMO_UMP_DIRECTORY.forEach((user) => sim.seedEndpoint({ ...user }));
            return sim;
        },
        config: (sim) => simulatorConfig.ump(sim),
        exports: (sim) => `export UCAAS_UMP_URL=${sim.url}\n`,
        describe(sim, print) {
            print(`AudioCodes UMP 365 (${sim.url})\n`);
            for (const endpoint of sim.state().endpoints) {
                const line = String(endpoint.LineURI ?? "").trim();
                print(`  ${endpoint.SipAddress.padEnd(24)} ${line || "no number"}${endpoint.EnterpriseVoiceEnabled ? "  Enterprise Voice" : ""}${endpoint.VoicePolicy ? `  policy ${endpoint.VoicePolicy}` : ""}\n`);
            }
        },
    },
    {
        start: () => startTeamsSimulator(),
        config: (sim) => simulatorConfig.teams(sim),
        exports: (sim) =>
            `export UCAAS_TEAMS_URL=${sim.url} UCAAS_TEAMS_CLIENT_ID=${sim.client.clientId} UCAAS_TEAMS_CLIENT_SECRET=${sim.client.clientSecret}\n` +
            `export UCAAS_TEAMS_USERNAME=${sim.admin.username} UCAAS_TEAMS_PASSWORD=${sim.admin.password}\n`,
        describe(sim, print) {
            print(`ConnecttoTeams (${sim.url})\n`);
            const users = sim.state().users;
            for (const user of users) {
                print(`  ${user.loginID.padEnd(24)} ${user.status}  call policy ${user.fields.pbxCallPolicyInfo?.callPolicyName ?? "-"}\n`);
            }
            if (users.length === 0) print("  users: none\n");
        },
    },
];

async function startDemoSimulators() {
    const running = await Promise.all(vendors.map(async (vendor) => ({ vendor, sim: await vendor.start() })));
    return {
        config: Object.assign({}, ...running.map(({ vendor, sim }) => vendor.config(sim))),
        describe: (print) => running.forEach(({ vendor, sim }) => vendor.describe(sim, print)),
        exports: () => running.map(({ vendor, sim }) => vendor.exports(sim)).join(""),
        clearRequests: () => running.forEach(({ sim }) => sim.clearRequests()),
        requestCount: () => running.reduce((sum, { sim }) => sum + sim.requests().length, 0),
        requestLines: () => running.flatMap(({ sim }) => sim.requests().map((r) => `${sim.vendor} ${r.method} ${r.path}`)),
        stop: () => Promise.all(running.map(({ sim }) => sim.stop())),
    };
}

/** Every `{ secret: key }` in a parsed roster, with a demo value valid for its field. */
function demoSecrets(roster) {
    const secrets = {};
    for (const vendor of Object.values(roster.sections)) {
        for (const entries of Object.values(vendor ?? {})) {
            for (const entry of entries ?? []) {
                for (const [field, value] of Object.entries(entry)) {
                    if (value && typeof value === "object" && typeof value.secret === "string") {
                        secrets[value.secret] = /pin|passcode/i.test(field) ? "246813" : `Demo-${value.secret}-1`;
                    }
                }
            }
        }
    }
    return secrets;
}

module.exports = { demoSecrets, startDemoSimulators };
