// bench/results.md: the goals of the benchmark with what this run measured, then a line per size.
"use strict";

const fmt = (value, digits = 1) => (value === undefined || value === null ? "-" : Number(value).toFixed(digits));
const int = (value) => (value === undefined ? "-" : Math.round(value).toLocaleString("en-US"));
const mark = (ok) => (ok === undefined ? "-" : ok ? "yes" : "**no**");

function runOf(results, size) {
    return results.runs.find((run) => run.size === size) ?? results.runs[results.runs.length - 1];
}

/** Polls per job against ceil(job time / interval) + 1. */
function pollFigures(results, run) {
    if (!run?.polls?.jobs) return undefined;
    const expected = Math.ceil(results.settings.jobSeconds / results.settings.pollSeconds) + 1;
    return { perJob: run.polls.polls / run.polls.jobs, expected };
}

/** "3.4 s until the first vendor request, 17.7 s with requests under way (1.17x the bound), 1.0 s after the last". */
function timeSplit(window, boundSeconds) {
    if (!window) return "-";
    return (
        `${fmt(window.firstRequestAfterSeconds)} s until the first vendor request, ` +
        `${fmt(window.vendorBusySeconds)} s with requests under way (${fmt(window.vendorBusySeconds / boundSeconds, 2)}x the bound), ` +
        `${fmt(window.afterLastRequestSeconds)} s after the last`
    );
}

function goalRows(results) {
    const run = runOf(results, results.settings.goalSize);
    const big = runOf(results, Math.max(...results.settings.sizes));
    const floor = results.floors.find((f) => f.size === big.size);
    const upFloor = results.floors.find((f) => f.size === run.size)?.up;
    const noCheckpoints = results.noCheckpoints;
    const providers = Object.entries(run.state.providerBytes).sort(([a], [b]) => a.localeCompare(b));
    const providerOk = providers.every(([, bytes]) => bytes <= 1536) && run.state.providersWithCredentials.length === 0;
    const tokens = Object.entries(run.tokenRequests);
    const polls = pollFigures(results, run);
    const previewRatio = floor ? big.preview.seconds / floor.preview.seconds : undefined;
    return [
        [
            "1",
            "`__provider` bytes per resource, by type",
            providers.map(([kind, bytes]) => `${kind} ${int(bytes)}`).join(", ") +
                (run.state.providersWithCredentials.length ? ` (credential in ${run.state.providersWithCredentials.join(", ")})` : "; no credential in any"),
            "<= 1,536, no credential",
            mark(providerOk),
        ],
        [
            "1",
            `state bytes per resource: the checkpoint file the backend writes after every step / ${run.size} (\`pulumi stack export\`, indented, / ${run.size})`,
            `${int(run.state.checkpointBytesPerResource)} (${int(run.state.bytesPerResource)})`,
            "<= 2,560",
            mark(run.state.checkpointBytesPerResource === undefined ? undefined : run.state.checkpointBytesPerResource <= 2560),
        ],
        ["2", `vendor requests in \`preview\` of ${run.size} unchanged resources`, String(run.preview.vendorRequests), "0", mark(run.preview.vendorRequests === 0)],
        [
            "3",
            `token requests per credential in one \`up\` of ${run.size}`,
            tokens.map(([vendor, count]) => `${vendor} ${count}`).join(", ") + " (UMP has no token)",
            "1",
            mark(tokens.every(([, count]) => count === 1)),
        ],
        [
            "4",
            `\`up\` of ${run.size} (the \`pulumi up\` CLI alone): wall time / ideal bound`,
            `${fmt(run.up.seconds)} s / ${fmt(run.bound.seconds)} s = ${fmt(run.upToBound, 2)}x`,
            "<= 1.3x",
            mark(run.upToBound <= 1.3),
        ],
        ["4", "where that time goes (from the simulators' request logs)", timeSplit(run.up.window, run.bound.seconds), "(context)", "-"],
        ["4", `the engine alone: \`up\` of ${run.size} no-op resources`, upFloor ? `${fmt(upFloor.seconds)} s` : "-", "(context)", "-"],
        [
            "4",
            "checkpoint writes, the engine alone: no-op `up` with / without checkpoints (`PULUMI_SKIP_CHECKPOINTS`)",
            results.floors
                .filter((f) => f.withoutCheckpoints)
                .map((f) => `${int(f.size)}: ${fmt(f.up.seconds)} s / ${fmt(f.withoutCheckpoints.seconds)} s, writes ${fmt(f.checkpointSeconds)} s`)
                .join("; ") || "-",
            "(context)",
            "-",
        ],
        [
            "4",
            "the same `up` with the engine's checkpoints off (`PULUMI_SKIP_CHECKPOINTS`)",
            noCheckpoints
                ? `${fmt(noCheckpoints.up.seconds)} s = ${fmt(noCheckpoints.upToBound, 2)}x the bound` +
                  (noCheckpoints.withCheckpoints === undefined ? "" : ` (with them ${fmt(noCheckpoints.withCheckpoints)} s)`)
                : "-",
            "(context)",
            "-",
        ],
        [
            "5",
            `\`preview\` of ${big.size} unchanged / ${big.size} no-op resources (best of three, alternating)`,
            floor ? `${fmt(big.preview.seconds)} s / ${fmt(floor.preview.seconds)} s = ${fmt(previewRatio, 2)}x` : "not measured",
            "<= 1.2x",
            mark(previewRatio === undefined ? undefined : previewRatio <= 1.2),
        ],
        [
            "6",
            `Masergy polls per job / ceil(${results.settings.jobSeconds} s / ${results.settings.pollSeconds} s) + 1`,
            polls ? `${fmt(polls.perJob, 2)} / ${polls.expected}` : "Masergy not in this build",
            "at most the expected",
            mark(polls ? polls.perJob <= polls.expected : undefined),
        ],
        [
            "7",
            `peak RSS of the dynamic-provider process at ${big.size}`,
            `${fmt(big.peakRssMb)} MB` + (floor ? ` (no-op resources: ${fmt(floor.peakRssMb ?? floor.preview.peakRssMb)} MB)` : ""),
            "<= 300 MB",
            mark(big.peakRssMb <= 300),
        ],
        ...zstdRows(results),
    ];
}

