// The ideal wall time of `pulumi up` for a mix, from what the vendors cost and nothing else:
//
//   t_k   = (r_k + j_k) * L + j_k * J      one resource of type k, its requests one after another:
//                                            r_k requests it needs besides job polls, one final poll per
//                                            job (an ideal client learns at once that a job ended), and
//                                            the job itself
//   W     = sum_k n_k * t_k + c * L          all the work, with one token request per credential
//   chain = L + max over dependency chains of sum t_k   (a PbxUser waits for its PbxRole)
//   rounds = max_k ceil(n_k / P) * t_k       P slots, each resource holds one for t_k: some slot
//                                            takes ceil(n_k / P) of type k one after another
//   polls = chain_k + (j_k * n_k - 1) * Q  a vendor whose job polls share one budget for the whole run
//                                            (Masergy: at least Q = the poll interval between any two
//                                            polls, see provider/masergy/poll-budget.ts): every job
//                                            needs at least its final poll, so the last of them comes
//                                            (jobs - 1) intervals after the first job could end
//   bound = max(W / P, chain, rounds, polls)
//
// L = simulator latency per request, J = job duration, P = the engine's parallelism (`--parallel`,
// which defaults to 4 x the CPUs the CLI sees), Q = the poll interval, r_k and j_k counted from the
// simulators' request logs and job lists of the very run (so the provider's read-backs after a write
// are in r_k). Engine and program overheads (CLI start, program start, gRPC,
// checkpoints) are deliberately not in it: the bound is what the vendor APIs force.
"use strict";

/**
 * @param {{ latencyMs: number, jobSeconds: number, parallel: number, credentials: number,
 *   pollSeconds: number, kinds: { kind: string, count: number, requests: number, jobs: number,
 *   dependsOn?: string, sharedPolls?: boolean }[] }} mix
 *   `requests` (besides polls and tokens) and `jobs` are totals over the kind's resources;
 *   `sharedPolls`: the kind's job polls share the run's one poll budget.
 */
function idealBound(mix) {
    const L = mix.latencyMs / 1000;
    const J = mix.jobSeconds;
    const perResource = Object.fromEntries(
        mix.kinds
            .filter((kind) => kind.count > 0)
            .map((kind) => {
                const r = kind.requests / kind.count;
                const j = kind.jobs / kind.count;
                return [kind.kind, { requests: r, jobs: j, seconds: (r + j) * L + j * J }];
            }),
    );
    const work = mix.kinds.reduce((sum, kind) => sum + kind.count * (perResource[kind.kind]?.seconds ?? 0), 0) + mix.credentials * L;
    const chainOf = (kind) => {
        const entry = mix.kinds.find((k) => k.kind === kind);
        if (!entry || !perResource[kind]) return 0;
        return perResource[kind].seconds + (entry.dependsOn ? chainOf(entry.dependsOn) : 0);
    };
    const chain = L + Math.max(0, ...mix.kinds.map((kind) => chainOf(kind.kind)));
    const rounds = Math.max(0, ...mix.kinds.map((kind) => Math.ceil(kind.count / mix.parallel) * (perResource[kind.kind]?.seconds ?? 0)));
    const polls = Math.max(
        0,
        ...mix.kinds.filter((kind) => kind.sharedPolls && kind.jobs > 0).map((kind) => L + chainOf(kind.kind) + (kind.jobs - 1) * mix.pollSeconds),
    );
    return {
        seconds: Math.max(work / mix.parallel, chain, rounds, polls),
        workSeconds: work,
        chainSeconds: chain,
        roundsSeconds: rounds,
        pollsSeconds: polls,
        perResource,
    };
}

module.exports = { idealBound };
