import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { newStack, type TestStack } from "../helpers/engine";
import { pbxExampleSecrets } from "../helpers/pbx-example";
import { usePortSipSimulator } from "../helpers/portsip";
import { ownCopyOf } from "../summary/digests";

/**
 * A known limit, measured: a replacement that only a refresh plans. Bob's extension was changed in
 * the PBX's web UI, so the refreshed state differs from the program on a field that replaces the
 * user. The engine gives a policy no refreshed state, and the checkpoint the pack reads is the one
 * from before the refresh (a preview saves nothing; `up` has not saved the refresh yet when the
 * pack reads it), so the pack sees no replacement. If these two tests fail, the pack sees more than
 * it did: update the README's Guardrails section. A `pulumi refresh` of its own, before `up`, saves
 * the refreshed state, and then the pack refuses the replacement.
 */
describe("the guardrails do not see a replacement that only a refresh plans (examples/pbx)", function () {
    this.timeout(10 * 60_000);
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    let pack: string;
    /** The pulumi CLI in the program's folder, on the test stack. */
    const cli = (args: string[]) => {
        const workspace = t.stack.workspace as automation.LocalWorkspace;
        return promisify(execFile)("pulumi", [...args, "--stack", t.stack.name], { cwd: workDir, env: { ...process.env, ...workspace.envVars }, maxBuffer: 64 << 20 });
    };
    const bobsExtension = () => sim().state().users.find((u: { name: string }) => u.name === "bob")?.extension_number;

    before(async () => {
        workDir = await ownCopyOf("pbx");
        pack = path.join(workDir, "node_modules", "pulumi-ucaas", "policy");
        t = await newStack(workDir, { UCAAS_PBX_URL: "", UCAAS_PBX_TOKEN: "" });
        await t.stack.setConfig("ucaas:pbxUrl", { value: sim().url });
        await t.stack.setConfig("ucaas:pbxToken", { value: sim().token, secret: true });
        for (const [key, value] of Object.entries(pbxExampleSecrets)) {
            await t.stack.setConfig(key, { value, secret: true });
        }
        assert.equal((await t.stack.up()).summary.result, "succeeded");
        const bob = sim().state().users.find((u: { name: string }) => u.name === "bob")!;
        sim().mutateUser(bob.id, { extension_number: "1009" });
    });

    it("`preview --refresh` plans bob's replacement, and the pack is quiet", async () => {
        const events: automation.PolicyEvent[] = [];
        const steps = await t.previewSteps({ refresh: true, policyPacks: [pack], onEvent: (e) => e.policyEvent && events.push(e.policyEvent) });
        assert.deepEqual(steps.get("bob")?.map((s) => s.op).filter((op) => op !== "refresh"), ["delete-replaced", "replace", "create-replacement"]);
        assert.deepEqual(events, []);
    });

    it("`pulumi up --refresh` replaces bob, and the pack is quiet", async () => {
        const { stdout } = await cli(["up", "--refresh", "--yes", "--policy-pack", pack]);
        assert.match(stdout, /Policies:\n\s+✅ pulumi-ucaas-guardrails@v0\.1\.0/);
        assert.equal(bobsExtension(), "1002", "bob was replaced to correct the drift");
    });

    it("a `pulumi refresh` of its own before `pulumi up` saves the drift, and the pack refuses the replacement", async () => {
        const bob = sim().state().users.find((u: { name: string }) => u.name === "bob")!;
        sim().mutateUser(bob.id, { extension_number: "1009" });
        await t.stack.refresh();
        const failure = await cli(["up", "--yes", "--policy-pack", pack]).then(
            () => undefined,
            (error: { stdout?: string }) => error,
        );
        assert.ok(failure, "pulumi up failed");
        assert.match(failure.stdout ?? "", /bob \(PbxUser bob, extension 1009\) would be replaced, because extensionNumber changes "1009" -> "1002"/);
        assert.equal(bobsExtension(), "1009", "bob was not replaced");
    });
});
