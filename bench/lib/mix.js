// The mix table (bench/program/mix.js) on the runner's side: how many resources of each type a size
// gets, and the simulators behind them.
"use strict";
const { simulatorConfig } = require("../../scripts/simulator-config");
const { vendors } = require("../program/mix");

/** Resources of each type for `size`, split by share (largest remainder, so they add up to `size`). */
function mixCounts(vendorList, size) {
    const kinds = vendorList.flatMap((vendor) => vendor.resources);
    const shares = kinds.reduce((sum, kind) => sum + kind.share, 0);
    const exact = kinds.map((kind) => (size * kind.share) / shares);
    const counts = exact.map(Math.floor);
    const order = exact.map((value, index) => [value - Math.floor(value), index]).sort((a, b) => b[0] - a[0]);
    for (let left = size - counts.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) counts[order[i][1]]++;
    return Object.fromEntries(kinds.map((kind, index) => [kind.kind, counts[index]]));
}

/** Starts every vendor's simulator; the handle resets, seeds, configures and reads them together. */
async function startSimulators(vendorList, sims, settings) {
    const running = await Promise.all(vendorList.map(async (vendor) => ({ vendor, sim: await vendor.start(sims, settings) })));
    return {
        running,
        /** Fresh vendor state for a run of `counts` resources. */
        prepare(counts) {
            for (const { vendor, sim } of running) {
                sim.reset();
                vendor.prepare?.(sim, counts);
            }
        },
        config: () => Object.assign({}, ...running.map(({ vendor, sim }) => vendor.config(sim, settings, simulatorConfig))),
        context: () => Object.fromEntries(running.map(({ vendor, sim }) => [vendor.vendor, vendor.context?.(sim) ?? {}])),
        credentials: () => running.flatMap(({ vendor, sim }) => vendor.credentials(sim).filter(Boolean)),
        clearRequests: () => running.forEach(({ sim }) => sim.clearRequests()),
        requests: () => running.flatMap(({ sim }) => sim.requests()),
        /** Requests since the last clear, per vendor and class (a resource kind, "token" or "poll"), plus jobs run. */
        tally() {
            return Object.fromEntries(
                running.map(({ vendor, sim }) => {
                    const byClass = {};
                    for (const request of sim.requests()) {
                        const key = vendor.classify(request);
                        byClass[key] = (byClass[key] ?? 0) + 1;
                    }
                    return [vendor.vendor, { requests: byClass, jobs: vendor.jobs?.(sim) ?? 0 }];
                }),
            );
        },
        stop: () => Promise.all(running.map(({ sim }) => sim.stop())),
    };
}

module.exports = { vendors, mixCounts, startSimulators };
