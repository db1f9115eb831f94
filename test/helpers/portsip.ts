import { startPortSipSimulator, type PortSipSimulatorHandle } from "pulumi-ucaas/simulators";

type StartOptions = Parameters<typeof startPortSipSimulator>[0];

/**
 * Mocha hooks for one PortSIP simulator per test file: started once, reset before every test, and
 * pointed at through the `UCAAS_PBX_*` variables the provider reads.
 */
export function usePortSipSimulator(
    options?: StartOptions & { login?: boolean; resetBetweenTests?: boolean },
): () => PortSipSimulatorHandle {
    let sim: PortSipSimulatorHandle | undefined;
    const saved = { ...process.env };
    before(async () => {
        sim = await startPortSipSimulator(options);
        process.env.UCAAS_PBX_URL = sim.url;
        if (options?.login) {
            delete process.env.UCAAS_PBX_TOKEN;
            process.env.UCAAS_PBX_USERNAME = options.users?.[0]?.username ?? "admin";
            process.env.UCAAS_PBX_PASSWORD = options.users?.[0]?.password ?? "admin-sim-password";
        } else {
            process.env.UCAAS_PBX_TOKEN = sim.token;
        }
    });
    beforeEach(() => {
        if (options?.resetBetweenTests !== false) {
            sim!.reset();
        }
    });
    after(async () => {
        for (const key of ["UCAAS_PBX_URL", "UCAAS_PBX_TOKEN", "UCAAS_PBX_USERNAME", "UCAAS_PBX_PASSWORD"]) {
            if (saved[key] === undefined) delete process.env[key];
            else process.env[key] = saved[key];
        }
        await sim?.stop();
    });
    return () => sim!;
}

/** Vendor requests whose path starts with `prefix`, optionally of one method. */
export function requestsTo(sim: PortSipSimulatorHandle, prefix: string, method?: string) {
    return sim.requests().filter((r) => r.path.startsWith(prefix) && (!method || r.method === method));
}
