/**
 * Settings in the provider process: `check` reports every problem with the stack config and with
 * the settings of the resource's vendor before anything is sent, and an operation that still meets
 * one (refresh and destroy skip `check`), or whose credential the vendor refuses, says when the
 * stack config it was given is the likely cause.
 *
 * What `configure` gets: the whole stack config, from the program's run for preview and up, but
 * for `pulumi refresh` and `pulumi destroy` the copy the engine saved in the state at the last
 * update, unless they run with `--run-program`.
 */
import type * as pulumi from "@pulumi/pulumi";
import { configuredKeys, SettingsError, useStackConfig } from "../config";
import { isCredentialRejection } from "../http/credential-rejection";
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

/** What `pulumi refresh`, `pulumi destroy` and `pulumi preview --refresh` configure the provider with, unless run with `--run-program`. */
const storedConfigNote =
    "`pulumi refresh`, `pulumi destroy` and `pulumi preview --refresh` use the stack config saved in the state by the last update, not the current one";

const runProgramCommands = "(`pulumi refresh --run-program`, `pulumi destroy --run-program`, `pulumi preview --refresh --run-program`)";

const storedConfigHint =
    `${storedConfigNote}: if you set or changed it since, run them with --run-program ${runProgramCommands}, ` +
    "or give the setting as an environment variable.";

const rejectedCredentialHint =
    `${storedConfigNote}: if you rotated this credential since (a new token or password in the stack config), ` +
    `run them with --run-program ${runProgramCommands}; the next \`pulumi up\` saves the current config.`;

/**
 * An error of an operation that ran without `check` (refresh, destroy, the refresh of
 * `preview --refresh`), told that the saved stack config is the likely cause: a setting missing
 * there, or a credential the vendor refuses because it was rotated since the last update.
 */
export function withStoredConfigHint(error: unknown): unknown {
    if (!configuredByEngine || checkedInThisRun) {
        return error;
    }
    if (error instanceof SettingsError) {
        return new SettingsError([...error.problems, storedConfigHint]);
    }
    if (isCredentialRejection(error)) {
        error.message = `${error.message}\n${rejectedCredentialHint}`;
    }
    return error;
}
