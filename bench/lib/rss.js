// Peak resident memory of the dynamic-provider process: the node process running
// @pulumi/pulumi/cmd/dynamic-provider, found by scanning /proc/*/cmdline for descendants of this
// process (other runs on the machine are not ours), sampled from /proc/<pid>/status VmRSS.
"use strict";
const fs = require("node:fs");

const read = (file) => {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined; // the process ended between listing and reading
    }
};

function parentOf(pid) {
    const stat = read(`/proc/${pid}/stat`);
    // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after the last ")".
    return stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : undefined;
}

function isDescendant(pid, ancestor) {
    for (let current = pid, hops = 0; current && current > 1 && hops < 64; hops++) {
        if (current === ancestor) return true;
        current = parentOf(current);
    }
    return false;
}

function dynamicProviderPids(ancestor) {
    return fs
        .readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .map(Number)
        .filter((pid) => (read(`/proc/${pid}/cmdline`) ?? "").includes("cmd/dynamic-provider") && isDescendant(pid, ancestor));
}

function rssKb(pid) {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "");
    return match ? Number(match[1]) : 0;
}

/** Samples until stopped; `stop()` returns the peak in MB and how many samples saw the process. */
function sampleDynamicProviderRss(intervalMs = 200, ancestor = process.pid) {
    let peakKb = 0;
    let samples = 0;
    const timer = setInterval(() => {
        const pids = dynamicProviderPids(ancestor);
        if (pids.length) samples++;
        for (const pid of pids) peakKb = Math.max(peakKb, rssKb(pid));
    }, intervalMs);
    return {
        stop() {
            clearInterval(timer);
            return { peakMb: Math.round(peakKb / 102.4) / 10, samples };
        },
    };
}

module.exports = { sampleDynamicProviderRss };
