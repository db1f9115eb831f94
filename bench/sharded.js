#!/usr/bin/env node
// `npm run bench:shards`: the benchmark's resource mix as one roster split into shards, run by
// `pulumi-ucaas shards` against the simulators (same latency, jobs and polls as bench/run.js).
//
// For each size: a fresh `shards up` of the whole roster (its wall time against the ideal bound at
// the same total concurrency per vendor, the most requests any vendor had in flight, the peak RSS of
// each shard's dynamic provider), `shards preview` of the unchanged roster (every shard skipped),
// `shards preview --all` (every shard's engine runs; vendor requests counted), and `shards preview`
// after one entry changed (which shards ran). Writes bench/sharded-results.md.
//
// Options: --sizes 1000,5000 --shards 4 --parallel 4 --max-concurrency 8 --latency-ms 50
// --job-seconds 2 --poll-seconds 1 --out bench/sharded-results.md
"use strict";
const { execFile } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const automation = require("@pulumi/pulumi/automation");
const sims = require("../dist/simulators");
const { rosterSections } = require("../dist/provider/roster/sections");
const { idealBound } = require("./lib/bound");
const { vendors, mixCounts, startSimulators } = require("./lib/mix");
const { prepareProgram } = require("./lib/program");
const { sampleDynamicProviderRss } = require("./lib/rss");

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
}
const settings = {
    latencyMs: Number(option("latency-ms", "50")),
    jobSeconds: Number(option("job-seconds", "2")),
    pollSeconds: Number(option("poll-seconds", "1")),
};
const sizes = option("sizes", "1000,5000").split(",").filter(Boolean).map(Number);
const shardCount = Number(option("shards", "4"));
const parallel = Number(option("parallel", "4"));
const bound = Number(option("max-concurrency", "8"));
const workDir = path.join(__dirname, "out", "sharded");
const resultsFile = path.resolve(option("out", path.join(__dirname, "sharded-results.md")));

const log = (text) => process.stderr.write(`bench:shards: ${text}\n`);
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const env = () => ({
    ...process.env,
    PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
});

// The program a consumer of a sharded roster writes: the shard of this stack, by `ucaas:shard`.
const programText = `"use strict";
const path = require("node:path");
const ucaas = require("pulumi-ucaas");
const roster = ucaas.loadRoster(path.join(__dirname, "roster.yaml"));
const declared = ucaas.deployRoster(roster);
module.exports = { resources: Object.keys(declared).length };
`;

const sectionOf = (kind) => rosterSections.find((section) => section.kind === kind);

/**
 * The mix as a roster: every secret a `{ secret: key }` reference (one key per field and type, kept
 * in the base stack's config), users of one PBX role in one shard (the role goes with them), each
 * group in its members' shard, the other entries round robin over the shards.
 */
function rosterOf(counts, context, shards) {
    const secrets = {};
    const data = { shards };
    const roles = counts.PbxRole ?? 0;
    const users = counts.PbxUser ?? 0;
    const userShard = (i) => shards[(roles ? i % roles : i) % shards.length];
    for (const vendor of vendors) {
        for (const resource of vendor.resources) {
            const section = sectionOf(resource.kind);
            const list = [];
            for (let i = 0; i < (counts[resource.kind] ?? 0); i++) {
                const entry = resource.args(i, {}, context[vendor.vendor] ?? {});
                for (const key of section.secretKeys) {
                    if (entry[key] === undefined) continue;
                    const configKey = `bench${resource.kind}${key[0].toUpperCase()}${key.slice(1)}`;
                    secrets[configKey] ??= entry[key];
                    entry[key] = { secret: configKey };
                }
                if (resource.kind === "PbxUser") {
                    entry.role = roles ? `BenchRole${i % roles}` : "StandardUser";
                    entry.shard = userShard(i);
                } else if (resource.kind === "PbxGroup") {
                    // A group with members of its own shard, as a site's groups hold the site's users:
                    // users i and i + roles share a role, so a shard. (Members in another shard would
                    // make the shards wait on each other, which the command refuses as a cycle.)
                    entry.members = [i, i + (roles || shards.length)].filter((j) => j < users).map((j) => String(100000 + j));
                    entry.shard = userShard(i);
                } else if (resource.kind !== "PbxRole") {
                    entry.shard = shards[i % shards.length];
                }
                list.push(entry);
            }
            (data[section.vendor] ??= {})[section.list] = list;
        }
    }
    data.sections = rosterSections.filter((s) => data[s.vendor]?.[s.list]).map((s) => `${s.vendor}.${s.list}`);
    // JSON is YAML; `sections` is the last key.
    return { text: JSON.stringify(data, null, 1), secrets, data };
}

