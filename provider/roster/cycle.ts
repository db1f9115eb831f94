/** The first cycle of a directed graph, as the nodes along it (each once), or undefined. Depth-first, in `nodes` order. */
export function findCycle<T>(nodes: readonly T[], next: (node: T) => readonly T[]): T[] | undefined {
    const state = new Map<T, "visiting" | "done">();
    const trail: T[] = [];
    const visit = (node: T): T[] | undefined => {
        if (state.get(node) === "done") return undefined;
        if (state.get(node) === "visiting") return trail.slice(trail.indexOf(node));
        state.set(node, "visiting");
        trail.push(node);
        for (const other of next(node)) {
            const cycle = visit(other);
            if (cycle) return cycle;
        }
        trail.pop();
        state.set(node, "done");
        return undefined;
    };
    for (const node of nodes) {
        const cycle = visit(node);
        if (cycle) return cycle;
    }
    return undefined;
}
