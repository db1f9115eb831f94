import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const workflowFile = path.join(__dirname, "..", "..", "examples", "gitops", ".github", "workflows", "telephony-shards.yml");

type Job = {
    if?: string;
    needs?: string;
    strategy?: { matrix: { stack: string } };
    steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }>;
};

describe("examples/gitops, sharded", () => {
    const workflow = parse(fs.readFileSync(workflowFile, "utf8")) as { jobs: Record<string, Job> };
    const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

    it("lists the changed shards' stacks once, without running a program", () => {
        assert.match(runs(workflow.jobs.plan), /pulumi-ucaas shards list --changed/);
    });

    it("previews a pull request with one job per changed stack", () => {
        const preview = workflow.jobs.preview;
        assert.equal(preview.strategy?.matrix.stack, "${{ fromJSON(needs.plan.outputs.changed) }}");
        const step = preview.steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
        assert.deepEqual([step.with?.command, step.with?.["stack-name"]], ["preview", "${{ matrix.stack }}"]);
        assert.match(preview.if!, /pull_request/);
    });

    it("applies on merge through `shards up`, which orders the shards and bounds the requests per vendor", () => {
        assert.match(runs(workflow.jobs.apply), /pulumi-ucaas shards up --max-concurrency \d+ --parallel \d+/);
        assert.match(workflow.jobs.apply.if!, /refs\/heads\/main/);
    });

    it("checks every stack for drift, one job each", () => {
        assert.equal(workflow.jobs.drift.strategy?.matrix.stack, "${{ fromJSON(needs.plan.outputs.all) }}");
        assert.match(runs(workflow.jobs.drift), /pulumi preview --stack "\$STACK" --refresh .*--expect-no-changes/);
    });
});
