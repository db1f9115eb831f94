import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { envVarName, settingKeys } from "../../provider/settings/catalog";
import { startMasergySimulator, startPortSipSimulator, type MasergySimulatorHandle, type PortSipSimulatorHandle } from "pulumi-ucaas/simulators";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { pulumiCli, type CliRun } from "../helpers/pulumi-cli";

const roster = `pbx:
  users:
    - name: alice
      displayName: Alice Example
      email: alice@example.com
      role: StandardUser
      extensionNumber: "1001"
      password: { secret: alicePassword }
      extensionPassword: { secret: aliceExtensionPassword }
      voicemailPin: { secret: aliceVoicemailPin }
masergy:
  users:
    - groupId: SIM-NYC
      userId: jdoe@example.com
      firstName: Jane
      lastName: Doe
      emailAddress: jane.doe@example.com
      webPortalPassword: { secret: janePortalPassword }
      extension: "0101"
      mainServicePack: UC-Standard
      addressType: NONE
      timeZone: America/New_York
sections: [pbx.users, masergy.users]
`;

const storedConfig = "`pulumi refresh`, `pulumi destroy` and `pulumi preview --refresh` use the stack config saved in the state by the last update, not the current one";
const rotatedHint =
    `${storedConfig}: if you rotated this credential since (a new token or password in the stack config), run them with --run-program ` +
    "(`pulumi refresh --run-program`, `pulumi destroy --run-program`, `pulumi preview --refresh --run-program`); the next `pulumi up` saves the current config.";

/**
 * Rotating a credential: the engine keeps the stack config of the last update in the state and
 * `refresh`, `destroy` and `preview --refresh` use that copy unless run with `--run-program`. The
 * old PortSIP token and Masergy refresh token are revoked at the simulators, as a vendor does.
 */
describe("rotating vendor credentials (pulumi CLI)", function () {
    this.timeout(5 * 60_000);
    let pbx: PortSipSimulatorHandle;
    let masergy: MasergySimulatorHandle;
    let t: TestStack;
    let pulumi: (args: string[]) => Promise<CliRun>;

    before(async () => {
        [pbx, masergy] = await Promise.all([startPortSipSimulator(), startMasergySimulator({ jobDurationMs: 50 })]);
        const source = await prepareProgram("roster");
        const workDir = fs.mkdtempSync(`${source}-rotation-`);
        fs.cpSync(source, workDir, { recursive: true });
        fs.writeFileSync(path.join(workDir, "roster.yaml"), roster);
        // Only the stack config points the provider anywhere.
        t = await newStack(workDir, Object.fromEntries(settingKeys.map((key) => [envVarName(key), ""])));
        pulumi = pulumiCli(t, workDir);
        await t.stack.setAllConfig({
            "ucaas:pbxUrl": { value: pbx.url },
            "ucaas:pbxToken": { value: pbx.token, secret: true },
            "ucaas:masergyApiUrl": { value: masergy.apiUrl },
            "ucaas:masergyTokenUrl": { value: masergy.tokenUrl },
            "ucaas:masergyRefreshToken": { value: masergy.issueRefreshToken(), secret: true },
            "ucaas:masergyPollIntervalSeconds": { value: "0.05" },
            alicePassword: { value: "Alice-Password-1", secret: true },
            aliceExtensionPassword: { value: "Alice-Extension-1", secret: true },
            aliceVoicemailPin: { value: "246813", secret: true },
            janePortalPassword: { value: "Jane-Portal-1", secret: true },
        });
        const up = await pulumi(["up", "--yes"]);
        assert.equal(up.code, 0, up.output);

        // The PBX admin generates a new API token, and the Masergy user mints a new refresh token and
        // revokes the old one; both go into the stack config.
        const oldRefreshToken = (await t.stack.getConfig("ucaas:masergyRefreshToken")).value;
        await t.stack.setConfig("ucaas:pbxToken", { value: pbx.rotateStaticToken(), secret: true });
        await t.stack.setConfig("ucaas:masergyRefreshToken", { value: masergy.issueRefreshToken(), secret: true });
        masergy.revokeRefreshTokens(oldRefreshToken);
    });
    after(async () => {
        await Promise.all([pbx?.stop(), masergy?.stop()]);
    });

    function assertRefusedWithHint(run: CliRun): void {
        assert.notEqual(run.code, 0, run.output);
        assert.match(run.output, /PortSIP: .* failed: HTTP 401 UNAUTHORIZED: invalid access token\n\s+`pulumi refresh`, `pulumi destroy`/, run.output);
        assert.match(run.output, /Masergy: get an access token with the offline refresh token failed: HTTP 400 invalid_grant/, run.output);
        const hints = run.output.split(rotatedHint).length - 1;
        assert.ok(hints >= 2, `the hint after each vendor's refusal:\n${run.output}`);
        assert.doesNotMatch(run.output, /\n\s+at /, "no stack trace");
    }

    it("without --run-program, refresh, preview --refresh and destroy use the revoked credentials and say to add it", async () => {
        assertRefusedWithHint(await pulumi(["refresh", "--yes"]));
        assertRefusedWithHint(await pulumi(["preview", "--refresh"]));
        assertRefusedWithHint(await pulumi(["destroy", "--yes"]));
        assert.equal(pbx.state().users.length, 1);
        assert.equal(masergy.state().users.length, 1);
    });

    it("with --run-program they use the current config", async () => {
        const refresh = await pulumi(["refresh", "--yes", "--run-program"]);
        assert.equal(refresh.code, 0, refresh.output);
        const preview = await pulumi(["preview", "--refresh", "--run-program", "--expect-no-changes"]);
        assert.equal(preview.code, 0, preview.output);
        const destroy = await pulumi(["destroy", "--yes", "--run-program"]);
        assert.equal(destroy.code, 0, destroy.output);
        assert.deepEqual(pbx.state().users, []);
        assert.deepEqual(masergy.state().users, []);
    });
});
