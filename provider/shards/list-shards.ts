/**
 * `pulumi-ucaas shards list`: the shards' stacks as JSON, for a CI matrix (one job per stack);
 * with `changed` only those whose roster differs from what their last `up` applied (a stack that
 * does not exist yet counts as changed). Reads stack tags only: no program runs, no vendor is asked.
 */
import { loadRoster } from "../roster/load";
import { splitRoster } from "../roster/shards";
import { appliedHash, existingStacks, openStack, type ShardStackOptions } from "./shard-stacks";

export async function listShardStacks(options: ShardStackOptions & { rosterFile: string; stackPrefix: string; changed: boolean }): Promise<string[]> {
    const shards = splitRoster(loadRoster(options.rosterFile));
    const existing = await existingStacks(options);
    const listed: string[] = [];
    for (const shard of shards) {
        const stack = `${options.stackPrefix}${shard.name}`;
        const changed = !existing.has(stack) || (await appliedHash(await openStack(stack, options))) !== shard.hash;
        if (changed || !options.changed) listed.push(stack);
    }
    return listed;
}
