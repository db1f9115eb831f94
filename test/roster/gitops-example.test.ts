import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const workflowFile = path.join(__dirname, "..", "..", "examples", "gitops", ".github", "workflows", "telephony.yml");

describe("examples/gitops", () => {
    const workflow = parse(fs.readFileSync(workflowFile, "utf8")) as {
        on: Record<string, unknown>;
        jobs: Record<string, { if: string; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
    };

    it("previews pull requests with a per-property diff posted as a comment", () => {
        assert.ok("pull_request" in workflow.on);
        const step = workflow.jobs.preview.steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
        assert.deepEqual([step.with?.command, step.with?.diff, step.with?.["comment-on-pr"]], ["preview", true, true]);
        assert.match(workflow.jobs.preview.if, /pull_request/);
    });

    it("applies on merge to main only", () => {
        const step = workflow.jobs.apply.steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
        assert.equal(step.with?.command, "up");
        assert.match(workflow.jobs.apply.if, /refs\/heads\/main/);
    });

    it("checks for drift nightly by refreshing and expecting no changes", () => {
        assert.ok("schedule" in workflow.on);
        const run = workflow.jobs.drift.steps.map((s) => s.run ?? "").join("\n");
        assert.match(run, /pulumi preview .*--refresh.*--expect-no-changes/);
    });
});
