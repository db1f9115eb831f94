/** The most requests a simulator had in flight at once, from its request log (arrival and duration). */
export function maxInFlight(requests: ReadonlyArray<{ at: number; durationMs: number }>): number {
    const edges = requests.flatMap((r) => [
        { at: r.at, step: 1 },
        { at: r.at + r.durationMs, step: -1 },
    ]);
    // An answer that ends when another request arrives frees its slot first.
    edges.sort((a, b) => a.at - b.at || a.step - b.step);
    let now = 0;
    let most = 0;
    for (const edge of edges) {
        now += edge.step;
        most = Math.max(most, now);
    }
    return most;
}
