/**
 * Settings in the provider process: `check` reports every problem with the stack config and with
 * the settings of the resource's vendor before anything is sent, and an operation that still meets
 * one (refresh and destroy skip `check`) says when the stack config it was given is the cause.
 *
 * What `configure` gets: the whole stack config, from the program's run for preview and up, but
 * for `pulumi refresh` and `pulumi destroy` the copy the engine saved in the state at the last
 * update, unless they run with `--run-program`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { configuredKeys, SettingsError, useStackConfig } from "../config";
import { unknownConfigKeyProblems, unknownVariableWarnings } from "../settings/unknown-names";
import { vendorOfKind } from "../settings/vendors";
import { vendorSettingProblems } from "../settings/verify";
import type { ResourceKind } from "./kinds";

/** Whether the engine configured this process, and whether it has run a `check` since (then its config is the program's). */
let configuredByEngine = false;
let checkedInThisRun = false;
let variablesWarned = false;

/**
 * The keys of the dynamic provider's config. `ConfigureRequest.config` only offers `get`; its
 * class keeps the whole map in `rawConfig` (`@pulumi/pulumi/cmd/dynamic-provider/config.ts`).
 * Without it no key can be told unknown, and nothing else changes.
 */
function keysOf(config: pulumi.dynamic.Config): string[] {
    const raw = (config as unknown as { rawConfig?: unknown }).rawConfig;
    return raw && typeof raw === "object" ? Object.keys(raw) : [];
}

export function configureSettings(req: pulumi.dynamic.ConfigureRequest): void {
    configuredByEngine = true;
    useStackConfig(req.config, keysOf(req.config));
}

/**
 * The resource-level check failures about settings: unknown `ucaas:*` keys (on every resource, so
 * that no resource of a misconfigured stack is applied by an `up` that skips its preview), then
 * the problems of this resource's vendor. A failure with property "" is printed by the engine as
 * `resource 'x' has a problem: <reason>`, without any input value.
 */
export function settingsFailures(kind: ResourceKind): pulumi.dynamic.CheckFailure[] {
    checkedInThisRun = true;
    if (!variablesWarned) {
        variablesWarned = true;
        // Once per run, to the deployment's output: these may well belong to another tool of the job.
        unknownVariableWarnings(process.env).forEach((line) => console.error(line));
    }
    const problems = [...unknownConfigKeyProblems(configuredKeys()), ...vendorSettingProblems(vendorOfKind[kind])];
    return problems.map((reason) => ({ property: "", reason }));
}

const storedConfigHint =
    "`pulumi refresh` and `pulumi destroy` use the stack config saved in the state by the last update, not the current one: " +
    "if you set or changed it since, run them with --run-program (`pulumi refresh --run-program`, `pulumi destroy --run-program`), " +
    "or give the setting as an environment variable.";

/** A settings error of an operation that ran without `check`, told that the saved stack config is the likely cause. */
export function withStoredConfigHint(error: unknown): unknown {
    if (error instanceof SettingsError && configuredByEngine && !checkedInThisRun) {
        return new SettingsError([...error.problems, storedConfigHint]);
    }
    return error;
}
