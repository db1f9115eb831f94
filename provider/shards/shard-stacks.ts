/**
 * The shards' stacks, through the Automation API: ordinary Pulumi stacks of the project, one per
 * shard, named `<prefix><shard>`. What the command keeps about a shard lives in its stack: the
 * shard's settings in its config, the digest of the roster last applied in a stack tag.
 */
import type * as automation from "@pulumi/pulumi/automation";
import { runPulumi } from "../cli/pulumi";

/** The stack tag holding the digest of the shard's roster as the last successful `up` applied it. */
export const rosterHashTag = "ucaas:roster-hash";

export interface ShardStackOptions {
    /** The Pulumi project's folder. */
    projectDir: string;
    env: NodeJS.ProcessEnv;
}

function automationApi(): typeof automation {
    // Loaded when used: the other commands do not need the Automation API.
    return require("@pulumi/pulumi/automation") as typeof automation;
}

const definedEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
    Object.fromEntries(Object.entries(env).filter((pair): pair is [string, string] => pair[1] !== undefined));

/** The names of the project's stacks. */
export async function existingStacks(options: ShardStackOptions): Promise<Set<string>> {
    const workspace = await automationApi().LocalWorkspace.create({ workDir: options.projectDir, envVars: definedEnv(options.env) });
    return new Set((await workspace.listStacks()).map((summary) => summary.name.split("/").pop()!));
}

/** Selects (or creates) a stack; `extraEnv` goes to this stack's runs only. */
export async function openStack(name: string, options: ShardStackOptions, extraEnv: Record<string, string> = {}): Promise<automation.Stack> {
    return automationApi().LocalWorkspace.createOrSelectStack(
        { stackName: name, workDir: options.projectDir },
        { envVars: { ...definedEnv(options.env), ...extraEnv } },
    );
}

/** The roster digest recorded by the last successful `up`, or undefined. */
export async function appliedHash(stack: automation.Stack): Promise<string | undefined> {
    return (await stack.listTags())[rosterHashTag];
}

/** Logical name -> URN of the custom resources in the stack's state (not the stack, not providers). */
export async function stateResources(stack: automation.Stack): Promise<Map<string, string>> {
    const deployment = await stack.exportStack();
    const resources = ((deployment.deployment as { resources?: Array<{ urn: string; custom?: boolean; type: string }> }).resources ?? []);
    return new Map(
        resources
            .filter((resource) => resource.custom && !resource.type.startsWith("pulumi:providers:"))
            .map((resource) => [resource.urn.split("::").pop()!, resource.urn]),
    );
}

/**
 * Drops resources from the stack's state without touching the vendor (`pulumi state delete`): the
 * objects moved to another shard's stack, which has taken them over.
 */
export async function forgetResources(stackName: string, urns: readonly string[], options: ShardStackOptions): Promise<void> {
    if (urns.length) {
        await runPulumi(["state", "delete", ...urns, "--yes"], { cwd: options.projectDir, env: options.env, stack: stackName });
    }
}
