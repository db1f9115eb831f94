// The benchmark's resource mix: one entry per vendor, so adding a vendor is one entry here.
//
// Runner side (bench/run.js, with `sims` = this package's built simulators):
//   start(sims, settings)   its simulator, with the run's latency (and job duration)
//   config(sim, settings, stackConfig)   the `ucaas:*` stack config that points the provider at it
//                           (stackConfig: the builders of scripts/simulator-config.js)
//   prepare(sim, counts)    optional: vendor objects the resources need first (UMP directory users)
//   context(sim)            optional: small JSON the program's `args` need (the Teams tenant)
//   credentials(sim)        secrets that must appear nowhere in the state
//   tokens: false           the vendor has no token to fetch (UMP)
//   classify(request)       a request log entry -> its resource type, "token" or "poll"
//   jobs(sim)               optional: how many asynchronous jobs the vendor ran
//   sharedPolls: true       the provider polls all of the run's jobs from one budget, one poll per
//                           poll interval (Masergy's rule; see provider/masergy/poll-budget.ts)
// Program side (bench/program/index.js), per resource type:
//   kind, share             the type and its weight in the mix (of all shares)
//   type(ucaas), args(i, declared, context)   the class and the arguments of the i-th resource
//   dependsOn               the type whose outputs the arguments use (for the bound's dependency chain)
// Nothing here requires a module itself, so the program loads this file without the simulators.
"use strict";

const pad = (i, width) => String(i).padStart(width, "0");

/** The PortSIP account the provider logs in with. */
const portSipAdmin = { username: "bench-admin", password: "Bench-Admin-Passw0rd" };

const vendors = [
    {
        vendor: "portsip",
        start: (sims, { latencyMs }) => sims.startPortSipSimulator({ latencyMs, users: [portSipAdmin] }),
        // The OAuth password grant rather than the static token, so the run's token requests can be counted.
        config: (sim, _settings, stackConfig) => stackConfig.portsip(sim, portSipAdmin),
        credentials: (sim) => [sim.token, portSipAdmin.password],
        classify: (request) =>
            request.path.startsWith("/api/login")
                ? "token"
                : request.path.startsWith("/api/roles")
                  ? "PbxRole"
                  : request.path.startsWith("/api/groups")
                    ? "PbxGroup"
                    : "PbxUser",
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
            {
                kind: "PbxGroup",
                share: 1,
                // Members by the users' extensionNumber outputs, so users are created first.
                dependsOn: "PbxUser",
                type: (ucaas) => ucaas.PbxGroup,
                // The i-th group gets the users declared so far at i and i - 1 (the program declares
                // the i-th of every type in turn, users before groups).
                args: (i, declared) => ({
                    name: `BenchGroup${i}`,
                    description: `Benchmark group ${i}`,
                    members: [i, i - 1]
                        .filter((j) => j >= 0)
                        .map((j) => (declared.PbxUser?.[j] ? declared.PbxUser[j].extensionNumber : String(100000 + j))),
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
        config: (sim, _settings, stackConfig) => stackConfig.ump(sim),
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
        config: (sim, _settings, stackConfig) => stackConfig.teams(sim),
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
        config: (sim, { pollSeconds }, stackConfig) => stackConfig.masergy(sim, pollSeconds),
        credentials: (sim) => [sim.refreshToken, sim.account.password],
        classify: (request) =>
            request.path.includes("/openid-connect/token") ? "token" : /\/task\/[^/]+\/view$/.test(request.path) ? "poll" : "MasergyUser",
        jobs: (sim) => sim.tasks().length,
        sharedPolls: true,
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
