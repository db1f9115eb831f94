import { strict as assert } from "node:assert";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { packedPackage } from "../helpers/engine";
import { loadWorkflow, readGhState, runStep, stepNamed } from "../helpers/workflow";
import { bins, runBin } from "../cli/run";

const run = promisify(execFile);

/** A value each roster secret's field accepts. */
const secretValue = (key: string) => (/pin/i.test(key) ? "246813" : `Demo-${key}-1`);

/**
 * A new user's day one and two: `pulumi-ucaas init`, the packed package installed, the simulators
 * started by its `pulumi-ucaas-sim --print-config` and the printed lines applied, then the
 * scaffold's own workflow steps run against them (the pulumi CLI for real, the GitHub CLI faked):
 * apply, a clean drift check, a hand edit that the drift check reports in an issue, an apply that
 * puts it back and closes the issue, a pull request's preview comment; then destroy.
 */
describe("an ops repository from pulumi-ucaas init, against the simulators", function () {
    this.timeout(10 * 60_000);
    let dir: string;
    let sims: ChildProcess;
    let simLines: string[];
    let env: Record<string, string>;
    let ghState: string;
    let workflow: ReturnType<typeof loadWorkflow>;

    const shell = (script: string) => run("bash", ["-eo", "pipefail", "-c", script], { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 16 << 20 });
    const step = async (job: string, name: string, extra: Record<string, string> = {}) => {
        const result = await runStep(workflow, stepNamed(workflow.jobs[job], name), dir, { ...env, ...extra }, ghState);
        assert.equal(result.code, 0, `${job} / ${name}:\n${result.output}`);
        return result;
    };
    const apply = async () => {
        await step("apply", "Refresh");
        return step("apply", "Update");
    };
    const driftCheck = async () => {
        await step("drift", "Read everything back from the vendors");
        await step("drift", "Open, update or close the drift issue", { RUN_URL: "https://github.com/o/r/actions/runs/1" });
        return readGhState(ghState).issues;
    };
    const pbxSetting = (key: string) => simLines.find((line) => line.includes(` ucaas:${key} `))!.split(" ").pop()!;

    before(async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-ops-"));
        const init = await runBin(bins.ucaas, ["init", "telephony", "--stack", "test"], { cwd: root });
        assert.equal(init.code, 0, init.stderr);
        dir = path.join(root, "telephony");
        workflow = loadWorkflow(fs.readFileSync(path.join(dir, ".github", "workflows", "telephony.yml"), "utf8"));
        ghState = path.join(root, "gh.json");

        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        manifest.dependencies["pulumi-ucaas"] = `file:${await packedPackage()}`;
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir });

        sims = spawn(path.join(dir, "node_modules", ".bin", "pulumi-ucaas-sim"), ["--print-config"], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] });
        simLines = await new Promise<string[]>((resolve, reject) => {
            const lines: string[] = [];
            createInterface({ input: sims.stdout! }).on("line", (line) => {
                lines.push(line);
                if (line.startsWith("# Serving")) resolve(lines);
            });
            sims.once("exit", (code) => reject(new Error(`pulumi-ucaas-sim exited with ${code}`)));
        });

        const blank = Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("UCAAS_")).map((key) => [key, ""]));
        env = {
            ...blank,
            PULUMI_BACKEND_URL: `file://${fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-state-"))}`,
            PULUMI_CONFIG_PASSPHRASE: "ops-passphrase",
        };
        // The lines init printed, with the simulators' values for the settings and values for the roster's secrets.
        const settings = new Map(simLines.filter((line) => line.startsWith("pulumi config set")).map((line) => [line.split(" ").find((word) => word.startsWith("ucaas:")), line]));
        const lines = init.stdout.split("\n").filter((line) => line.startsWith("pulumi stack init") || line.startsWith("pulumi config set")).map((line) => {
            const key = line.split(" ").find((word) => word.startsWith("ucaas:"));
            if (key) return settings.get(key) ?? assert.fail(`pulumi-ucaas-sim --print-config has no ${key}`);
            return line.replace(/^(pulumi config set --secret (\S+)) <value>$/, (_all, command: string, secret: string) => `${command} ${secretValue(secret)}`);
        });
        assert.deepEqual(lines.slice(0, 1), ["pulumi stack init test"]);
        // The simulator lines init did not ask for (Masergy's URLs and poll interval) point the provider at the simulators too.
        const extra = [...settings.values()].filter((line) => !lines.includes(line));
        await shell([...lines, ...extra].join("\n"));
    });
    after(async () => {
        sims?.kill("SIGTERM");
    });

    it("apply: refresh, then up with the policy pack, creates what the starter roster declares", async () => {
        const update = await apply();
        assert.match(update.output, /Policy Packs run:\s+Name\s+Version\s+pulumi-ucaas-guardrails\|local\|node_modules\/pulumi-ucaas\/policy/, update.output);
        assert.match(update.output, /\+ 6 created/, update.output);
        const { stdout } = await shell("pulumi stack output managed --json --stack test");
        assert.deepEqual(Object.keys(JSON.parse(stdout)).sort(), [
            "masergy-user-jdoe@example.com", "pbx-group-Support_team", "pbx-role-Support", "pbx-user-alice", "teams-user-contoso/alice@contoso.com", "ump-endpoint-alice@contoso.com",
        ]);
    });

    it("the nightly check finds no drift and opens nothing", async () => {
        assert.deepEqual(await driftCheck(), []);
    });

    it("a hand edit at the PBX: the check opens an issue saying what the vendor holds and what will be written", async () => {
        const headers = { authorization: `Bearer ${pbxSetting("pbxToken")}`, "content-type": "application/json" };
        const users = (await (await fetch(`${pbxSetting("pbxUrl")}/api/users`, { headers })).json()) as { items: Array<{ id: string; name: string }> };
        const alice = users.items.find((user) => user.name === "alice")!;
        const edit = await fetch(`${pbxSetting("pbxUrl")}/api/users/${alice.id}`, { method: "POST", headers, body: JSON.stringify({ display_name: "Alice (edited in the PBX)" }) });
        assert.equal(edit.status, 204);
        const issues = await driftCheck();
        assert.equal(issues.length, 1);
        assert.equal(issues[0].title, "Telephony drift in stack test");
        assert.match(issues[0].body, /\| changed \| alice, extension 1001 \| `displayName` \| vendor now: `"Alice \(edited in the PBX\)"` → will write: `"Alice Example"` \|/, issues[0].body);
    });

    it("apply puts it back, and the next check closes the issue", async () => {
        const update = await apply();
        assert.match(update.output, /~ +1 updated/, update.output);
        const issues = await driftCheck();
        assert.equal(issues[0].state, "closed");
    });

    it("a pull request's preview is commented: the summary above the raw diff", async () => {
        const roster = path.join(dir, "roster.yaml");
        fs.writeFileSync(roster, fs.readFileSync(roster, "utf8").replace("displayName: Alice Example", "displayName: Alice Example-Smith"));
        const preview = await step("preview", "Preview");
        assert.equal(preview.outputs, "status=0\n");
        await step("preview", "Comment on the pull request", { PR_NUMBER: "3", GH_TOKEN: "t" });
        const [comment] = readGhState(ghState).comments;
        assert.match(comment.body, /\| changed \| alice, extension 1001 \| `displayName` \| `"Alice Example"` → `"Alice Example-Smith"` \|/, comment.body);
        assert.ok(comment.body.indexOf("`displayName`") < comment.body.indexOf("<details>"));
        assert.match(comment.body, /<details><summary>pulumi preview --diff<\/summary>[\s\S]*displayName/);
    });

    it("destroy --run-program removes everything", async () => {
        const destroy = await shell("pulumi destroy --yes --run-program --stack test --non-interactive");
        assert.match(destroy.stdout, /- 7 deleted/, destroy.stdout);
    });
});
