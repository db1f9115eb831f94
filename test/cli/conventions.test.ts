import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import "../../provider/cli/main";
import { runCli } from "../../provider/cli/program";
import { registeredCommands } from "../../provider/cli/registry";
import { repoRoot } from "../helpers/engine";
import { bins, memoryIo, runBin } from "./run";

const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;

describe("pulumi-ucaas command-line conventions", function () {
    this.timeout(60_000);

    it("registers the package's commands", () => {
        const names = registeredCommands().map((command) => command.name);
        for (const name of ["export", "masergy-login"]) assert.ok(names.includes(name), `${name} is registered`);
    });

    describe("--help of every registered command", () => {
        for (const { name, summary } of registeredCommands()) {
            for (const argv of [[name, "--help"], [name, "-h"], ["help", name]]) {
                it(`pulumi-ucaas ${argv.join(" ")} prints its usage to stdout and exits 0`, async () => {
                    const out = memoryIo();
                    assert.equal(await runCli(argv, out.io), 0, out.stderr());
                    assert.match(out.stdout(), new RegExp(`^Usage: pulumi-ucaas ${name} `));
                    assert.ok(out.stdout().replace(/\s+/g, " ").includes(summary), "with its summary");
                    assert.match(out.stdout(), /-h, --help +show help/);
                    assert.equal(out.stderr(), "");
                });
            }
        }
    });

    it("--help lists every command with its summary, and the exit codes", async () => {
        const help = await runBin(bins.ucaas, ["--help"]);
        assert.equal(help.code, 0);
        assert.equal(help.stderr, "");
        const text = help.stdout.replace(/\s+/g, " ");
        for (const { name, summary } of registeredCommands()) {
            // `name [options] [args] summary`, options and arguments as the command declares them.
            const listed = new RegExp(`\\b${name}( \\[options\\])?( [<[][\\w.-]+[>\\]])* ${summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
            assert.match(text, listed, `${name} is listed: ${help.stdout}`);
        }
        assert.match(help.stdout, /Exit codes: 0 success, 1 the operation failed, 2 wrong command line/);
    });

    it("export --help shows the export's options (it used to answer `unknown argument`)", async () => {
        const help = await runBin(bins.ucaas, ["export", "--help"]);
        assert.equal(help.code, 0, help.stderr);
        assert.equal(help.stderr, "");
        for (const option of ["--vendor <list>", "--output <file>", "--stack <name>", "--no-config", "--masergy-defaults <assignments>", "--schema <path>"]) {
            assert.ok(help.stdout.includes(option), `${option} in ${help.stdout}`);
        }
    });

    it("--version prints the package version to stdout", async () => {
        for (const flag of ["--version", "-V"]) {
            const result = await runBin(bins.ucaas, [flag]);
            assert.deepEqual(result, { code: 0, stdout: `${version}\n`, stderr: "" });
        }
    });

    it("without a command shows the help on stderr and exits 2", async () => {
        const result = await runBin(bins.ucaas, []);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, "");
        assert.match(result.stderr, /^Usage: pulumi-ucaas \[options\] \[command\]/);
    });

    const usageErrors: Array<[string[], RegExp]> = [
        [["export-everything"], /^pulumi-ucaas: unknown command 'export-everything'\n/],
        [["exprot"], /^pulumi-ucaas: unknown command 'exprot'\n\(Did you mean export\?\)\n/],
        [["exprot", "--help"], /^pulumi-ucaas: unknown command 'exprot'\n/],
        [["help", "exprot"], /^pulumi-ucaas: unknown command 'exprot'\n/],
        [["--frobnicate"], /^pulumi-ucaas: unknown option '--frobnicate'\n/],
        [["export", "--frobnicate"], /^pulumi-ucaas export: unknown option '--frobnicate'\n/],
        [["export", "roster.yaml"], /^pulumi-ucaas export: too many arguments for 'export'\. Expected 0 arguments but got 1\.\n/],
        [["export", "--vendor", "pbx,fax"], /^pulumi-ucaas export: option '--vendor <list>' argument 'pbx,fax' is invalid\. unknown vendor fax; choose from masergy, pbx, ump, teams\.\n/],
        [["export", "--masergy-defaults", "timeZone"], /^pulumi-ucaas export: option '--masergy-defaults <assignments>' argument 'timeZone' is invalid\. expected name=value pairs/],
        [["masergy-login", "--username"], /^pulumi-ucaas masergy-login: option '--username <name>' argument missing\n/],
    ];
    for (const [argv, message] of usageErrors) {
        it(`pulumi-ucaas ${argv.join(" ")}: exit 2, one line on stderr and a pointer to --help, nothing on stdout`, async () => {
            const out = memoryIo();
            assert.equal(await runCli(argv, out.io), 2, out.stderr());
            assert.equal(out.stdout(), "");
            assert.match(out.stderr(), message);
            const pointer = argv[0].startsWith("-") || !registeredCommands().some((c) => c.name === argv[0]) ? "pulumi-ucaas" : `pulumi-ucaas ${argv[0]}`;
            assert.ok(out.stderr().endsWith(`Run \`${pointer} --help\` for usage.\n`), out.stderr());
            assert.doesNotMatch(out.stderr(), /\n\s+at /, "no stack trace");
        });
    }

    it("the bin writes a usage error to its stderr and exits 2", async () => {
        assert.deepEqual(await runBin(bins.ucaas, ["export", "--frobnicate"]), {
            code: 2,
            stdout: "",
            stderr: "pulumi-ucaas export: unknown option '--frobnicate'\nRun `pulumi-ucaas export --help` for usage.\n",
        });
    });

    it("an error the command reports itself: the same shape, its own exit code", async () => {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-no-project-"));
        try {
            const result = await runBin(bins.ucaas, ["export", "--vendor", "pbx"], { cwd: project });
            assert.equal(result.code, 2);
            assert.equal(result.stdout, "");
            assert.equal(
                result.stderr,
                "pulumi-ucaas export: no Pulumi project here (no Pulumi.yaml in this folder or above) to store the exported secrets in: " +
                    "run it in your project, or pass --no-config\nRun `pulumi-ucaas export --help` for usage.\n",
            );
        } finally {
            fs.rmSync(project, { recursive: true, force: true });
        }
    });
});
