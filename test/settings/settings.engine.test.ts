import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    startMasergySimulator,
    startPortSipSimulator,
    startTeamsSimulator,
    startUmpSimulator,
    type MasergySimulatorHandle,
    type PortSipSimulatorHandle,
    type TeamsSimulatorHandle,
    type UmpSimulatorHandle,
} from "pulumi-ucaas/simulators";
import { envVarName, type SettingKey } from "pulumi-ucaas";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { pulumiCli } from "../helpers/pulumi-cli";
import { teamsEnvironment } from "../helpers/teams";

const settingKeys: SettingKey[] = [
    "masergyApiUrl", "masergyTokenUrl", "masergyRefreshToken", "masergyUsername", "masergyPassword", "masergyPollIntervalSeconds",
    "masergyJobTimeoutMinutes", "pbxUrl", "pbxToken", "pbxUsername", "pbxPassword", "pbxDomain", "umpUrl", "umpToken", "teamsUrl",
    "teamsClientId", "teamsClientSecret", "teamsUsername", "teamsPassword", "insecureHttp", "httpTimeoutSeconds", "adoptMatching",
];

/** The `{ secret: ... }` references of examples/roster/roster.yaml, with values the vendors accept. */
const rosterSecrets: Record<string, string> = {
    ...Object.fromEntries(
        ["janePortalPassword", "alicePassword", "aliceExtensionPassword", "bobPassword", "bobExtensionPassword", "aliceTeamsPassword"].map((key) => [key, `${key}-Value-1`]),
    ),
    aliceVoicemailPin: "246813",
    bobVoicemailPin: "864213",
};

/** `error:` lines of the CLI's output, without the repeat under "Diagnostics:". */
const errorLines = (output: string) => output.slice(0, output.indexOf("Diagnostics:")).split("\n").filter((line) => / error: /.test(line));

/**
 * What a person sees when a stack's settings are wrong: the pulumi CLI run as a user runs it, on
 * the example roster that uses all four vendors, with settings only in the stack config.
 */
