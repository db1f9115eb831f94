/**
 * The vendors' limits across shards. One provider process runs per shard stack, each with its own
 * per-vendor request limit (`ucaas:maxConcurrentRequests`) and its own Masergy poll budget; with at
 * most `parallel` shard stacks running at once, each gets 1/parallel of the bound, so together they
 * never exceed it.
 */
import { configKeyName } from "../settings/catalog";

export interface ShardShares {
    /** Shard stacks running at once. */
    parallel: number;
    /** `ucaas:maxConcurrentRequests` of each shard: parallel x this <= the bound per vendor. */
    requestsPerShard: number;
    /** `ucaas:masergyPollSharedBy` of each shard: each polls Masergy at most once every interval x this. */
    masergyPollSharedBy: number;
}

/**
 * @param bound requests in flight per vendor across all shards
 * @param parallel shard stacks at once, as asked
 * @param shards shards that will run
 * @param masergyShards of those, the ones with Masergy users (they alone poll)
 */
export function shardShares(bound: number, parallel: number, shards: number, masergyShards: number): ShardShares {
    const running = Math.max(1, Math.min(parallel, shards));
    if (running > bound) {
        throw new Error(`${running} shard stacks at once cannot share a bound of ${bound} requests per vendor; run at most ${bound} at once`);
    }
    return {
        parallel: running,
        requestsPerShard: Math.floor(bound / running),
        masergyPollSharedBy: Math.max(1, Math.min(running, masergyShards)),
    };
}

/** The stack config that gives a shard its share, and names its shard. */
export function shardConfig(shard: string, shares: ShardShares): Record<string, { value: string }> {
    return {
        "ucaas:shard": { value: shard },
        [configKeyName("maxConcurrentRequests")]: { value: String(shares.requestsPerShard) },
        [configKeyName("masergyPollSharedBy")]: { value: String(shares.masergyPollSharedBy) },
    };
}
