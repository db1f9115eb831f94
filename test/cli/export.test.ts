import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseRoster } from "pulumi-ucaas";
import { usePortSipSimulator } from "../helpers/portsip";
import { bins, runBin } from "./run";

/** `pulumi-ucaas export` outside a Pulumi project: settings from UCAAS_* (set by the simulator hooks). */
describe("pulumi-ucaas export (results on stdout, the rest on stderr)", function () {
    this.timeout(60_000);
    const pbx = usePortSipSimulator();
    let cwd: string;

    beforeEach(() => {
        cwd = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-export-cli-"));
        pbx().seedUser({
            name: "dora", display_name: "Dora", email: "dora@example.com", role: "StandardUser", extension_number: "2001",
            password: "dora-Passw0rd", extension_password: "dora-Ext-Secret", voicemail_pin: "135792",
        });
    });
    afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

    it("prints the roster to stdout and only the roster; progress and the secrets to set go to stderr", async () => {
        const result = await runBin(bins.ucaas, ["export", "--vendor", "pbx", "--no-config"], { cwd });
        assert.equal(result.code, 0, result.stderr);
        const roster = parseRoster(result.stdout);
        assert.deepEqual(roster.sections.pbx?.users?.map((u) => [u.extensionNumber, u.adopt]), [["2001", true]]);
        assert.match(result.stderr, /Set these secrets before `pulumi up`:\n {2}pulumi config set --secret pbxUser2001VoicemailPin <value>\n/);
        assert.equal(result.stdout.includes("135792") || result.stderr.includes("135792"), false, "no secret value printed");
    });

    it("--output writes the roster to a file relative to the current folder and prints nothing on stdout", async () => {
        const result = await runBin(bins.ucaas, ["export", "--vendor=pbx", "--no-config", "--output", "roster.yaml"], { cwd });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, "");
        assert.deepEqual(parseRoster(fs.readFileSync(path.join(cwd, "roster.yaml"), "utf8")).sections.pbx?.users?.map((u) => u.name), ["dora"]);
    });

    it("a failed operation exits 1 with the vendor's error as one message on stderr, no stack trace, nothing on stdout", async () => {
        const result = await runBin(bins.ucaas, ["export", "--vendor", "pbx", "--no-config"], { cwd, env: { UCAAS_PBX_TOKEN: "not-the-token" } });
        assert.equal(result.code, 1);
        assert.equal(result.stdout, "");
        assert.match(result.stderr, /^pulumi-ucaas export: .*PortSIP.*401/m);
        assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
        assert.doesNotMatch(result.stderr, /--help/, "no pointer to --help: the command line was right");
        assert.equal(result.stderr.includes("not-the-token"), false, "the credential is not shown");
    });
});
