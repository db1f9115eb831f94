#!/usr/bin/env node
// `npm run bench`: the provider against the vendors' latency bound and the engine's own floor.
//
// In one process tree: the vendor simulators run in this process with a fixed latency per request and
// job duration; bench/program (installed from the packed package) is run by the real Pulumi engine
// on a local file backend, for each size of the mix in bench/program/mix.js: a fresh `up` (the
// `pulumi up` CLI itself, timed alone: the Automation API's `up` adds `stack output` and `stack
// history` calls after it), a `preview` of the unchanged stack, and `pulumi stack export`. The same
// program in no-op mode gives the engine's floor. At the goal size the `up` runs again with the
// engine's checkpoints off, which leaves the time the checkpoint writes take; at the zstd sizes
// the `up` runs again on a zstd-compressed file backend. Writes bench/results.json,
// bench/results.md, bench/scaling.png.
//
// Options: --sizes 100,200,500,1000 --floor-sizes 200,1000 --goal-size 200 --zstd-size 500
// --zstd-floor-size 200 (0 skips) --latency-ms 50 --job-seconds 2 --poll-seconds 1 --out <dir for
// the results>; `--render <results.json>` only renders results.md and scaling.png again from a
// results file, next to it. For a quick run: --sizes 20 --floor-sizes 20 --goal-size 20
// --zstd-size 20 --zstd-floor-size 20.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const automation = require("@pulumi/pulumi/automation");
const sims = require("../dist/simulators");
const { idealBound } = require("./lib/bound");
const { writeChart } = require("./lib/chart");
const { vendors, mixCounts, startSimulators } = require("./lib/mix");
const { prepareProgram } = require("./lib/program");
const { renderMarkdown } = require("./lib/report");
const { sampleDynamicProviderRss } = require("./lib/rss");
const { analyzeState, exportedState } = require("./lib/state");
const { vendorWindow } = require("./lib/timeline");

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
}
const numbers = (text) => text.split(",").filter(Boolean).map(Number);

const settings = {
    latencyMs: Number(option("latency-ms", "50")),
    jobSeconds: Number(option("job-seconds", "2")),
    pollSeconds: Number(option("poll-seconds", "1")),
};
const sizes = numbers(option("sizes", "100,200,500,1000"));
const floorSizes = numbers(option("floor-sizes", "200,1000"));
const goalSize = Number(option("goal-size", "200"));
const zstdSize = Number(option("zstd-size", "500"));
const zstdFloorSize = Number(option("zstd-floor-size", "200"));
const resultsDir = path.resolve(option("out", __dirname));
const workDir = path.join(__dirname, "out");
// The engine's default `--parallel` is 4 x GOMAXPROCS (the CPUs the CLI may use), unless PULUMI_PARALLEL says otherwise.
const parallel = Number(process.env.PULUMI_PARALLEL) > 0 ? Number(process.env.PULUMI_PARALLEL) : 4 * os.availableParallelism();
/** Previews of each kind at a floor size (the mixed stack's first one included). */
const previewRounds = 3;
/** The DIY backend rewrites the whole state file after every step; this engine switch saves it only at the end. */
const withoutCheckpoints = { PULUMI_SKIP_CHECKPOINTS: "true" };
/** New stacks on the DIY backend written zstd-compressed (`<stack>.json.zst`). */
const zstd = { PULUMI_DIY_BACKEND_ZSTD: "true" };
const project = "ucaas-bench";

const log = (text) => process.stderr.write(`bench: ${text}\n`);
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs `action` while sampling the dynamic provider's RSS; wall seconds, epoch start and end. */
async function timed(action) {
    const sampler = sampleDynamicProviderRss();
    const startedAt = Date.now();
    const started = performance.now();
    try {
        const result = await action();
        return { result, seconds: round((performance.now() - started) / 1000), startedAt, endedAt: Date.now(), rss: sampler.stop() };
    } finally {
        sampler.stop();
    }
}

async function newStack(programDir, name, config, envVars = {}) {
    const stack = await automation.LocalWorkspace.createOrSelectStack(
        { stackName: name, workDir: programDir },
        { envVars: { PULUMI_BACKEND_URL: `file://${path.join(workDir, "state")}`, PULUMI_CONFIG_PASSPHRASE: "bench-passphrase", ...envVars } },
    );
    await stack.setAllConfig(config);
    return stack;
}

