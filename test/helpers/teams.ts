import { startTeamsSimulator, type TeamsSimulatorHandle } from "pulumi-ucaas/simulators";

type StartOptions = Parameters<typeof startTeamsSimulator>[0];

const settingVariables = ["UCAAS_TEAMS_URL", "UCAAS_TEAMS_CLIENT_ID", "UCAAS_TEAMS_CLIENT_SECRET", "UCAAS_TEAMS_USERNAME", "UCAAS_TEAMS_PASSWORD"];

/**
 * Mocha hooks for one ConnecttoTeams simulator per test file: started once, reset before every
 * test, and pointed at through the `UCAAS_TEAMS_*` variables the provider reads. Issued tokens
 * survive the resets, as they would within one run, so request counts are those of a single run.
 */
export function useTeamsSimulator(options?: StartOptions & { resetBetweenTests?: boolean }): () => TeamsSimulatorHandle {
    let sim: TeamsSimulatorHandle | undefined;
    const saved = { ...process.env };
    before(async () => {
        sim = await startTeamsSimulator(options);
        Object.assign(process.env, teamsEnvironment(sim));
    });
    beforeEach(() => {
        if (options?.resetBetweenTests !== false) {
            sim!.reset({ keepTokens: true });
        }
    });
    after(async () => {
        for (const key of settingVariables) {
            if (saved[key] === undefined) delete process.env[key];
            else process.env[key] = saved[key];
        }
        await sim?.stop();
    });
    return () => sim!;
}

/** The `UCAAS_TEAMS_*` variables that point the provider at `sim`. */
export function teamsEnvironment(sim: TeamsSimulatorHandle): Record<string, string> {
    return {
        UCAAS_TEAMS_URL: sim.url,
        UCAAS_TEAMS_CLIENT_ID: sim.client.clientId,
        UCAAS_TEAMS_CLIENT_SECRET: sim.client.clientSecret,
        UCAAS_TEAMS_USERNAME: sim.admin.username,
        UCAAS_TEAMS_PASSWORD: sim.admin.password,
    };
}

/** The stack config of the ConnecttoTeams API settings that point at `sim` (secrets as secrets). */
export function teamsStackConfig(sim: TeamsSimulatorHandle): Record<string, { value: string; secret?: boolean }> {
    return {
        "ucaas:teamsUrl": { value: sim.url },
        "ucaas:teamsClientId": { value: sim.client.clientId },
        "ucaas:teamsClientSecret": { value: sim.client.clientSecret, secret: true },
        "ucaas:teamsUsername": { value: sim.admin.username },
        "ucaas:teamsPassword": { value: sim.admin.password, secret: true },
    };
}

/** Valid TeamsEnterpriseUser arguments for the simulator's default tenant; tests override what they exercise. */
export function teamsUserArgs(sim: TeamsSimulatorHandle, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        tenantId: sim.tenant.tenantId,
        loginId: "jdoe@contoso.com",
        pbxLocation: "pbx-east",
        pbxUserId: "2001",
        sbcGatewayId: sim.tenant.sbcGatewayIds[0],
        teamsUserId: "jdoe@contoso.onmicrosoft.com",
        phoneNumber: "+12025550101",
        password: "jdoe-Sip-Secret-1",
        ...overrides,
    };
}

/** Vendor requests to exactly `path`. */
export function teamsRequestsTo(sim: TeamsSimulatorHandle, path: string) {
    return sim.requests().filter((r) => r.path === path);
}
