// The `ucaas:*` stack config that points the provider at a running simulator, one function per vendor:
// shared by the demo (scripts/demo-simulators.js) and the benchmark (bench/program/mix.js).
"use strict";

const simulatorConfig = {
    /** With `login` ({ username, password }) the provider logs in (OAuth) instead of using the static token. */
    portsip: (sim, login) => ({
        "ucaas:pbxUrl": { value: sim.url },
        ...(login
            ? { "ucaas:pbxUsername": { value: login.username }, "ucaas:pbxPassword": { value: login.password, secret: true } }
            : { "ucaas:pbxToken": { value: sim.token, secret: true } }),
    }),
    masergy: (sim, pollSeconds) => ({
        "ucaas:masergyApiUrl": { value: sim.apiUrl },
        "ucaas:masergyTokenUrl": { value: sim.tokenUrl },
        "ucaas:masergyRefreshToken": { value: sim.refreshToken, secret: true },
        "ucaas:masergyPollIntervalSeconds": { value: String(pollSeconds) },
    }),
    ump: (sim) => ({ "ucaas:umpUrl": { value: sim.url } }),
    teams: (sim) => ({
        "ucaas:teamsUrl": { value: sim.url },
        "ucaas:teamsClientId": { value: sim.client.clientId },
        "ucaas:teamsClientSecret": { value: sim.client.clientSecret, secret: true },
        "ucaas:teamsUsername": { value: sim.admin.username },
        "ucaas:teamsPassword": { value: sim.admin.password, secret: true },
    }),
};

module.exports = { simulatorConfig };
