/**
 * examples/pbx through the real Pulumi engine, with a proxy in front of the PortSIP simulator:
 * no secret appears in any CLI output (check failures, a vendor echoing the request), and a refresh
 * that meets an answer it does not understand fails with the state untouched.
 *
 * Every secret here is plain (not `--secret`) stack config or an environment variable, so the
 * engine's own masking of encrypted config values cannot hide a leak: only the provider can.
 */
import { strict as assert } from "node:assert";
import { echoRequest, useAnswerProxy } from "../helpers/answer-proxy";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { usePortSipSimulator } from "../helpers/portsip";
import { htmlLoginPage } from "../helpers/raw-server";

const secrets: Record<string, string> = {
    alicePassword: "alice-Plain-Canary-1",
    aliceExtensionPassword: "alice-Ext-Canary-2",
    aliceVoicemailPin: "246813",
    bobPassword: "bob-Plain-Canary-3",
    bobExtensionPassword: "bob-Ext-Canary-4",
    bobVoicemailPin: "864213",
};

/** Runs a CLI command and returns everything it printed, stdout and stderr, and whether it failed. */
async function cliOutput(run: (onOutput: (text: string) => void) => Promise<unknown>): Promise<{ output: string; failed: boolean }> {
    let output = "";
    try {
        await run((text) => void (output += text));
        return { output, failed: false };
    } catch (error) {
        return { output: `${output}\n${(error as Error).message}`, failed: true };
    }
}

function assertNoneOf(output: string, values: string[]): void {
    for (const value of values) {
        assert.equal(output.includes(value), false, `the CLI output shows ${value}:\n${output}`);
    }
}

describe("examples/pbx through the real Pulumi engine, behind a proxy: secrets and unreadable answers", function () {
    this.timeout(10 * 60_000);
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    const proxy = useAnswerProxy(() => sim().url, "UCAAS_PBX_URL");
    let t: TestStack;

    before(async () => {
        const workDir = await prepareProgram("pbx");
        // The endpoint and token reach the provider as plain variables, not as encrypted stack config.
        t = await newStack(workDir, { UCAAS_PBX_URL: proxy().url, UCAAS_PBX_TOKEN: sim().token });
        for (const [key, value] of Object.entries(secrets)) {
            await t.stack.setConfig(key, { value });
        }
    });

    it("a check failure about a secret names the property and never prints its value", async () => {
        const tooLong = `Check-Canary-${"x".repeat(60)}`; // longer than the 64 characters PortSIP allows
        const badPin = "5550371"; // repeats a digit three times
        await t.stack.setConfig("alicePassword", { value: tooLong });
        await t.stack.setConfig("aliceVoicemailPin", { value: badPin });
        const { output, failed } = await cliOutput((onOutput) => t.stack.preview({ onOutput }));
        assert.ok(failed, output);
        assert.match(output, /resource 'alice' has a problem: password \(secret, value not shown\): Too big/);
        assert.match(output, /resource 'alice' has a problem: voicemailPin \(secret, value not shown\): must not repeat a digit three times/);
        assertNoneOf(output, [tooLong, badPin, "Check-Canary"]);
        assert.equal(sim().requests().length, 0, "check sends nothing");
        await t.stack.setConfig("alicePassword", { value: secrets.alicePassword });
        await t.stack.setConfig("aliceVoicemailPin", { value: secrets.aliceVoicemailPin });
    });

    it("a vendor that echoes the request (headers and body) into its error puts no token or password on screen", async () => {
        proxy().rule({ method: "POST", path: /^\/api\/users$/, respond: echoRequest(400) });
        const { output, failed } = await cliOutput((onOutput) => t.stack.up({ onOutput }));
        assert.ok(failed, output);
        assert.match(output, /PortSIP: create user \w+ \(extension \d+\) failed: HTTP 400 VALIDATE_FAILED: POST \/api\/users/);
        assert.match(output, /\[REDACTED\]/);
        assertNoneOf(output, [sim().token, ...Object.values(secrets)]);
    });

    it("refresh that meets an HTML page answered 200 fails and leaves the state as it was", async () => {
        proxy().clearRules();
        const up = await t.stack.up();
        assert.equal(up.summary.result, "succeeded");
        // What the resources record (the engine itself rewrites bookkeeping such as propertyDependencies).
        const recorded = async () =>
            ((await t.stack.exportStack()).deployment.resources as Array<Record<string, unknown>>).map(({ urn, id, inputs, outputs }) => ({ urn, id, inputs, outputs }));
        const before = await recorded();

        proxy().rule({ method: "GET", path: /^\/api\/(roles|users)\//, respond: () => ({ status: 200, contentType: "text/html", body: htmlLoginPage }) });
        const { output, failed } = await cliOutput((onOutput) => t.stack.refresh({ onOutput }));
        assert.ok(failed, output);
        assert.match(output, /PortSIP: read (role Support|user \S+) failed: HTTP 200 answer not understood/);
        assert.deepEqual(await recorded(), before);

        proxy().clearRules();
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same", "same", "same"]);
    });

    it("destroy leaves the PBX empty", async () => {
        proxy().clearRules();
        await t.stack.destroy();
        assert.deepEqual(sim().state().users, []);
    });
});
