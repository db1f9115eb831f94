import { startMasergySimulator, type MasergySimulatorHandle, type MasergySimulatorOptions } from "pulumi-ucaas/simulators";

const variables = [
    "UCAAS_MASERGY_API_URL",
    "UCAAS_MASERGY_TOKEN_URL",
    "UCAAS_MASERGY_REFRESH_TOKEN",
    "UCAAS_MASERGY_USERNAME",
    "UCAAS_MASERGY_PASSWORD",
    "UCAAS_MASERGY_POLL_INTERVAL_SECONDS",
    "UCAAS_MASERGY_JOB_TIMEOUT_MINUTES",
];

/**
 * Mocha hooks for one Masergy simulator per test file: started once, reset before every test, and
 * pointed at through the `UCAAS_MASERGY_*` variables, polling every 20 ms. After each reset the
 * provider gets a freshly issued refresh token, so every test starts with its own client and token.
 */
export function useMasergySimulator(
    options: MasergySimulatorOptions & { login?: boolean; resetBetweenTests?: boolean } = {},
): () => MasergySimulatorHandle {
    let sim: MasergySimulatorHandle | undefined;
    const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
    const useFreshCredential = () => {
        if (options.login) {
            process.env.UCAAS_MASERGY_USERNAME = sim!.account.username;
            process.env.UCAAS_MASERGY_PASSWORD = sim!.account.password;
        } else {
            process.env.UCAAS_MASERGY_REFRESH_TOKEN = sim!.issueRefreshToken();
        }
    };
    before(async () => {
        sim = await startMasergySimulator({ jobDurationMs: 60, ...options });
        for (const name of variables) delete process.env[name];
        process.env.UCAAS_MASERGY_API_URL = sim.apiUrl;
        process.env.UCAAS_MASERGY_TOKEN_URL = sim.tokenUrl;
        process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "0.02";
        process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.5";
        useFreshCredential();
    });
    beforeEach(() => {
        if (options.resetBetweenTests !== false) {
            sim!.reset();
            useFreshCredential();
        }
    });
    after(async () => {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        await sim?.stop();
    });
    return () => sim!;
}

/** Requests to the provisioning API path ending in `suffix` (e.g. "user/create"), optionally of one method. */
export function apiRequests(sim: MasergySimulatorHandle, suffix: string, method?: string) {
    return sim.requests().filter((r) => r.path.endsWith(`/${suffix}`) && (!method || r.method === method));
}

export function tokenRequests(sim: MasergySimulatorHandle) {
    return sim.requests().filter((r) => r.path.endsWith("/openid-connect/token"));
}

/** GETs of the task report, per task id. */
export function pollsPerTask(sim: MasergySimulatorHandle): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of sim.requests().filter((r) => /\/task\/[^/]+\/view$/.test(r.path))) {
        const taskId = r.path.split("/").at(-2)!;
        counts.set(taskId, (counts.get(taskId) ?? 0) + 1);
    }
    return counts;
}
