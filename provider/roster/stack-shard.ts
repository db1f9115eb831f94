/**
 * The program's side of a sharded roster: which shard this stack deploys, from stack config
 * `ucaas:shard` (set by `pulumi-ucaas shards`), else the stack's name when it is a shard's name.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Roster } from "./load";
import { nameEntries } from "./names";
import { splitRoster } from "./shards";

/**
 * Logical names (comma-separated) that this run takes over instead of creating: entries moving in
 * from another shard, set by `pulumi-ucaas shards` for the run that adopts them. Not a setting: it
 * lives only in that run's environment, so later runs compare nothing against it.
 */
export const adoptVariable = "PULUMI_UCAAS_SHARD_ADOPT";

/** The shard of `roster` this stack deploys; the roster itself when it has no `shards:`. */
export function rosterOfStack(roster: Roster): Roster {
    if (!roster.shards?.length) {
        return roster;
    }
    const configured = new pulumi.Config("ucaas").get("shard");
    const name = configured ?? pulumi.getStack();
    const shard = splitRoster(roster).find((s) => s.name === name);
    if (!shard) {
        const said = configured !== undefined ? `ucaas:shard is "${configured}"` : `the stack is named "${name}" and ucaas:shard is not set`;
        throw new pulumi.RunError(
            `${roster.file} is split into shards (${roster.shards.join(", ")}), and ${said}, which is none of them. ` +
                "Run the shards with `npx pulumi-ucaas shards up`, or set the stack's shard: `pulumi config set ucaas:shard <name>`.",
        );
    }
    const adopting = new Set((process.env[adoptVariable] ?? "").split(",").filter(Boolean));
    for (const { entry, name: logical } of nameEntries(shard.roster.sections, { tenants: roster.tenants ?? {} })) {
        if (adopting.has(logical)) entry.adopt = true;
    }
    return shard.roster;
}