describe("settings in the pulumi CLI", function () {
    this.timeout(10 * 60_000);
    let t: TestStack;
    let workDir: string;
    let pbx: PortSipSimulatorHandle;
    let masergy: MasergySimulatorHandle;
    let ump: UmpSimulatorHandle;
    let teams: TeamsSimulatorHandle;
    const sims = () => [pbx, masergy, ump, teams];
    const exampleRoster = () => fs.readFileSync(path.join(workDir, "roster.full.yaml"), "utf8");

    before(async () => {
        [pbx, masergy, ump, teams] = await Promise.all([startPortSipSimulator(), startMasergySimulator({ jobDurationMs: 50 }), startUmpSimulator(), startTeamsSimulator()]);
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-settings-`);
        fs.cpSync(source, workDir, { recursive: true });
        fs.copyFileSync(path.join(workDir, "roster.yaml"), path.join(workDir, "roster.full.yaml"));
        // Only the stack config may point the provider anywhere: every variable is blanked.
        t = await newStack(workDir, Object.fromEntries(settingKeys.map((key) => [envVarName(key), ""])));
        const teamsVariables = teamsEnvironment(teams);
        const settings: Record<string, { value: string; secret?: boolean }> = {
            "ucaas:pbxUrl": { value: pbx.url },
            "ucaas:pbxToken": { value: pbx.token, secret: true },
            "ucaas:masergyApiUrl": { value: masergy.apiUrl },
            "ucaas:masergyTokenUrl": { value: masergy.tokenUrl },
            "ucaas:masergyRefreshToken": { value: masergy.issueRefreshToken(), secret: true },
            "ucaas:masergyPollIntervalSeconds": { value: "0.05" },
            "ucaas:umpUrl": { value: ump.url },
            "ucaas:teamsUrl": { value: teamsVariables.UCAAS_TEAMS_URL },
            "ucaas:teamsClientId": { value: teamsVariables.UCAAS_TEAMS_CLIENT_ID },
            "ucaas:teamsClientSecret": { value: teamsVariables.UCAAS_TEAMS_CLIENT_SECRET, secret: true },
            "ucaas:teamsUsername": { value: teamsVariables.UCAAS_TEAMS_USERNAME },
            "ucaas:teamsPassword": { value: teamsVariables.UCAAS_TEAMS_PASSWORD, secret: true },
            ...Object.fromEntries(Object.entries(rosterSecrets).map(([key, value]) => [key, { value, secret: true }])),
        };
        await t.stack.setAllConfig(settings);
    });
    beforeEach(() => sims().forEach((sim) => sim.clearRequests()));
    after(async () => {
        await Promise.all(sims().map((sim) => sim?.stop()));
    });

    const pulumi = (args: string[], extra: Record<string, string> = {}) => pulumiCli(t, workDir)(args, extra);

    const vendorRequests = () => sims().flatMap((sim) => sim.requests());

    it("a mistyped key fails the preview, naming the key and the closest setting, with no vendor request", async () => {
        await t.stack.removeConfig("ucaas:pbxUrl");
        await t.stack.setConfig("ucaas:pbxURL", { value: pbx.url });
        try {
            const { code, output } = await pulumi(["preview"]);
            assert.equal(code, 1);
            const unknown =
                "Unknown setting ucaas:pbxURL in the stack config: did you mean ucaas:pbxUrl? " +
                "Rename it: `pulumi config rm ucaas:pbxURL`, then `pulumi config set ucaas:pbxUrl <value>`.";
            const errors = errorLines(output);
            // Every resource's check fails on it; the engine stops at the first resource, so it is said once,
            // followed only by that resource's own other problems (a PortSIP resource also misses ucaas:pbxUrl).
            assert.ok(errors[0].endsWith(`has a problem: ${unknown}`), output);
            assert.equal(errors.filter((line) => line.includes("Unknown setting")).length, 1, output);
            const resource = errors[0].slice(0, errors[0].indexOf(" has a problem:"));
            assert.ok(errors.every((line) => line.startsWith(resource)), output);
            assert.deepEqual(vendorRequests(), []);
        } finally {
            await t.stack.removeConfig("ucaas:pbxURL");
            await t.stack.setConfig("ucaas:pbxUrl", { value: pbx.url });
        }
    });

    it("a missing PortSIP credential fails the preview on PortSIP resources only, with no vendor request", async () => {
        await t.stack.removeConfig("ucaas:pbxToken");
        try {
            // A misspelt variable is not a setting: a warning once per run, and named where the setting is missing.
            const { code, output } = await pulumi(["preview"], { UCAAS_PBX_TOKN: pbx.token });
            assert.equal(code, 1);
            const errors = errorLines(output);
            assert.ok(errors.length >= 1, output);
            for (const line of errors) {
                assert.match(line, /pulumi-nodejs:dynamic\/ucaas:Pbx(Role|User) resource 'pbx-(role|user)-\w+' has a problem: /);
                assert.ok(
                    line.endsWith(
                        "Missing setting ucaas:pbxToken (a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in): " +
                            "run `pulumi config set --secret ucaas:pbxToken <value>` or set the environment variable UCAAS_PBX_TOKEN. " +
                            "(UCAAS_PBX_TOKN is set: a typo of UCAAS_PBX_TOKEN?)",
                    ),
                    line,
                );
            }
            const warning = "warning: the environment variable UCAAS_PBX_TOKN is not a pulumi-ucaas setting and is ignored (did you mean UCAAS_PBX_TOKEN?).";
            assert.equal(output.slice(output.indexOf("Diagnostics:")).split(warning).length - 1, 1, output);
            assert.doesNotMatch(output, /(MasergyUser|UmpEndpoint|TeamsEnterpriseUser) .*error/);
            assert.deepEqual(vendorRequests(), []);
        } finally {
            await t.stack.setConfig("ucaas:pbxToken", { value: pbx.token, secret: true });
        }
    });

    it("a URL setting that looks like a secret to the CLI is set with --plaintext", async () => {
        const refused = await pulumi(["config", "set", "ucaas:masergyTokenUrl", masergy.tokenUrl]);
        assert.equal(refused.code, 1);
        assert.match(refused.output, /config value for 'ucaas:masergyTokenUrl' looks like a secret; rerun with --secret to encrypt it, or --plaintext/);
        const set = await pulumi(["config", "set", "--plaintext", "ucaas:masergyTokenUrl", masergy.tokenUrl]);
        assert.equal(set.code, 0, set.output);
    });
    it("refresh and destroy use the stack config saved at the last update: a setting missing there points to --run-program", async () => {
        const pbxOnly = exampleRoster().replace(/^ump:[\s\S]*?(?=^# The sections)/m, "").replace(/^masergy:[\s\S]*?(?=^pbx:)/m, "");
        fs.writeFileSync(path.join(workDir, "roster.yaml"), pbxOnly.replace(/^sections: .*$/m, "sections: [pbx.roles, pbx.users]"));
        // The last update got the PortSIP token from the environment; then it moves into the stack config.
        await t.stack.removeConfig("ucaas:pbxToken");
        const up = await pulumi(["up", "--yes"], { UCAAS_PBX_TOKEN: pbx.token });
        assert.equal(up.code, 0, up.output);
        assert.equal(pbx.state().users.length, 2);
        await t.stack.setConfig("ucaas:pbxToken", { value: pbx.token, secret: true });
        pbx.clearRequests();

        const refresh = await pulumi(["refresh", "--yes"]);
        assert.equal(refresh.code, 1);
        assert.ok(
            refresh.output.includes(
                "Missing setting ucaas:pbxToken (a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in): " +
                    "run `pulumi config set --secret ucaas:pbxToken <value>` or set the environment variable UCAAS_PBX_TOKEN.\n" +
                    "    `pulumi refresh`, `pulumi destroy` and `pulumi preview --refresh` use the stack config saved in the state by the last update, not the current one: " +
                    "if you set or changed it since, run them with --run-program " +
                    "(`pulumi refresh --run-program`, `pulumi destroy --run-program`, `pulumi preview --refresh --run-program`), " +
                    "or give the setting as an environment variable.",
            ),
            refresh.output,
        );
        assert.doesNotMatch(refresh.output, /\n\s+at /, "no stack trace");
        assert.deepEqual(pbx.requests(), []);

        const withVariable = await pulumi(["refresh", "--yes"], { UCAAS_PBX_TOKEN: pbx.token });
        assert.equal(withVariable.code, 0, withVariable.output);
        const withProgram = await pulumi(["refresh", "--yes", "--run-program"]);
        assert.equal(withProgram.code, 0, withProgram.output);
        const destroy = await pulumi(["destroy", "--yes", "--run-program"]);
        assert.equal(destroy.code, 0, destroy.output);
        assert.equal(pbx.state().users.length, 0);
    });
});
