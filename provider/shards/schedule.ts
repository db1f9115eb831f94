/**
 * Runs one task per shard, at most `parallel` at once, each after the shards it depends on; a shard
 * whose dependency failed is not run. Dependencies must form no cycle (checked first).
 */
import { findCycle } from "../roster/cycle";

export type TaskOutcome = { status: "done" } | { status: "failed"; error: unknown } | { status: "not run"; because: string };

/** A cycle among `dependsOn`, as shard names from one back to itself, or undefined. */
export function dependencyCycle(names: readonly string[], dependsOn: ReadonlyMap<string, readonly string[]>): string[] | undefined {
    const cycle = findCycle(names, (name) => dependsOn.get(name) ?? []);
    return cycle && [...cycle, cycle[0]];
}

export async function runScheduled(
    names: readonly string[],
    dependsOn: ReadonlyMap<string, readonly string[]>,
    parallel: number,
    task: (name: string) => Promise<void>,
): Promise<Map<string, TaskOutcome>> {
    const outcomes = new Map<string, TaskOutcome>();
    const running = new Set<string>();
    const waiting = [...names];
    return new Promise((resolve) => {
        const pump = () => {
            for (let i = 0; i < waiting.length && running.size < parallel; ) {
                const name = waiting[i];
                const deps = (dependsOn.get(name) ?? []).filter((dep) => names.includes(dep));
                const blocked = deps.find((dep) => outcomes.has(dep) && outcomes.get(dep)!.status !== "done");
                if (blocked) {
                    outcomes.set(name, { status: "not run", because: `${blocked} did not complete` });
                    waiting.splice(i, 1);
                    i = 0;
                    continue;
                }
                if (deps.some((dep) => !outcomes.has(dep))) {
                    i++;
                    continue;
                }
                waiting.splice(i, 1);
                running.add(name);
                task(name).then(
                    () => outcomes.set(name, { status: "done" }),
                    (error: unknown) => outcomes.set(name, { status: "failed", error }),
                ).finally(() => {
                    running.delete(name);
                    pump();
                });
            }
            if (running.size === 0 && waiting.length === 0) resolve(outcomes);
        };
        pump();
    });
}
