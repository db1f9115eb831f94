import { startUmpSimulator, type UmpSimulatorHandle } from "pulumi-ucaas/simulators";

type StartOptions = Parameters<typeof startUmpSimulator>[0];

const settingVariables = ["UCAAS_UMP_URL", "UCAAS_UMP_TOKEN"];

/**
 * Mocha hooks for one UMP simulator per test file: started once, reset before every test (unless
 * told otherwise), and pointed at through the `UCAAS_UMP_*` variables the provider reads.
 */
export function useUmpSimulator(options?: StartOptions & { resetBetweenTests?: boolean }): () => UmpSimulatorHandle {
    let sim: UmpSimulatorHandle | undefined;
    const saved = Object.fromEntries(settingVariables.map((name) => [name, process.env[name]]));
    before(async () => {
        sim = await startUmpSimulator(options);
        process.env.UCAAS_UMP_URL = sim.url;
        if (sim.token) process.env.UCAAS_UMP_TOKEN = sim.token;
        else delete process.env.UCAAS_UMP_TOKEN;
    });
    beforeEach(() => {
        if (options?.resetBetweenTests !== false) {
            sim!.reset();
        }
    });
    after(async () => {
        for (const name of settingVariables) {
            if (saved[name] === undefined) delete process.env[name];
            else process.env[name] = saved[name];
        }
        await sim?.stop();
    });
    return () => sim!;
}

/** Vendor requests by method and path below the API base (`proxy/endpoint/...`), oldest first. */
export function umpRequests(sim: UmpSimulatorHandle, method?: string, pathPrefix = "") {
    const base = new URL(sim.url).pathname + "/";
    return sim
        .requests()
        .map((request) => ({ ...request, path: request.path.startsWith(base) ? request.path.slice(base.length) : request.path }))
        .filter((request) => request.path.startsWith(pathPrefix) && (!method || request.method === method));
}

/** Valid UmpEndpoint arguments; tests override what they exercise. */
export function umpEndpointArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        identity: "sip:alice@contoso.com",
        enterpriseVoiceEnabled: true,
        lineUri: "tel:+311111121",
        voicePolicy: "International",
        dialPlan: "NL-Amsterdam",
        usageLocation: "NL",
        ...overrides,
    };
}

/** A directory user with nothing voice-related yet, as UMP would have it after a directory sync. */
export function seedDirectoryUser(sim: UmpSimulatorHandle, sipAddress = "sip:alice@contoso.com", fields: Record<string, unknown> = {}): string {
    return sim.seedEndpoint({ SipAddress: sipAddress, DisplayName: "Alice Example", ...fields });
}

/** The SkypeOnPrem range of the simulator's default catalogue (tel:+311111120 to tel:+311111140). */
export function onPremRange(sim: UmpSimulatorHandle) {
    return sim.state().numberRanges.find((range) => range.NumberRangeType === "SkypeOnPrem")!;
}
