// The benchmark's resource mix: one entry per vendor. Adding a vendor is one entry here: how to start
// its simulator and point the provider at it (run.js side), and for each of its resource types the
// share of the mix, the arguments of the i-th resource and the class to declare (program side).
//
// Program side (`args`, `type`) runs in the Pulumi program; everything else runs in bench/run.js with
// `sims` = require("pulumi-ucaas/simulators"). Nothing here requires a module itself, so the program
// can load this file without loading the simulators.
"use strict";

const pad = (i, width) => String(i).padStart(width, "0");

/** The PortSIP account the provider logs in with. */
const portSipAdmin = { username: "bench-admin", password: "Bench-Admin-Passw0rd" };

const vendors = [
    {
        vendor: "portsip",
        start: (sims, { latencyMs }) => sims.startPortSipSimulator({ latencyMs, users: [portSipAdmin] }),
        // The OAuth password grant rather than the static token, so the run's token requests can be counted.
        config: (sim) => ({
            "ucaas:pbxUrl": { value: sim.url },
            "ucaas:pbxUsername": { value: portSipAdmin.username },
            "ucaas:pbxPassword": { value: portSipAdmin.password, secret: true },
        }),
        credentials: (sim) => [sim.token, portSipAdmin.password],
        classify: (request) =>
            request.path.startsWith("/api/login") ? "token" : request.path.startsWith("/api/roles") ? "PbxRole" : "PbxUser",
        resources: [
            {
                kind: "PbxRole",
                share: 1,
                type: (ucaas) => ucaas.PbxRole,
                args: (i) => ({
                    name: `BenchRole${i}`,
                    description: `Benchmark role ${i}`,
                    permissions: { general: { voicemailFullAccess: true }, policies: { internalCalls: true, domesticCalls: i % 2 === 0 } },
                }),
            },
            {
                kind: "PbxUser",
                share: 4,
                // Every user takes one of the roles by reference, so roles are created first.
                dependsOn: "PbxRole",
                type: (ucaas) => ucaas.PbxUser,
                args: (i, declared) => ({
                    name: `bench${i}`,
                    displayName: `Bench User ${i}`,
                    email: `bench${i}@example.com`,
                    role: declared.PbxRole?.length ? declared.PbxRole[i % declared.PbxRole.length].name : "StandardUser",
                    extensionNumber: String(100000 + i),
                    password: `Bench-Passw0rd-${i}`,
                    extensionPassword: `Bench-Ext-Secret-${i}`,
                    voicemailPin: "135792",
                    department: "Benchmark",
                    // Half the users are bound to Microsoft 365, which is one more request each.
                    ...(i % 2 === 0 ? { ms365UserId: `bench${i}@example.onmicrosoft.com` } : {}),
                }),
            },
        ],
    },
    {
        vendor: "ump",
        start: (sims, { latencyMs }) => sims.startUmpSimulator({ latencyMs, licensedUsers: 100_000 }),
        // UMP manages users that already exist in the directory.
        prepare: (sim, counts) => {
            for (let i = 0; i < (counts.UmpEndpoint ?? 0); i++) {
                sim.seedEndpoint({ SipAddress: `sip:bench${i}@contoso.com`, DisplayName: `Bench User ${i}` });
            }
        },
        config: (sim) => ({ "ucaas:umpUrl": { value: sim.url } }),
        // UMP ENT documents no authentication: no token to fetch.
        tokens: false,
        credentials: () => [],
        classify: () => "UmpEndpoint",
        resources: [
            {
                kind: "UmpEndpoint",
                share: 5,
                type: (ucaas) => ucaas.UmpEndpoint,
                args: (i) => ({
                    identity: `sip:bench${i}@contoso.com`,
                    enterpriseVoiceEnabled: true,
                    lineUri: `tel:+3120300${pad(i, 4)}`,
                    voicePolicy: "International",
                    dialPlan: "NL-Amsterdam",
                    usageLocation: "NL",
                }),
            },
        ],
    },
    {
        vendor: "teams",
        start: (sims, { latencyMs }) => sims.startTeamsSimulator({ latencyMs }),
        config: (sim) => ({
            "ucaas:teamsUrl": { value: sim.url },
            "ucaas:teamsClientId": { value: sim.client.clientId },
            "ucaas:teamsClientSecret": { value: sim.client.clientSecret, secret: true },
            "ucaas:teamsUsername": { value: sim.admin.username },
            "ucaas:teamsPassword": { value: sim.admin.password, secret: true },
        }),
        context: (sim) => ({ tenantId: sim.tenant.tenantId, sbcGatewayId: sim.tenant.sbcGatewayIds[0] }),
        credentials: (sim) => [sim.client.clientSecret, sim.admin.password],
        classify: (request) => (request.path.startsWith("/oauth/") ? "token" : "TeamsEnterpriseUser"),
        resources: [
            {
                kind: "TeamsEnterpriseUser",
                share: 5,
                type: (ucaas) => ucaas.TeamsEnterpriseUser,
                args: (i, _declared, context) => ({
                    tenantId: context.tenantId,
                    loginId: `bench${i}@contoso.com`,
                    pbxLocation: "pbx-east",
                    pbxUserId: String(20000 + i),
                    sbcGatewayId: context.sbcGatewayId,
                    teamsUserId: `bench${i}@contoso.onmicrosoft.com`,
                    phoneNumber: `+1202555${pad(i, 4)}`,
                    password: `Bench-Sip-Secret-${i}`,
                }),
            },
        ],
    },
    {
        vendor: "masergy",
        // Async jobs: `jobSeconds` per job, polled every `pollSeconds`.
        available: (sims) => typeof sims.startMasergySimulator === "function",
        start: (sims, { latencyMs, jobSeconds }) =>
            sims.startMasergySimulator({
                latencyMs,
                jobDurationMs: jobSeconds * 1000,
                groups: [
                    {
                        enterpriseId: "SIM-ENTERPRISE",
                        groupId: "BENCH",
                        name: "Benchmark office",
                        phoneNumbers: Array.from({ length: 2000 }, (_, i) => `+1212700${pad(i, 4)}`),
                        servicePacks: ["UC-Basic", "UC-Standard"],
                    },
                ],
            }),
        config: (sim, { pollSeconds }) => ({
            "ucaas:masergyApiUrl": { value: sim.apiUrl },
            "ucaas:masergyTokenUrl": { value: sim.tokenUrl },
            "ucaas:masergyRefreshToken": { value: sim.refreshToken, secret: true },
            "ucaas:masergyPollIntervalSeconds": { value: String(pollSeconds) },
        }),
        credentials: (sim) => [sim.refreshToken, sim.account.password],
        classify: (request) =>
            request.path.includes("/openid-connect/token") ? "token" : /\/task\/[^/]+\/view$/.test(request.path) ? "poll" : "MasergyUser",
        jobs: (sim) => sim.tasks().length,
        resources: [
            {
                kind: "MasergyUser",
                share: 5,
                type: (ucaas) => ucaas.MasergyUser,
                args: (i) => ({
                    groupId: "BENCH",
                    userId: `bench${i}@example.com`,
                    firstName: "Bench",
                    lastName: `User${i}`,
                    webPortalPassword: `Bench-Portal-${i}`,
                    phoneNumber: `+1212700${pad(i, 4)}`,
                    extension: pad(i, 4),
                    mainServicePack: "UC-Standard",
                    addressType: "NONE",
                    timeZone: "America/New_York",
                }),
            },
        ],
    },
];

module.exports = { vendors };
