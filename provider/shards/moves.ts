/**
 * Entries that moved between shards: in one shard's state, now in another shard of the roster. The
 * new shard takes the vendor object over (adopt) before the old one forgets it (state delete), so
 * it is never deleted and keeps its vendor id.
 */
import type { RosterShard } from "../roster/shards";

export interface Move {
    name: string;
    from: string;
    to: string;
    /** The resource's URN in the old shard's stack. */
    urn: string;
}

/** @param states per shard: logical name -> URN of what its stack holds (shards whose state was read) */
export function findMoves(shards: readonly RosterShard[], states: ReadonlyMap<string, ReadonlyMap<string, string>>): Move[] {
    const home = new Map(shards.flatMap((shard) => shard.names.map((name) => [name, shard.name] as const)));
    const moves: Move[] = [];
    for (const [from, state] of states) {
        for (const [name, urn] of state) {
            const to = home.get(name);
            if (to !== undefined && to !== from) moves.push({ name, from, to, urn });
        }
    }
    return moves;
}
