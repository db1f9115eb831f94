// The benchmark program as a consumer has it: bench/program copied to bench/out/program with the
// packed package (`npm pack`) and @pulumi/pulumi installed, so `__provider` and module loading are
// exactly what an installed package gives (from a source checkout Pulumi would serialize the
// provider by value instead).
"use strict";
const { execFile } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { promisify } = require("node:util");

const run = promisify(execFile);
const repo = path.resolve(__dirname, "..", "..");

async function prepareProgram(outDir) {
    const dir = path.join(outDir, "program");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(repo, "bench", "program"), dir, { recursive: true, filter: (file) => !file.includes("node_modules") });
    const { stdout } = await run("npm", ["pack", "--pack-destination", outDir, "--silent"], { cwd: repo });
    const tarball = path.join(outDir, stdout.trim().split("\n").pop());
    const manifestFile = path.join(dir, "package.json");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    manifest.dependencies["pulumi-ucaas"] = `file:${tarball}`;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });
    return dir;
}

module.exports = { prepareProgram };
