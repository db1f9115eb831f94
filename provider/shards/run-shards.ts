/**
 * `pulumi-ucaas shards <operation>`: runs the shards' stacks of a sharded roster through the
 * Automation API, at most `parallel` at once, each with its share of the per-vendor bound, one
 * progress line per shard and a summary. `up` and `preview` run only the shards whose roster
 * changed since their last `up` (the digest in the stack's tag), unless told to run all.
 */
import type * as automation from "@pulumi/pulumi/automation";
import { loadRoster } from "../roster/load";
import { splitRoster, type RosterShard } from "../roster/shards";
import { adoptVariable } from "../roster/stack-shard";
import { findMoves, type Move } from "./moves";
import { dependencyCycle, runScheduled } from "./schedule";
import { appliedHash, existingStacks, forgetResources, openStack, rosterHashTag, stateResources, type ShardStackOptions } from "./shard-stacks";
import { shardConfig, shardShares } from "./shares";

export const shardOperations = ["up", "preview", "refresh", "destroy"] as const;
export type ShardOperation = (typeof shardOperations)[number];

export interface ShardRunOptions extends ShardStackOptions {
    operation: ShardOperation;
    rosterFile: string;
    /** Stack name = prefix + shard name. */
    stackPrefix: string;
    /** Requests in flight per vendor, across all shards. */
    bound: number;
    /** Shard stacks at once. */
    parallel: number;
    /** `up`/`preview`: run unchanged shards too. */
    all: boolean;
    /** Only these shards (all when empty). */
    only: readonly string[];
    /** A stack whose config a newly created shard stack starts from (vendor settings, secrets). */
    configFrom?: string;
    /** Progress: one line per shard, then the summary. */
    note(line: string): void;
}

export interface ShardOutcome {
    shard: string;
    stack: string;
    status: "ok" | "failed" | "unchanged" | "not run";
    detail: string;
    seconds?: number;
}

