/**
 * docs/sharding.md: how a roster is split into stacks and run by `pulumi-ucaas shards`. The prose is
 * sharding-page.md next to this file; the table of what each shard's stack is given comes from the
 * code that gives it (provider/shards/shares.ts) and the settings it sets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { configKeyName } from "../../provider/settings/catalog";
import { shardConfig, shardShares } from "../../provider/shards/shares";
import { code, generatedNote, page, table } from "./markdown";

export const shardingPageFile = "docs/sharding.md";

/** What `shardConfig` writes, with an example: 8 requests per vendor, 4 stacks at once, 3 with Masergy users. */
function sharesTable(): string {
    const example = shardConfig("nyc", shardShares(8, 4, 10, 3));
    const meaning: Record<string, [string, string]> = {
        "ucaas:shard": ["the shard's name", "the program declares that shard's entries"],
        [configKeyName("maxConcurrentRequests")]: ["floor(`--max-concurrency` / stacks at once)", "requests in flight per vendor <= `--max-concurrency`"],
        [configKeyName("masergyPollSharedBy")]: [
            "the number of stacks with Masergy users running at once (K)",
            "each stack polls at most once every `masergyPollIntervalSeconds` x K",
        ],
    };
    return table(
        ["setting", "value per shard", "example (8 per vendor, 4 stacks at once, 3 with Masergy users)", "effect across shards"],
        Object.entries(example).map(([key, { value }]) => [code(key), meaning[key][0], code(value), meaning[key][1]]),
    );
}

export function shardingPage(): string {
    const text = fs.readFileSync(path.join(__dirname, "sharding-page.md"), "utf8").trim();
    return page([generatedNote("scripts/reference/sharding-page.md and provider/shards/shares.ts"), text.replace("{{shares}}", sharesTable())]);
}
