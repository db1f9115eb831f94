// When the vendors were busy during a run, from the simulators' request logs: how long after the
// start of `up` the first request arrived, how long before its end the last one finished, and how
// many requests were in flight at most. What lies outside that window is the engine's and the
// program's own time.
"use strict";

function vendorWindow(requests, startedAt, endedAt) {
    if (!requests.length) return undefined;
    const events = requests.flatMap((r) => [[r.at, 1], [r.at + r.durationMs, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let inFlight = 0;
    let maxInFlight = 0;
    for (const [, delta] of events) maxInFlight = Math.max(maxInFlight, (inFlight += delta));
    const first = Math.min(...requests.map((r) => r.at));
    const last = Math.max(...requests.map((r) => r.at + r.durationMs));
    return {
        firstRequestAfterSeconds: (first - startedAt) / 1000,
        vendorBusySeconds: (last - first) / 1000,
        afterLastRequestSeconds: (endedAt - last) / 1000,
        maxInFlight,
    };
}

module.exports = { vendorWindow };
