import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as automation from "@pulumi/pulumi/automation";
import { newStack, repoRoot, type TestStack } from "../helpers/engine";

// The CLI starts a Node.js policy pack through the language host (RunPlugin); there is no
// `pulumi-analyzer-policy` launcher any more. This runs a policy pack through our host for real.
const policyPack = path.join(repoRoot, "test", "toolchain", "policy-pack");

const program = `
const pulumi = require("@pulumi/pulumi");
const provider = { async create(inputs) { return { id: "x", outs: inputs }; } };
const name = new pulumi.Config().require("resourceName");
new pulumi.dynamic.Resource(provider, name, { name });
`;

function programDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-policy-program-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: policy-program\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "policy-program", main: "index.js" }));
    fs.writeFileSync(path.join(dir, "index.js"), program);
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
    return dir;
}

describe("a Node.js policy pack through the CLI and our language host", function () {
    this.timeout(5 * 60_000);
    let t: TestStack;

    before(async () => {
        t = await newStack(programDir());
        await t.stack.setConfig("policytest:marker", { value: "m-42" });
    });

    async function preview(resourceName: string) {
        await t.stack.setConfig("resourceName", { value: resourceName });
        const events: automation.PolicyEvent[] = [];
        const onEvent = (e: automation.EngineEvent) => e.policyEvent && events.push(e.policyEvent);
        try {
            await t.stack.preview({ policyPacks: [policyPack], onEvent });
            return { failed: false, events };
        } catch (err) {
            return { failed: true, events, message: String(err) };
        }
    }

    it("runs the pack with the stack's name and config, and reports its advisory findings", async () => {
        const { failed, events } = await preview("fine");
        assert.equal(failed, false);
        assert.deepEqual(
            events.map((e) => [e.policyName, e.enforcementLevel, e.message.trim()]),
            [["stack-seen", "advisory", "resource fine seen in stack test, marker m-42"]],
        );
    });

    it("fails the preview on a mandatory violation, naming the policy and the resource", async () => {
        const { failed, events } = await preview("forbidden");
        assert.equal(failed, true);
        const mandatory = events.filter((e) => e.enforcementLevel === "mandatory");
        assert.deepEqual(mandatory.map((e) => [e.policyName, e.message.trim()]), [
            ["no-forbidden-name", 'resource forbidden is named "forbidden"'],
        ]);
    });
});