/** Runs `pulumi-ucaas shards ...` as installed in the program; its progress lines. */
function shardsCli(programDir, args) {
    const cli = path.join(programDir, "node_modules", "pulumi-ucaas", "dist", "provider", "cli", "main.js");
    return new Promise((resolve, reject) => {
        execFile(process.execPath, [cli, "shards", ...args], { cwd: programDir, env: env(), maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
            const lines = stderr.trim().split("\n");
            if (error) reject(new Error(`shards ${args.join(" ")} failed:\n${lines.slice(-20).join("\n")}`));
            else resolve(lines);
        });
    });
}

async function timedCli(programDir, args) {
    const sampler = sampleDynamicProviderRss();
    const started = performance.now();
    try {
        const lines = await shardsCli(programDir, args);
        return { lines, seconds: round((performance.now() - started) / 1000), rss: sampler.stop() };
    } finally {
        sampler.stop();
    }
}

/** The most requests a vendor had in flight at once, from its simulator's log. */
function maxInFlight(requests) {
    const edges = requests.flatMap((r) => [[r.at, 1], [r.at + r.durationMs, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0;
    let most = 0;
    for (const [, step] of edges) most = Math.max(most, (now += step));
    return most;
}

/**
 * The vendors' bound with `bound` requests in flight per vendor across shards: each vendor's work
 * over its own slots (vendors proceed side by side), the longest dependency chain, and rounds.
 */
function shardedBound(counts, tally) {
    const perVendor = vendors.map((vendor) => {
        const kinds = vendor.resources.map((resource) => ({
            kind: resource.kind,
            count: counts[resource.kind],
            dependsOn: resource.dependsOn,
            requests: tally[vendor.vendor].requests[resource.kind] ?? 0,
            jobs: vendor.resources.length === 1 ? tally[vendor.vendor].jobs : 0,
        }));
        return { vendor: vendor.vendor, ...idealBound({ ...settings, parallel: bound, credentials: vendor.tokens === false ? 0 : shardCount, kinds }) };
    });
    // Masergy's poll rule, across all shards: one poll per interval, and every job needs at least one.
    const masergy = perVendor.find((v) => v.vendor === "masergy");
    if (masergy) {
        masergy.pollFloorSeconds = tally.masergy.jobs * settings.pollSeconds;
        masergy.seconds = Math.max(masergy.seconds, masergy.pollFloorSeconds);
    }
    const slowest = perVendor.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    return { seconds: slowest.seconds, vendor: slowest.vendor, perVendor };
}

async function measure(programDir, simulators, size) {
    const shards = Array.from({ length: shardCount }, (_, i) => `s${i}`);
    const counts = mixCounts(vendors, size);
    simulators.prepare(counts);
    const roster = rosterOf(counts, simulators.context(), shards);
    fs.writeFileSync(path.join(programDir, "roster.yaml"), roster.text);
    // A fresh backend per size; the base stack holds the vendor settings and the roster's secrets.
    fs.rmSync(path.join(workDir, "state"), { recursive: true, force: true });
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
    for (const file of fs.readdirSync(programDir).filter((f) => /^Pulumi\..+\.yaml$/.test(f))) fs.rmSync(path.join(programDir, file));
    const base = await automation.LocalWorkspace.createOrSelectStack({ stackName: "base", workDir: programDir }, { envVars: env() });
    await base.setAllConfig({
        ...simulators.config(),
        ...Object.fromEntries(Object.entries(roster.secrets).map(([key, value]) => [key, { value: String(value), secret: true }])),
    });
    const common = ["--max-concurrency", String(bound), "--parallel", String(parallel)];

    log(`${size} resources in ${shardCount} shards ${JSON.stringify(counts)}: shards up ...`);
    simulators.clearRequests();
    const up = await timedCli(programDir, ["up", "--config-from", "base", ...common]);
    const tally = simulators.tally();
    const inFlight = Object.fromEntries(simulators.running.map(({ vendor, sim }) => [vendor.vendor, maxInFlight(sim.requests())]));
    const limit = shardedBound(counts, tally);
    log(`up ${up.seconds} s (bound ${round(limit.seconds)} s); most in flight ${JSON.stringify(inFlight)}`);

    simulators.clearRequests();
    const skipped = await timedCli(programDir, ["preview", ...common]);
    const skippedRequests = simulators.requests().length;
    simulators.clearRequests();
    const previewAll = await timedCli(programDir, ["preview", "--all", ...common]);
    const previewAllRequests = simulators.requests().length;
    log(`preview unchanged ${skipped.seconds} s (${skippedRequests} requests), preview --all ${previewAll.seconds} s (${previewAllRequests} requests)`);

    // One entry changes: a PBX user's display name.
    const changed = roster.data.pbx.users[1];
    changed.displayName = `${changed.displayName} (changed)`;
    fs.writeFileSync(path.join(programDir, "roster.yaml"), JSON.stringify(roster.data, null, 1));
    simulators.clearRequests();
    const oneChange = await timedCli(programDir, ["preview", ...common]);
    const ran = oneChange.lines.filter((line) => / preview ok /.test(line)).map((line) => line.split(" ")[0]);
    log(`one entry changed (shard ${changed.shard}): preview ran ${ran.join(", ")} in ${oneChange.seconds} s`);

    return {
        size, counts, up, limit, inFlight, tally,
        skipped: { seconds: skipped.seconds, requests: skippedRequests },
        previewAll: { seconds: previewAll.seconds, requests: previewAllRequests },
        oneChange: { seconds: oneChange.seconds, requests: simulators.requests().length, ran, expected: changed.shard },
    };
}

function render(results) {
    const rows = results.map((r) => [
        r.size.toLocaleString("en-US"),
        r.up.seconds,
        `${round(r.limit.seconds)} (${r.limit.vendor})`,
        round(r.up.seconds / r.limit.seconds),
        round((r.up.seconds / r.size) * 1000, 1),
        Object.entries(r.inFlight).map(([v, n]) => `${v} ${n}`).join(", "),
        round(r.up.rss.peakMb ?? r.up.rss.mb ?? 0, 1),
        `${r.skipped.seconds} s, ${r.skipped.requests} requests`,
        `${r.previewAll.seconds} s, ${r.previewAll.requests} requests`,
        `${r.oneChange.ran.join(", ") || "none"} (changed: ${r.oneChange.expected}), ${r.oneChange.seconds} s`,
    ]);
    const header = ["users (mix)", "shards up (s)", "bound (s)", "up / bound", "ms per resource", "most requests in flight per vendor", "peak RSS of one shard's provider (MB)", "preview, unchanged", "preview --all, unchanged", "preview after one change ran"];
    return [
        "# Sharded benchmark (`npm run bench:shards`)",
        "",
        `Generated by bench/sharded.js on ${new Date().toISOString().slice(0, 10)}: the mix of bench/program/mix.js as one roster in ${shardCount} shards, ` +
            `\`pulumi-ucaas shards\` with --parallel ${parallel} --max-concurrency ${bound} (each shard stack <= ${Math.floor(bound / Math.min(parallel, shardCount))} requests ` +
            `in flight per vendor), simulator latency ${settings.latencyMs} ms, Masergy jobs ${settings.jobSeconds} s polled every ${settings.pollSeconds} s ` +
            `(times ${Math.min(parallel, shardCount)} per shard: ucaas:masergyPollSharedBy). Machine: ${require("node:os").availableParallelism()} CPUs shared with other work; Node ${process.version}.`,
        "",
        `The bound is the vendors' ideal (bench/lib/bound.js) with ${bound} requests in flight per vendor across all shards: each vendor's work over its ${bound} slots, ` +
            "vendors side by side, the slowest vendor deciding; for Masergy at least one poll per job at one poll per interval across all shards (the poll rule); request counts from the simulators' logs of the very run. Wall time is the whole `shards up` " +
            "(stack selection, config, tags, every shard's `pulumi up`).",
        "",
        `| ${header.join(" | ")} |`,
        `| ${header.map(() => "---").join(" | ")} |`,
        ...rows.map((row) => `| ${row.join(" | ")} |`),
        "",
        ...results.map((r) => `- ${r.size}: ${JSON.stringify(r.counts)}; bound per vendor: ${r.limit.perVendor.map((v) => `${v.vendor} ${round(v.seconds)} s${v.pollFloorSeconds !== undefined ? ` (poll floor ${v.pollFloorSeconds} s: ${r.tally.masergy.jobs} jobs x one poll per ${settings.pollSeconds} s)` : ""}`).join(", ")}.`),
        "",
    ].join("\n");
}

async function main() {
    fs.mkdirSync(workDir, { recursive: true });
    log("packing the package and installing the program ...");
    const programDir = await prepareProgram(workDir);
    fs.writeFileSync(path.join(programDir, "index.js"), programText);
    const simulators = await startSimulators(vendors, sims, settings);
    const results = [];
    try {
        for (const size of sizes) {
            results.push(await measure(programDir, simulators, size));
            fs.writeFileSync(resultsFile, render(results));
            log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
        }
    } finally {
        await simulators.stop();
    }
}

main().catch((error) => {
    process.stderr.write(`bench:shards: ${error.stack ?? error}\n`);
    process.exitCode = 1;
});