/** `PULUMI_DIY_BACKEND_ZSTD` against the plain file backend: checkpoint bytes and `up` time. */
function zstdRows(results) {
    return (results.zstd ?? []).map((z) => [
        "8",
        `\`PULUMI_DIY_BACKEND_ZSTD\`, \`up\` of ${z.size} ${z.kind} resources: checkpoint bytes and \`up\` time, zstd / plain`,
        z.plain
            ? `${int(z.checkpoint.bytes)} / ${int(z.plain.checkpoint.bytes)} bytes (${fmt((100 * z.checkpoint.bytes) / z.plain.checkpoint.bytes - 100, 0)}%); ` +
              `${fmt(z.up.seconds)} s / ${fmt(z.plain.up.seconds)} s (${fmt((100 * z.up.seconds) / z.plain.up.seconds - 100, 0)}%)` +
              (z.up.samples ? ` (best of ${z.up.samples.length} / ${z.plain.up.samples.length}, alternating)` : "")
            : `${int(z.checkpoint.bytes)} bytes, ${fmt(z.up.seconds)} s (no plain run of that size)`,
        "(context)",
        "-",
    ]);
}

function scalingRows(results) {
    return results.runs.map((run) => {
        const floor = results.floors.find((f) => f.size === run.size);
        const polls = pollFigures(results, run);
        return [
            int(run.size),
            fmt(run.up.seconds),
            fmt(run.bound.seconds),
            fmt(run.upToBound, 2),
            fmt(run.up.window?.firstRequestAfterSeconds),
            fmt(run.up.window?.vendorBusySeconds),
            floor?.up ? fmt(floor.up.seconds) : "-",
            fmt(run.preview.seconds),
            floor ? fmt(floor.preview.seconds) : "-",
            String(run.preview.vendorRequests),
            Object.values(run.tokenRequests).join(" / "),
            polls ? fmt(polls.perJob, 2) : "-",
            int(run.state.checkpointBytesPerResource),
            int(run.state.bytesPerResource),
            fmt(run.peakRssMb),
        ];
    });
}

function table(header, rows) {
    return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n") + "\n";
}

function renderMarkdown(results) {
    const s = results.settings;
    const run = runOf(results, s.goalSize);
    const perResource = Object.entries(run.bound.perResource)
        .map(([kind, r]) => `${kind} ${fmt(r.requests, 2)} requests${r.jobs ? ` + ${fmt(r.jobs, 2)} job` : ""} = ${fmt(r.seconds, 2)} s`)
        .join("; ");
    return [
        `Simulator latency ${s.latencyMs} ms per request, Masergy jobs ${s.jobSeconds} s polled every ${s.pollSeconds} s, ` +
            `engine parallelism ${s.parallel} (the default: 4 x ${results.machine.cpus} CPUs); mix: ${results.vendors.join(", ")}. ` +
            `Node ${results.machine.node}, ${results.machine.cpus} CPUs (${results.machine.model}), ${results.when.slice(0, 10)}; the whole run took ${fmt(results.totalSeconds / 60)} min.`,
        "",
        table(["#", "figure", "measured", "goal", "met"], goalRows(results)),
        table(
            [
                "resources",
                "up (s)",
                "ideal bound (s)",
                "up / bound",
                "until 1st request (s)",
                "requests under way (s)",
                "no-op up (s)",
                "preview (s)",
                "no-op preview (s)",
                "preview vendor requests",
                "token requests per credential",
                "polls per job",
                "checkpoint bytes / resource",
                "export bytes / resource",
                "peak RSS (MB)",
            ],
            scalingRows(results),
        ),
        `Ideal bound at ${run.size}: per resource, requests x ${s.latencyMs} ms plus job time (${perResource}); ` +
            `all work ${fmt(run.bound.workSeconds)} s / ${s.parallel} in parallel = ${fmt(run.bound.workSeconds / s.parallel)} s, ` +
            `longest dependency chain ${fmt(run.bound.chainSeconds, 2)} s, ` +
            `rounds of ${s.parallel} of the slowest type ${fmt(run.bound.roundsSeconds, 2)} s` +
            (run.bound.pollsSeconds ? `, Masergy's shared poll budget (one poll per ${s.pollSeconds} s for all jobs, at least one per job) ${fmt(run.bound.pollsSeconds, 2)} s` : "") +
            "; the bound is the largest. Times are the `pulumi up` CLI alone.",
        "",
    ].join("\n");
}

module.exports = { renderMarkdown };
