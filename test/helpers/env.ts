/** Mocha hook: after each test, the `UCAAS_*` variables are back to what they were when the suite was defined. */
export function restoreUcaasVariablesAfterEach(): void {
    const saved = { ...process.env };
    afterEach(() => {
        for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_"))) delete process.env[key];
        Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([k]) => k.startsWith("UCAAS_"))));
    });
}
