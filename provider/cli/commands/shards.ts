/**
 * `pulumi-ucaas shards <up|preview|refresh|destroy>`: runs the stacks of a roster split into
 * `shards:` (docs/sharding.md).
 */
import * as path from "node:path";
import { InvalidArgumentError } from "commander";
import { listShardStacks } from "../../shards/list-shards";
import { runShards, shardOperations, type ShardOperation } from "../../shards/run-shards";
import { exitCodes, UsageError } from "../errors";
import { registerCommand } from "../registry";
import { findProject } from "../stack-config";

interface ShardsOptions {
    roster: string;
    stackPrefix: string;
    maxConcurrency: number;
    parallel: number;
    all?: boolean;
    shard?: string[];
    configFrom?: string;
    changed?: boolean;
}

const commandOperations = [...shardOperations, "list"] as const;

function positiveInteger(text: string): number {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 1000) throw new InvalidArgumentError("expected a whole number from 1 to 1000.");
    return value;
}

registerCommand<ShardsOptions>({
    name: "shards",
    summary: "run the stacks of a roster split into shards, within the vendors' limits",
    details: `Runs OPERATION (up, preview, refresh or destroy) on one stack per shard of
the roster's \`shards:\` list, named <prefix><shard>, through the Automation API;
a missing stack is created (with --config-from, from that stack's config).
At most --parallel stacks run at once, each with its share of
--max-concurrency (ucaas:maxConcurrentRequests) and of Masergy's poll rate
(ucaas:masergyPollSharedBy), so the vendors' limits hold across shards.
up and preview run only the shards whose roster changed since their last
up (a digest in the stack tag ucaas:roster-hash); --all runs every shard.
An entry moved to another shard is taken over there (adopt) and then
forgotten (pulumi state delete) in its old shard: never deleted.
One line per shard, then a summary, on stderr; exit code 1 when a shard failed.
\`list\` prints the shards' stack names as a JSON array on stdout (with
--changed, those an up would run), for a CI matrix: one job per stack.

  npx pulumi-ucaas shards preview
  npx pulumi-ucaas shards up --config-from dev
  npx pulumi-ucaas shards list --changed`,
    define: (command) =>
        command
            .argument("<operation>", `one of ${commandOperations.join(", ")}`)
            .option("--roster <file>", "the roster file, relative to the project", "roster.yaml")
            .option("--stack-prefix <prefix>", "stack name = prefix + shard name", "")
            .option("--max-concurrency <n>", "requests in flight per vendor, across all shards", positiveInteger, 8)
            .option("--parallel <n>", "shard stacks at once", positiveInteger, 4)
            .option("--all", "up/preview: run unchanged shards too")
            .option("--shard <name...>", "only these shards")
            .option("--config-from <stack>", "a stack whose config new shard stacks start from")
            .option("--changed", "list: only the shards whose roster changed since their last up"),
    async run({ args, options, io, note, result }) {
        const operation = args[0] as (typeof commandOperations)[number];
        if (!commandOperations.includes(operation)) {
            throw new UsageError(`unknown operation "${args[0]}": use one of ${commandOperations.join(", ")}`);
        }
        const projectDir = findProject(io.cwd);
        if (!projectDir) throw new UsageError(`no Pulumi project (Pulumi.yaml) in ${io.cwd} or above`);
        const rosterFile = path.resolve(projectDir, options.roster);
        if (operation === "list") {
            const stacks = await listShardStacks({ projectDir, env: io.env, rosterFile, stackPrefix: options.stackPrefix, changed: options.changed ?? false });
            result(JSON.stringify(stacks));
            return exitCodes.ok;
        }
        const report = await runShards({
            operation: operation as ShardOperation,
            rosterFile,
            projectDir,
            env: io.env,
            stackPrefix: options.stackPrefix,
            bound: options.maxConcurrency,
            parallel: options.parallel,
            all: options.all ?? false,
            only: options.shard ?? [],
            configFrom: options.configFrom,
            note,
        });
        return report.failed ? exitCodes.failed : exitCodes.ok;
    },
});