export interface ShardRunReport {
    outcomes: ShardOutcome[];
    seconds: number;
    failed: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** `+2 created, ~1 updated, 118 unchanged`, from an operation's OpMap. */
function changes(map: automation.OpMap | undefined): string {
    const counts = (map ?? {}) as Record<string, number | undefined>;
    const words: Record<string, string> = { create: "created", update: "updated", replace: "replaced", delete: "deleted", same: "unchanged" };
    const parts = Object.entries(words).filter(([op]) => counts[op]).map(([op, word]) => `${counts[op]} ${word}`);
    return parts.join(", ") || "nothing";
}

/** The lines of a failed Pulumi run that say why. */
function whyFailed(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
    const errors = lines.filter((line) => /error:/i.test(line) && !/^(code|stdout|stderr):/.test(line));
    return (errors.length ? errors : lines.slice(-3)).slice(0, 5).join(" | ");
}

export async function runShards(options: ShardRunOptions): Promise<ShardRunReport> {
    const started = Date.now();
    const roster = loadRoster(options.rosterFile);
    const all = splitRoster(roster);
    const unknown = options.only.filter((name) => !all.some((shard) => shard.name === name));
    if (unknown.length) throw new Error(`no such shard in ${options.rosterFile}: ${unknown.join(", ")} (shards: ${all.map((s) => s.name).join(", ")})`);
    const shards = options.only.length ? all.filter((shard) => options.only.includes(shard.name)) : all;
    const stackOf = (shard: string) => `${options.stackPrefix}${shard}`;
    const existing = await existingStacks(options);
    const op = options.operation;
    const outcomes = new Map<string, ShardOutcome>();
    const skip = (shard: RosterShard, status: ShardOutcome["status"], detail: string) => {
        outcomes.set(shard.name, { shard: shard.name, stack: stackOf(shard.name), status, detail });
        options.note(`${shard.name.padEnd(12)} ${op} ${status}: ${detail}`);
    };

    // Which shards run: every one with a stack (refresh, destroy), or those whose roster changed (up, preview).
    const stacks = new Map<string, automation.Stack>();
    const toRun: RosterShard[] = [];
    for (const shard of shards) {
        const name = stackOf(shard.name);
        if (!existing.has(name) && (op === "refresh" || op === "destroy")) {
            skip(shard, "not run", `no stack ${name}`);
            continue;
        }
        const stack = await openStack(name, options);
        if (!existing.has(name) && options.configFrom) {
            const base = await openStack(options.configFrom, options);
            await stack.setAllConfig(await base.getAllConfig());
        }
        stacks.set(shard.name, stack);
        if ((op === "up" || op === "preview") && !options.all && (await appliedHash(stack)) === shard.hash) {
            skip(shard, "unchanged", "its roster is what its last up applied; not run");
            continue;
        }
        toRun.push(shard);
    }

    // Entries that moved between shards: the new shard adopts them before the old one forgets them.
    let moves: Move[] = [];
    if (op === "up" || op === "preview") {
        const states = new Map<string, Map<string, string>>();
        for (const shard of toRun) states.set(shard.name, await stateResources(stacks.get(shard.name)!));
        moves = findMoves(all, states);
        const stranded = moves.filter((move) => !toRun.some((shard) => shard.name === move.to));
        if (stranded.length) {
            throw new Error(
                `${stranded.map((m) => `${m.name} moves from ${m.from} to ${m.to}`).join("; ")}: run both shards together ` +
                    "(the new one takes the object over, then the old one forgets it; alone the old one would delete it)",
            );
        }
    }

    const names = toRun.map((shard) => shard.name);
    const dependsOn = new Map<string, string[]>(names.map((name) => [name, []]));
    if (op === "up") {
        for (const shard of toRun) dependsOn.get(shard.name)!.push(...shard.dependsOn);
        for (const move of moves) dependsOn.get(move.from)!.push(move.to);
    } else if (op === "destroy") {
        // A shard whose roles others use goes after them.
        for (const shard of toRun) for (const owner of shard.dependsOn) dependsOn.get(owner)?.push(shard.name);
    }
    const cycle = dependencyCycle(names, dependsOn);
    if (cycle) {
        throw new Error(`the shards wait on each other (${cycle.join(" -> ")}): move entries in two steps, or keep the roles they share in one shard`);
    }

    const masergyShards = op === "up" || op === "preview"
        ? toRun.filter((shard) => (shard.roster.sections.masergy?.users?.length ?? 0) > 0 || moves.some((m) => m.from === shard.name)).length
        : toRun.length;
    const shares = shardShares(options.bound, options.parallel, toRun.length, masergyShards);

    const results = await runScheduled(names, dependsOn, shares.parallel, async (name) => {
        const shard = toRun.find((s) => s.name === name)!;
        const incoming = moves.filter((move) => move.to === name);
        const outgoing = moves.filter((move) => move.from === name);
        const stack = incoming.length
            ? await openStack(stackOf(name), options, { [adoptVariable]: incoming.map((move) => move.name).join(",") })
            : stacks.get(name)!;
        await stack.setAllConfig(shardConfig(name, shares));
        const at = Date.now();
        const notes: string[] = [];
        if (incoming.length) notes.push(`takes over ${incoming.map((m) => `${m.name} from ${m.from}`).join(", ")}`);
        let summary: string;
        try {
            switch (op) {
                case "up": {
                    if (outgoing.length) {
                        await forgetResources(stackOf(name), outgoing.map((move) => move.urn), options);
                        notes.push(`forgot ${outgoing.map((m) => `${m.name} (now in ${m.to})`).join(", ")} without deleting it`);
                    }
                    summary = changes((await stack.up({ color: "never" })).summary.resourceChanges);
                    await stack.setTag(rosterHashTag, shard.hash);
                    break;
                }
                case "preview":
                    if (outgoing.length) notes.push(`${outgoing.map((m) => `${m.name} moves to ${m.to}: its delete here is a forget on up`).join(", ")}`);
                    summary = changes((await stack.preview({ color: "never" })).changeSummary);
                    break;
                case "refresh":
                    summary = changes((await stack.refresh({ color: "never" })).summary.resourceChanges);
                    break;
                case "destroy":
                    summary = changes((await stack.destroy({ color: "never" })).summary.resourceChanges);
                    if ((await stack.listTags())[rosterHashTag] !== undefined) await stack.removeTag(rosterHashTag);
                    break;
            }
        } catch (error) {
            const seconds = (Date.now() - at) / 1000;
            outcomes.set(name, { shard: name, stack: stackOf(name), status: "failed", detail: whyFailed(error), seconds });
            options.note(`${name.padEnd(12)} ${op} failed after ${seconds.toFixed(1)} s: ${whyFailed(error)}`);
            throw error;
        }
        const seconds = (Date.now() - at) / 1000;
        const detail = [summary, ...notes].join("; ");
        outcomes.set(name, { shard: name, stack: stackOf(name), status: "ok", detail, seconds });
        options.note(`${name.padEnd(12)} ${op} ok in ${seconds.toFixed(1)} s: ${detail}`);
    });
    let blocked = 0;
    for (const [name, outcome] of results) {
        if (outcome.status === "not run") {
            blocked++;
            skip(toRun.find((s) => s.name === name)!, "not run", outcome.because);
        }
    }

    const ordered = shards.map((shard) => outcomes.get(shard.name)!).filter(Boolean);
    const count = (status: ShardOutcome["status"]) => ordered.filter((o) => o.status === status).length;
    const seconds = (Date.now() - started) / 1000;
    options.note(
        `shards ${op}: ${count("ok")} ok, ${count("failed")} failed, ${count("unchanged")} unchanged, ${count("not run")} not run, ` +
            `in ${seconds.toFixed(1)} s; ${plural(shares.parallel, "stack")} at once, each <= ${shares.requestsPerShard} requests in flight per vendor ` +
            `(<= ${shares.parallel * shares.requestsPerShard} across shards), Masergy polls every interval x ${shares.masergyPollSharedBy} per stack`,
    );
    return { outcomes: ordered, seconds, failed: count("failed") + blocked };
}