/** The stack's checkpoint file as the DIY backend wrote it, and its size. */
function checkpointFile(stack) {
    const base = path.join(workDir, "state", ".pulumi", "stacks", project, `${stack.name}.json`);
    const file = [base, `${base}.zst`, `${base}.gz`].find((candidate) => fs.existsSync(candidate));
    return { file: path.basename(file), bytes: fs.statSync(file).size };
}

/**
 * `pulumi up` of the stack, the CLI alone, as CI runs it; what it changed, from the stack's history
 * afterwards (not timed). Its output is kept only to explain a failure.
 */
async function cliUp(stack) {
    const env = { ...process.env, ...stack.workspace.envVars };
    const args = ["up", "--yes", "--skip-preview", "--non-interactive", "--suppress-progress", "--stack", stack.name];
    const up = await timed(
        () =>
            new Promise((resolve, reject) => {
                const child = spawn("pulumi", args, { cwd: stack.workspace.workDir, env, stdio: ["ignore", "pipe", "pipe"] });
                let tail = "";
                const keep = (chunk) => (tail = (tail + chunk).slice(-20_000));
                child.stdout.on("data", keep);
                child.stderr.on("data", keep);
                child.on("error", reject);
                child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pulumi up of ${stack.name} exited with ${code}:\n${tail}`))));
            }),
    );
    const [last] = await stack.history(1);
    return { ...up, result: { summary: last } };
}

function programConfig(simulators, counts, noop) {
    return {
        "bench:counts": { value: JSON.stringify(counts) },
        "bench:context": { value: JSON.stringify(simulators.context()) },
        ...(noop ? { "bench:noop": { value: "true" } } : simulators.config()),
    };
}

/** Operations of an up or preview summary that touched something, e.g. { create: 201 }. */
function changes(summary) {
    return Object.fromEntries(Object.entries(summary ?? {}).filter(([, count]) => count));
}

function expectChanges(what, summary, op, expected) {
    const ops = changes(summary);
    if (Object.keys(ops).some((key) => key !== op) || ops[op] !== expected) {
        throw new Error(`${what}: expected ${op} x ${expected}, got ${JSON.stringify(ops)}`);
    }
}

/** A fresh `up` of `size` mixed resources against freshly reset simulators; the timings and request log. */
async function upMix(programDir, simulators, size, name, envVars) {
    const counts = mixCounts(vendors, size);
    simulators.prepare(counts);
    const stack = await newStack(programDir, name, programConfig(simulators, counts, false), envVars);
    log(`${size} resources ${JSON.stringify(counts)}${envVars ? ` (${Object.keys(envVars).join(", ")})` : ""}: up ...`);
    const up = await cliUp(stack);
    expectChanges(`up of ${size}`, up.result.summary.resourceChanges, "create", size + 1);
    return { stack, counts, up, tally: simulators.tally(), window: vendorWindow(simulators.requests(), up.startedAt, up.endedAt) };
}

function boundOf(counts, tally) {
    const kinds = vendors.flatMap((vendor) =>
        vendor.resources.map((resource) => ({
            kind: resource.kind,
            count: counts[resource.kind],
            dependsOn: resource.dependsOn,
            requests: tally[vendor.vendor].requests[resource.kind] ?? 0,
            // A vendor's jobs belong to its one resource type (only Masergy has jobs).
            jobs: vendor.resources.length === 1 ? tally[vendor.vendor].jobs : 0,
            sharedPolls: vendor.sharedPolls ?? false,
        })),
    );
    const credentials = vendors.filter((vendor) => vendor.tokens !== false).length;
    return idealBound({ ...settings, parallel, credentials, kinds });
}

async function measureMix(programDir, simulators, size) {
    const { stack, counts, up, tally, window } = await upMix(programDir, simulators, size, `mix-${size}`);
    simulators.clearRequests();

    log(`${size} resources: preview of the unchanged stack ...`);
    const preview = await timed(() => stack.preview());
    expectChanges(`preview of ${size}`, preview.result.changeSummary, "same", size + 1);
    const previewRequests = simulators.requests().length;

    const state = { ...analyzeState(await exportedState(stack), size, simulators.credentials()), checkpoint: checkpointFile(stack) };
    state.checkpointBytesPerResource = Math.round(state.checkpoint.bytes / size);
    const bound = boundOf(counts, tally);
    const result = {
        size,
        counts,
        up: { seconds: up.seconds, peakRssMb: up.rss.peakMb, window, requests: mapValues(tally, (t) => t.requests) },
        bound,
        upToBound: round(up.seconds / bound.seconds, 2),
        tokenRequests: Object.fromEntries(vendors.filter((v) => v.tokens !== false).map((v) => [v.vendor, tally[v.vendor].requests.token ?? 0])),
        polls: jobPolls(tally),
        preview: { seconds: preview.seconds, samples: [preview.seconds], peakRssMb: preview.rss.peakMb, vendorRequests: previewRequests },
        peakRssMb: Math.max(up.rss.peakMb, preview.rss.peakMb),
        state,
    };
    log(`${size} resources: up ${up.seconds} s (bound ${round(bound.seconds, 1)} s), preview ${preview.seconds} s, peak RSS ${result.peakRssMb} MB`);
    // The stack stays for the floor's alternating previews; it is not part of the results.
    Object.defineProperty(result, "stack", { value: stack, enumerable: false });
    return result;
}

/**
 * The same `up` with the engine's checkpoints off: how close the provider itself comes to the bound.
 * (What the writes cost shows better in the floor's pair of `up`s, where no vendor wait hides them.)
 */
async function measureWithoutCheckpoints(programDir, simulators, size, mixRun) {
    const { counts, up, tally, window } = await upMix(programDir, simulators, size, `mix-${size}-nocp`, withoutCheckpoints);
    const bound = boundOf(counts, tally);
    return {
        size,
        up: { seconds: up.seconds, window },
        bound: bound.seconds,
        upToBound: round(up.seconds / bound.seconds, 2),
        withCheckpoints: mixRun ? mixRun.up.seconds : undefined,
    };
}

/** The same `up` of `size` mixed resources on a zstd-compressed state file; against the plain run of that size. */
async function measureZstd(programDir, simulators, size, mixRun) {
    const { stack, up } = await upMix(programDir, simulators, size, `mix-${size}-zstd`, zstd);
    const checkpoint = checkpointFile(stack);
    return {
        size,
        up: { seconds: up.seconds },
        checkpoint,
        plain: mixRun ? { up: { seconds: mixRun.up.seconds }, checkpoint: mixRun.state.checkpoint } : undefined,
    };
}

/** A fresh `up` of `size` no-op resources on a new stack: its time and checkpoint file. */
async function noopUp(programDir, simulators, size, name, envVars) {
    const stack = await newStack(programDir, name, programConfig(simulators, mixCounts(vendors, size), true), envVars);
    const up = await cliUp(stack);
    expectChanges(`no-op up of ${size} (${name})`, up.result.summary.resourceChanges, "create", size + 1);
    return { stack, up, checkpoint: checkpointFile(stack) };
}

/**
 * No-op `up`s of `size` on zstd-compressed and plain state files, alternating, two of each (the
 * floor's own `up` counts among the plain ones); each keeps its best time, as the previews do.
 */
async function measureZstdFloor(programDir, simulators, size, floor) {
    log(`${size} no-op resources: up with zstd and plain state files, alternating ...`);
    const zstdUps = [];
    const plainUps = floor ? [{ up: floor.up, checkpoint: floor.checkpoint }] : [];
    for (let round = 0; round < 2; round++) {
        zstdUps.push(await noopUp(programDir, simulators, size, `noop-${size}-zstd-${round}`, zstd));
        if (plainUps.length < 2) plainUps.push(await noopUp(programDir, simulators, size, `noop-${size}-plain-${round}`));
    }
    const best = (ups) => ({ seconds: Math.min(...ups.map((u) => u.up.seconds)), samples: ups.map((u) => u.up.seconds) });
    return { size, up: best(zstdUps), checkpoint: zstdUps[0].checkpoint, plain: { up: best(plainUps), checkpoint: plainUps[0].checkpoint } };
}

/**
 * The engine's floor: as many no-op dynamic resources with the same arguments, `up` then `preview`.
 * Both run as the mixed stack's do (the `up` with the engine's default checkpointing).
 * The previews of the no-op and the mixed stack of that size then alternate, three of each in all,
 * and each keeps its best time, so a burst of load on this shared machine does not decide the ratio.
 */
async function measureFloor(programDir, simulators, size, mixRun) {
    log(`${size} no-op resources: up with and without checkpoints, then preview, alternating with the mixed stack's ...`);
    const { stack, up, checkpoint } = await noopUp(programDir, simulators, size, `noop-${size}`);
    // What the checkpoint writes cost the engine alone: nothing waits for a vendor here.
    const noCheckpoints = (await noopUp(programDir, simulators, size, `noop-${size}-nocp`, withoutCheckpoints)).up;
    const previews = [];
    for (let round = 0; round < previewRounds; round++) {
        const preview = await timed(() => stack.preview());
        expectChanges(`no-op preview of ${size}`, preview.result.changeSummary, "same", size + 1);
        previews.push(preview);
        if (round < previewRounds - 1 && mixRun) await previewMix(mixRun);
    }
    return {
        size,
        up: { seconds: up.seconds, peakRssMb: up.rss.peakMb },
        withoutCheckpoints: { seconds: noCheckpoints.seconds },
        checkpointSeconds: round(up.seconds - noCheckpoints.seconds, 1),
        checkpoint,
        preview: { seconds: Math.min(...previews.map((p) => p.seconds)), samples: previews.map((p) => p.seconds), peakRssMb: Math.max(...previews.map((p) => p.rss.peakMb)) },
        peakRssMb: Math.max(up.rss.peakMb, ...previews.map((p) => p.rss.peakMb)),
    };
}

/** Another preview of a mixed stack; its time counts among the run's preview samples. */
async function previewMix(run) {
    const preview = await timed(() => run.stack.preview());
    expectChanges(`preview of ${run.size}`, preview.result.changeSummary, "same", run.size + 1);
    run.preview.samples.push(preview.seconds);
    run.preview.seconds = Math.min(...run.preview.samples);
    run.preview.peakRssMb = Math.max(run.preview.peakRssMb, preview.rss.peakMb);
    run.peakRssMb = Math.max(run.peakRssMb, preview.rss.peakMb);
}

/** Job status polls and jobs, over the vendors that run jobs (Masergy); undefined when none did. */
function jobPolls(tally) {
    const withJobs = Object.values(tally).filter((t) => t.jobs > 0);
    return withJobs.length
        ? { polls: withJobs.reduce((sum, t) => sum + (t.requests.poll ?? 0), 0), jobs: withJobs.reduce((sum, t) => sum + t.jobs, 0) }
        : undefined;
}

const mapValues = (object, fn) => Object.fromEntries(Object.entries(object).map(([key, value]) => [key, fn(value)]));

async function writeReport(results, dir) {
    fs.writeFileSync(path.join(dir, "results.md"), renderMarkdown(results));
    await writeChart(results, path.join(dir, "scaling.png"));
}

async function main() {
    const render = option("render");
    if (render) {
        await writeReport(JSON.parse(fs.readFileSync(render, "utf8")), path.dirname(path.resolve(render)));
        return;
    }
    const started = performance.now();
    fs.rmSync(path.join(workDir, "state"), { recursive: true, force: true });
    fs.mkdirSync(path.join(workDir, "state"), { recursive: true });
    fs.mkdirSync(resultsDir, { recursive: true });
    log("installing the packed package into bench/out/program ...");
    const programDir = await prepareProgram(workDir);
    const simulators = await startSimulators(vendors, sims, settings);
    try {
        const runs = [];
        for (const size of sizes) runs.push(await measureMix(programDir, simulators, size));
        const noCheckpoints = await measureWithoutCheckpoints(programDir, simulators, goalSize, runs.find((run) => run.size === goalSize));
        const floors = [];
        for (const size of floorSizes) floors.push(await measureFloor(programDir, simulators, size, runs.find((run) => run.size === size)));
        const zstdRuns = [];
        if (zstdSize) zstdRuns.push({ kind: "mixed", ...(await measureZstd(programDir, simulators, zstdSize, runs.find((run) => run.size === zstdSize))) });
        if (zstdFloorSize) {
            const floor = floors.find((f) => f.size === zstdFloorSize);
            zstdRuns.push({ kind: "no-op", ...(await measureZstdFloor(programDir, simulators, zstdFloorSize, floor)) });
        }
        const results = {
            when: new Date().toISOString(),
            machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => round(l, 2)), node: process.version },
            settings: { ...settings, parallel, sizes, floorSizes, goalSize, zstdSize, zstdFloorSize, timing: "pulumi up CLI alone" },
            vendors: vendors.map((vendor) => vendor.vendor),
            runs,
            noCheckpoints,
            floors,
            zstd: zstdRuns,
            totalSeconds: round((performance.now() - started) / 1000, 1),
        };
        fs.writeFileSync(path.join(resultsDir, "results.json"), JSON.stringify(results, null, 2) + "\n");
        await writeReport(results, resultsDir);
        process.stdout.write(renderMarkdown(results));
        log(`done in ${results.totalSeconds} s: ${path.join(resultsDir, "results.{json,md}")}, scaling.png`);
    } finally {
        await simulators.stop();
    }
}

main().catch((error) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
});
