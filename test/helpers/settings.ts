import { strict as assert } from "node:assert";

/** Mocha hooks: after each test, the `UCAAS_*` variables are back to what they were before it. */
export function restoreUcaasVariablesAfterEach(): void {
    let saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        saved = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("UCAAS_")));
    });
    afterEach(() => {
        for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_"))) delete process.env[key];
        Object.assign(process.env, saved);
    });
}

/**
 * The operation fails with one line naming the config key and the environment variable to set
 * (followed, in a provider process the engine configured but that ran no check, by the line about
 * the stack config saved in the state).
 */
export async function assertNamesMissingSetting(operation: Promise<unknown>, configKey: string, variable: string): Promise<void> {
    await assert.rejects(operation, (error: Error) => {
        const [problem, ...rest] = error.message.split("\n");
        assert.ok(problem.includes(configKey), error.message);
        assert.ok(problem.includes(variable), error.message);
        assert.ok(rest.every((line) => line.includes("--run-program")), error.message);
        return true;
    });
}
