import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { repoRoot } from "../helpers/engine";
import { startCli } from "../helpers/cli";
import { bins, runBin } from "./run";

/** The conventions of `pulumi-ucaas-sim`, the same as `pulumi-ucaas`'s. Its output is tested with each simulator. */
describe("pulumi-ucaas-sim command-line conventions", function () {
    this.timeout(60_000);

    it("--help lists every simulator with its port option, and the exit codes, on stdout", async () => {
        const help = await runBin(bins.sim, ["--help"]);
        assert.equal(help.code, 0, help.stderr);
        assert.equal(help.stderr, "");
        assert.match(help.stdout, /^Usage: pulumi-ucaas-sim \[options\]/);
        for (const vendor of ["portsip", "masergy", "ump", "teams"]) {
            assert.match(help.stdout, new RegExp(`--${vendor} +start the `));
            assert.match(help.stdout, new RegExp(`--port-${vendor} <n> +listen on port N`));
        }
        for (const option of ["--latency-ms <n>", "--json", "--version"]) assert.ok(help.stdout.includes(option), option);
        assert.match(help.stdout, /Exit codes: 0 stopped by SIGINT\/SIGTERM, 1 a simulator could not start,\s+2 wrong command line/);
    });

    it("--version prints the package version", async () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
        assert.deepEqual(await runBin(bins.sim, ["--version"]), { code: 0, stdout: `${version}\n`, stderr: "" });
    });

    const usageErrors: Array<[string[], string]> = [
        [["--fax"], "unknown option '--fax'"],
        [["portsip"], "too many arguments. Expected 0 arguments but got 1."],
        [["--port-ump"], "option '--port-ump <n>' argument missing"],
        [["--port-ump", "65536"], "option '--port-ump <n>' argument '65536' is invalid. must be a whole number from 0 to 65535."],
        [["--latency-ms=soon"], "option '--latency-ms <n>' argument 'soon' is invalid. must be a whole number of at least 0."],
    ];
    for (const [argv, message] of usageErrors) {
        it(`pulumi-ucaas-sim ${argv.join(" ")}: exit 2, one line on stderr and a pointer to --help`, async () => {
            assert.deepEqual(await runBin(bins.sim, argv), {
                code: 2,
                stdout: "",
                stderr: `pulumi-ucaas-sim: ${message}\nRun \`pulumi-ucaas-sim --help\` for usage.\n`,
            });
        });
    }

    it("a simulator that cannot start (port taken) exits 1 with the reason on stderr", async () => {
        const taken = net.createServer();
        await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
        try {
            const port = (taken.address() as net.AddressInfo).port;
            const result = await runBin(bins.sim, ["--portsip", `--port-portsip=${port}`]);
            assert.equal(result.code, 1);
            assert.equal(result.stdout, "");
            assert.match(result.stderr, /^pulumi-ucaas-sim: could not start: .*EADDRINUSE/);
        } finally {
            taken.close();
        }
    });

    it("--port-<vendor> N listens on port N", async () => {
        const free = net.createServer();
        await new Promise<void>((done) => free.listen(0, "127.0.0.1", done));
        const port = (free.address() as net.AddressInfo).port;
        await new Promise((done) => free.close(done));
        const cli = await startCli(["--ump", "--port-ump", String(port), "--json"], 1);
        try {
            assert.equal(JSON.parse(cli.lines[0]).ump.url, `http://127.0.0.1:${port}/sysadmin/api`);
        } finally {
            assert.equal(await cli.stop(), 0);
        }
    });
});
