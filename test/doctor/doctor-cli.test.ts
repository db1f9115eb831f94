import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { bins, runBin } from "../cli/run";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { teamsEnvironment, useTeamsSimulator } from "../helpers/teams";
import { useUmpSimulator } from "../helpers/ump";
import { isReadOnly, parseDoctorOutput } from "./doctor-run";

/** `pulumi-ucaas doctor` as a user runs it: the built bin, in a Pulumi project or with UCAAS_* variables. */
describe("pulumi-ucaas doctor (the built bin)", function () {
    this.timeout(120_000);
    const pbx = usePortSipSimulator();
    const masergy = useMasergySimulator();
    const ump = useUmpSimulator();
    const teams = useTeamsSimulator();
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-doctor-cli-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const run = async (args: string[], options: Parameters<typeof runBin>[2] = {}) => {
        const result = await runBin(bins.ucaas, ["doctor", ...args], { cwd: dir, ...options });
        return parseDoctorOutput(result.code, result.stdout, result.stderr);
    };

    it("in a Pulumi project reads the stack's ucaas:* config (secrets included), as the resources do", async () => {
        const backend = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-doctor-state-"));
        const pulumiEnv = { PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "doctor-passphrase" };
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: doctor-test\nruntime: nodejs\n");
        const pulumi = (args: string[]) => promisify(execFile)("pulumi", args, { cwd: dir, env: { ...process.env, ...pulumiEnv } });
        try {
            await pulumi(["stack", "init", "dev", "--non-interactive"]);
            const t = teamsEnvironment(teams());
            const plain = { pbxUrl: pbx().url, masergyApiUrl: masergy().apiUrl, masergyTokenUrl: masergy().tokenUrl, umpUrl: ump().url, teamsUrl: t.UCAAS_TEAMS_URL, teamsClientId: t.UCAAS_TEAMS_CLIENT_ID, teamsUsername: t.UCAAS_TEAMS_USERNAME };
            const secret = { pbxToken: pbx().token, masergyRefreshToken: process.env.UCAAS_MASERGY_REFRESH_TOKEN!, teamsClientSecret: t.UCAAS_TEAMS_CLIENT_SECRET, teamsPassword: t.UCAAS_TEAMS_PASSWORD };
            await pulumi([
                "config", "set-all",
                ...Object.entries(plain).flatMap(([key, value]) => ["--plaintext", `ucaas:${key}=${value}`]),
                ...Object.entries(secret).flatMap(([key, value]) => ["--secret", `ucaas:${key}=${value}`]),
            ]);
            // No UCAAS_* variable reaches the command: every setting comes from the stack.
            const noVariables = Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith("UCAAS_")).map((key) => [key, ""]));
            const output = await run(["--report", "report.json"], { env: { ...noVariables, ...pulumiEnv } });
            assert.equal(output.code, 0, output.stdout + output.stderr);
            assert.deepEqual([...new Set(output.lines.map((line) => line.status))], ["ok", "note"]);
            assert.deepEqual([...new Set(output.lines.map((line) => line.vendor))], ["pbx", "masergy", "ump", "teams"]);
            assert.match(output.stdout, /\n28 checks: 27 ok, 1 note\n$/);
            assert.equal(output.stderr, "Wrote the report to report.json.\n");
            const report = fs.readFileSync(path.join(dir, "report.json"), "utf8");
            for (const value of Object.values(secret)) assert.equal(report.includes(value) || output.stdout.includes(value), false);
            for (const sim of [pbx(), masergy(), ump(), teams()]) {
                assert.ok(sim.requests().length > 0);
                assert.deepEqual(sim.requests().filter((request) => !isReadOnly(request)), [], `${sim.vendor}: only reads`);
            }
        } finally {
            fs.rmSync(backend, { recursive: true, force: true });
        }
    });

    it("outside a project reads the UCAAS_* variables; a differing answer exits 1 with its line on stdout", async () => {
        ump().injectFault({ kind: "html", method: "POST", pathPrefix: "/sysadmin/api/proxy/endpoint/list" });
        const output = await run(["--vendor", "ump"]);
        assert.equal(output.code, 1, output.stderr);
        assert.equal(output.stderr, "");
        assert.deepEqual([output.lines[1].check, output.lines[1].status], ["endpoint list", "differs"]);
        assert.match(output.lines[1].text, /^body: expected a UMP user list \{Total, Data: \[\{SipAddress, LineURI, \.\.\.\}\]\}, as JSON, received an HTML or XML page, text\/html \(\d+ bytes\)$/);
        assert.match(output.stdout, /\n7 checks: 5 ok, 1 differs, 1 unreachable\n$/);
    });

    it("a wrong --vendor is a usage error: exit 2, one line and a pointer to --help on stderr", async () => {
        const output = await run(["--vendor", "pbx,sip"]);
        assert.equal(output.code, 2);
        assert.equal(output.stdout, "");
        assert.equal(
            output.stderr,
            "pulumi-ucaas doctor: option '--vendor <list>' argument 'pbx,sip' is invalid. unknown vendor sip; choose from pbx, masergy, ump, teams.\n" +
                "Run `pulumi-ucaas doctor --help` for usage.\n",
        );
    });
});
