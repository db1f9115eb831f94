import { strict as assert } from "node:assert";

/** Mocha hook: after each test, the `UCAAS_*` variables are back to what they were before the file ran. */
export function restoreUcaasVariablesAfterEach(): void {
    const saved = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("UCAAS_")));
    afterEach(() => {
        for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_"))) delete process.env[key];
        Object.assign(process.env, saved);
    });
}

/** The operation fails with one line naming the config key and the environment variable to set. */
export async function assertNamesMissingSetting(operation: Promise<unknown>, configKey: string, variable: string): Promise<void> {
    await assert.rejects(operation, (error: Error) => {
        assert.ok(error.message.includes(configKey), error.message);
        assert.ok(error.message.includes(variable), error.message);
        assert.equal(error.message.includes("\n"), false);
        return true;
    });
}
