import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import "../../provider/cli/main";
import { runCli } from "../../provider/cli/program";
import { gitignoreText, scaffoldFiles } from "../../provider/init/template";
import { loadRoster } from "../../provider/roster/load";
import { configSetCommand, isSettingKey } from "../../provider/settings/catalog";
import { startCli } from "../helpers/cli";
import { repoRoot } from "../helpers/engine";
import { memoryIo } from "../cli/run";

const example = path.join(repoRoot, "examples", "gitops");
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    version: string;
    files: string[];
    devDependencies: Record<string, string>;
};

async function init(args: string[], cwd = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-init-"))) {
    const out = memoryIo(cwd);
    const code = await runCli(["init", ...args], out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr(), cwd };
}

describe("pulumi-ucaas init", function () {
    this.timeout(60_000);

    it("writes the ops repository offline: exactly examples/gitops, named after its folder", async () => {
        const { code, stdout, stderr, cwd } = await init(["telephony"]);
        assert.equal(code, 0, stderr);
        const dir = path.join(cwd, "telephony");
        for (const file of scaffoldFiles) {
            const expected = file === ".gitignore" ? gitignoreText : fs.readFileSync(path.join(example, file), "utf8");
            assert.equal(fs.readFileSync(path.join(dir, file), "utf8"), expected, file);
        }
        assert.equal(fs.readFileSync(path.join(example, ".gitignore"), "utf8"), gitignoreText, "the example's .gitignore (npm does not ship it)");
        assert.match(stderr, /^Wrote 9 files to .*telephony: Pulumi\.yaml, package\.json, tsconfig\.json, index\.ts, roster\.yaml/);
        assert.match(stdout, /^cd telephony\nnpm install/);
        // Every template file is in the npm package.
        for (const file of scaffoldFiles.filter((f) => f !== ".gitignore")) assert.ok(manifest.files.includes(`examples/gitops/${file}`), file);
    });

    it("pins @pulumi/pulumi as the package is built, typescript (the CLI's own is too old for the tsconfig) and this pulumi-ucaas", () => {
        const scaffold = JSON.parse(fs.readFileSync(path.join(example, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const installedTypescript = JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", "typescript", "package.json"), "utf8")).version;
        assert.deepEqual(scaffold.dependencies, {
            "@pulumi/pulumi": manifest.devDependencies["@pulumi/pulumi"],
            "@types/node": JSON.parse(fs.readFileSync(path.join(repoRoot, "node_modules", "@types", "node", "package.json"), "utf8")).version,
            "pulumi-ucaas": manifest.version,
            typescript: installedTypescript,
        });
        const tsconfig = JSON.parse(fs.readFileSync(path.join(example, "tsconfig.json"), "utf8"));
        assert.equal(tsconfig.compilerOptions.module, "nodenext", "which @pulumi/pulumi's vendored TypeScript 3.8 refuses (TS6046)");
    });

    it("starts with a roster that loadRoster accepts, with sections: for all four vendors or those asked for", async () => {
        const all = loadRoster(path.join(example, "roster.yaml"));
        assert.deepEqual([...all.declared!].sort(), ["masergy.users", "pbx.groups", "pbx.roles", "pbx.users", "teams.users", "ump.endpoints"]);
        const { code, stdout, stderr, cwd } = await init(["ops", "--vendor", "teams,pbx"]);
        assert.equal(code, 0, stderr);
        const roster = loadRoster(path.join(cwd, "ops", "roster.yaml"));
        assert.deepEqual([...roster.declared!].sort(), ["pbx.groups", "pbx.roles", "pbx.users", "teams.users"]);
        assert.doesNotMatch(fs.readFileSync(path.join(cwd, "ops", "roster.yaml"), "utf8"), /masergy|ump:/);
        assert.doesNotMatch(stdout, /masergy|umpUrl/);
    });

    it("prints the config lines to run: each setting the vendors need, with the flag its key needs, and each roster secret", async () => {
        const { stdout } = await init(["ops"]);
        const settings = ["pbxUrl", "pbxToken", "masergyRefreshToken", "umpUrl", "teamsClientId", "teamsClientSecret", "teamsUsername", "teamsPassword"] as const;
        const secrets = ["janePortalPassword", "alicePassword", "aliceExtensionPassword", "aliceVoicemailPin", "aliceTeamsPassword"];
        const lines = stdout.split("\n").filter((line) => line.startsWith("pulumi config set"));
        assert.deepEqual(lines, [...settings.map((key) => configSetCommand(key)), ...secrets.map((key) => `pulumi config set --secret ${key} <value>`)]);
        assert.match(stdout, /^pulumi stack init production$/m);
        assert.match(stdout, /npx pulumi-ucaas masergy-login/);
    });

    it("--stack names the stack of the workflow and the printed lines", async () => {
        const { stdout, cwd } = await init(["ops", "--stack", "prod-eu"]);
        const workflow = fs.readFileSync(path.join(cwd, "ops", ".github", "workflows", "telephony.yml"), "utf8");
        assert.match(workflow, /^ {2}STACK: prod-eu$/m);
        assert.match(workflow, /group: telephony-stack-prod-eu$/m);
        assert.doesNotMatch(workflow, /production/);
        assert.match(stdout, /^pulumi stack init prod-eu$/m);
    });

    it("refuses to overwrite a file, writing nothing, unless --force", async () => {
        const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-init-"));
        fs.writeFileSync(path.join(cwd, "roster.yaml"), "mine\n");
        const refused = await init([], cwd);
        assert.equal(refused.code, 1);
        assert.equal(refused.stdout, "");
        assert.equal(refused.stderr, `pulumi-ucaas init: roster.yaml already exists in ${cwd}; nothing was written. Run it in a new folder, or with --force to overwrite them.\n`);
        assert.deepEqual(fs.readdirSync(cwd), ["roster.yaml"]);
        const forced = await init(["--force"], cwd);
        assert.equal(forced.code, 0, forced.stderr);
        assert.match(forced.stderr, /\(overwrote roster\.yaml\)/);
        assert.notEqual(fs.readFileSync(path.join(cwd, "roster.yaml"), "utf8"), "mine\n");
    });

    it("refuses an unknown vendor as a wrong command line", async () => {
        const { code, stderr } = await init(["ops", "--vendor", "pbx,fax"]);
        assert.equal(code, 2);
        assert.match(stderr, /^pulumi-ucaas init: option '--vendor <list>' argument 'pbx,fax' is invalid\. unknown vendor fax; choose from pbx, masergy, ump, teams\./);
    });

    it("pulumi-ucaas-sim --print-config prints the same lines with the simulators' values", async () => {
        // Four simulators: a title and an admin line each, then their settings; then "Serving ...".
        const cli = await startCli(["--print-config"], 24);
        try {
            assert.match(cli.lines[23], /^# Serving until interrupted/);
            const lines = cli.lines.filter((line) => line.startsWith("pulumi config set"));
            assert.equal(lines.length, 14, cli.lines.join("\n"));
            // The simulated Microsoft's test CA is no setting: Node reads it from the environment when it starts.
            assert.deepEqual(cli.lines.filter((line) => !line.startsWith("#") && !line.startsWith("pulumi config set")), [
                `export NODE_EXTRA_CA_CERTS=${cli.lines.find((line) => line.startsWith("export "))!.split("=")[1]}`,
            ]);
            for (const line of lines) {
                const [, , , ...rest] = line.split(" ");
                const keyAt = rest.findIndex((word) => word.startsWith("ucaas:"));
                const key = rest[keyAt].slice("ucaas:".length);
                assert.ok(isSettingKey(key), key);
                assert.equal(line, configSetCommand(key, rest.slice(keyAt + 1).join(" ")));
            }
            assert.ok(lines.includes(`pulumi config set --plaintext ucaas:masergyTokenUrl ${lines.find((l) => l.includes("masergyTokenUrl"))!.split(" ").pop()}`));
        } finally {
            assert.equal(await cli.stop(), 0);
        }
    });
});
