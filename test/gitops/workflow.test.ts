import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { settingDefaults } from "../../provider/settings/catalog";
import { scaffoldFiles } from "../../provider/init/template";
import { repoRoot } from "../helpers/engine";
import { loadWorkflow, readGhState, runStep, stepNamed, workflowFile, type Step } from "../helpers/workflow";

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const fixture = (name: string) => path.join(repoRoot, "test", "summary", "fixtures", name);

/** The workflow `pulumi-ucaas init` writes (examples/gitops), production-ready (README, "Running it in a pipeline"). */
describe("the GitOps workflow (examples/gitops, written by init)", () => {
    const text = fs.readFileSync(workflowFile, "utf8");
    const workflow = loadWorkflow(text);
    const jobs = workflow.jobs;
    const allSteps = Object.values(jobs).flatMap((job) => job.steps);
    const runs = allSteps.map((step) => step.run ?? "");

    it("passes actionlint", async function () {
        this.timeout(30_000);
        const found = await promisify(execFile)("bash", ["-c", "command -v actionlint"]).catch(() => undefined);
        assert.ok(found, "actionlint is not on PATH: scripts/toolchain.sh builds it from toolchain/actionlint with Go (npm test runs it there)");
        const lint = await promisify(execFile)("actionlint", ["-no-color", workflowFile]).then(
            ({ stdout }) => ({ code: 0, stdout }),
            (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: `${error.stdout}${error.stderr}` }),
        );
        assert.equal(lint.code, 0, lint.stdout);
    });

    it("pins every action by commit, the CLI to the @pulumi/pulumi the package is built against, Node and the runner", () => {
        const uses = [...text.matchAll(/uses: (\S+)(.*)$/gm)];
        assert.ok(uses.length >= 12, "checkout, setup-node, pulumi/actions, cloud credentials in each job");
        for (const [line, action, comment] of uses) {
            assert.match(action, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, line);
            assert.match(comment, /^ # v\d+\.\d+\.\d+$/, `${line}: the release in a comment`);
        }
        const installs = allSteps.filter((step) => step.uses?.startsWith("pulumi/actions@"));
        assert.equal(installs.length, 3);
        for (const step of installs) {
            assert.deepEqual(step.with, { "pulumi-version": manifest.devDependencies["@pulumi/pulumi"] }, "install only, that version");
        }
        assert.equal(manifest.devDependencies["@pulumi/pulumi"], "3.276.0");
        for (const step of allSteps.filter((s) => s.uses?.startsWith("actions/setup-node@"))) {
            assert.equal(step.with?.["node-version"], 24);
        }
        for (const job of Object.values(jobs)) assert.equal(job["runs-on"], "ubuntu-24.04");
    });

    it("logs in to its S3 backend with OIDC, and names the other backends' steps", () => {
        assert.deepEqual(workflow.permissions, {}, "each job asks for its own permissions");
        for (const name of ["preview", "apply", "drift"]) {
            const job = jobs[name];
            assert.equal(job.permissions?.["id-token"], "write", name);
            const credentials = job.steps.find((step) => step.name === "Cloud credentials")!;
            assert.match(credentials.uses!, /^aws-actions\/configure-aws-credentials@/);
            assert.equal(credentials.with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
            // The passphrase only where pulumi runs, never in `npm ci`'s environment.
            const withSecret = job.steps.filter((step) => step.env?.PULUMI_CONFIG_PASSPHRASE);
            assert.ok(withSecret.length >= 1 && withSecret.every((step) => /\bpulumi (preview|refresh|up)\b/.test(step.run ?? "")), name);
        }
        assert.equal(workflow.env.PULUMI_BACKEND_URL, "${{ vars.PULUMI_BACKEND_URL }}");
        assert.doesNotMatch(JSON.stringify(workflow.env), /secrets\./, "no secret in the workflow-wide env");
        for (const alternative of [/PULUMI_ACCESS_TOKEN: \$\{\{ secrets\.PULUMI_ACCESS_TOKEN \}\}/, /Azure\/login@[0-9a-f]{40} # v/, /azblob:\/\//, /google-github-actions\/auth@[0-9a-f]{40} # v/, /gs:\/\//]) {
            assert.match(text, alternative);
        }
    });

    it("never runs a fork's code with secrets, and says why a fork's pull request is not previewed", async () => {
        assert.ok(!("pull_request_target" in workflow.on));
        assert.match(jobs.preview.if, /github\.event\.pull_request\.head\.repo\.full_name == github\.repository/);
        assert.match(jobs["fork-notice"].if, /github\.event\.pull_request\.head\.repo\.full_name != github\.repository/);
        assert.deepEqual(jobs["fork-notice"].permissions, undefined);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-fork-"));
        const notice = await runStep(workflow, jobs["fork-notice"].steps[0], dir, {}, path.join(dir, "gh.json"));
        assert.match(notice.output, /^::notice title=No telephony preview::Pull requests from forks are not previewed: they get no secrets/);
        assert.match(notice.summary, /A maintainer can push this branch/);
    });

    it("gives every job a timeout, sized so Masergy's own job deadline comes first", () => {
        for (const [name, job] of Object.entries(jobs)) assert.ok(job["timeout-minutes"] > 0, name);
        const apply = jobs.apply;
        const update = stepNamed(apply, "Update");
        const refresh = stepNamed(apply, "Refresh");
        assert.ok(update["timeout-minutes"]! > Number(settingDefaults.masergyJobTimeoutMinutes), "longer than ucaas:masergyJobTimeoutMinutes");
        assert.ok(apply["timeout-minutes"] > update["timeout-minutes"]! + refresh["timeout-minutes"]!);
        assert.ok(apply.steps.find((s) => s.name === "Cloud credentials")!.with!["role-duration-seconds"] as number > apply["timeout-minutes"] * 60);
    });

    it("has one concurrency group per stack for what writes it, never cancelled, and others for previews and drift checks", () => {
        assert.deepEqual(jobs.apply.concurrency, { group: "telephony-stack-production", "cancel-in-progress": false });
        assert.equal(jobs.drift.concurrency?.group, "telephony-drift-production");
        assert.match(jobs.preview.concurrency!.group, /^telephony-preview-production-\$\{\{ github\.event\.pull_request\.number \}\}$/);
        assert.equal(workflow.env.STACK, "production");
    });

    it("runs refresh and up as pulumi itself (exec), so a cancel's SIGINT reaches it, and says what to do after a cancel", () => {
        for (const name of ["Refresh", "Update"]) assert.match(stepNamed(jobs.apply, name).run!, /^exec pulumi /, name);
        const after = stepNamed(jobs.apply, "After a cancelled run");
        assert.equal(after.if, "cancelled()");
        for (const command of ["pulumi cancel --yes", "--clear-pending-creates", "UCAAS_ADOPT_MATCHING=true pulumi up", "After an interrupted up"]) {
            assert.ok(after.run!.includes(command), command);
        }
    });

    it("runs on the files of the program only, on pull requests and on merges", () => {
        const on = workflow.on as Record<string, { paths: string[]; branches?: string[] }>;
        const patterns = on.pull_request.paths;
        assert.deepEqual(on.push.paths, patterns);
        assert.deepEqual(on.push.branches, ["main"]);
        const matches = (file: string) => patterns.some((pattern) => new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`).test(file));
        const program = [...scaffoldFiles.filter((file) => file !== "README.md" && file !== ".gitignore"), "Pulumi.production.yaml", "package-lock.json"];
        for (const file of program) assert.ok(matches(file), file);
        assert.ok(!matches("README.md"));
    });

    it("applies with a refresh of its own first (current config), then up with the policy pack and its own preview", () => {
        const steps = jobs.apply.steps.map((step) => step.name);
        assert.ok(steps.indexOf("Refresh") < steps.indexOf("Update"));
        assert.match(stepNamed(jobs.apply, "Refresh").run!, /pulumi refresh --stack "\$STACK" --yes --skip-preview --run-program /);
        const up = stepNamed(jobs.apply, "Update").run!;
        assert.match(up, /pulumi up .*--policy-pack "\$POLICY_PACK" --policy-pack-config "\$POLICY_CONFIG"/s);
        assert.doesNotMatch(up, /--skip-preview|--refresh/);
        assert.match(stepNamed(jobs.preview, "Preview").run!, /--policy-pack "\$POLICY_PACK" --policy-pack-config "\$POLICY_CONFIG"/);
        assert.equal(workflow.env.POLICY_PACK, "node_modules/pulumi-ucaas/policy");
    });

    it("runs every refresh, destroy and preview --refresh with --run-program", () => {
        const commands = runs.join("\n").match(/pulumi (refresh|destroy|preview [^\n]*--refresh)[^\n]*/g) ?? [];
        assert.ok(commands.length >= 2, commands.join("\n"));
        for (const command of commands) assert.match(command, /--run-program/, command);
    });

    describe("the nightly drift check keeps one issue up to date", () => {
        const check = stepNamed(jobs.drift, "Read everything back from the vendors");
        const issueStep = stepNamed(jobs.drift, "Open, update or close the drift issue");
        let dir: string;
        let ghState: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-drift-"));
            ghState = path.join(dir, "gh.json");
        });
        const night = async (preview: string, summary: string) => {
            fs.copyFileSync(fixture(preview), path.join(dir, "preview.json"));
            fs.writeFileSync(path.join(dir, "drift.md"), summary);
            const run = await runStep(workflow, issueStep, dir, { RUN_URL: "https://github.com/example/telephony-ops/actions/runs/7" }, ghState);
            assert.equal(run.code, 0, run.output);
            return readGhState(ghState);
        };

        it("previews with a refresh of the current config, as JSON, summarized", () => {
            assert.match(check.run!, /pulumi preview --stack "\$STACK" --refresh --run-program --non-interactive --json > preview\.json/);
            assert.match(check.run!, /pulumi-ucaas summarize preview\.json > drift\.md/);
            assert.equal(jobs.drift.permissions?.issues, "write");
        });

        it("no drift and no issue: nothing is opened", async () => {
            const gh = await night("pbx-unchanged.json", "No changes.\n");
            assert.deepEqual(gh.issues, []);
        });

        it("drift: opens an issue with the summary and what to do", async () => {
            const gh = await night("pbx-drift.json", "| changed | alice, extension 1001 | `department` | vendor now: `\"Sales\"` → will write: `\"Support\"` |\n");
            assert.equal(gh.issues.length, 1);
            const [issue] = gh.issues;
            assert.equal(issue.title, "Telephony drift in stack production");
            assert.deepEqual(issue.labels, ["telephony-drift"]);
            assert.ok(issue.body.startsWith("| changed | alice, extension 1001 | `department`"), issue.body);
            assert.match(issue.body, /run the workflow with job \*\*apply\*\*/);
            assert.match(issue.body, /actions\/runs\/7/);
        });

        it("drift again: updates the same issue", async () => {
            const gh = await night("pbx-drift.json", "| changed | alice, extension 1001 | `displayName` | ... |\n");
            assert.equal(gh.issues.length, 1);
            assert.ok(gh.issues[0].body.startsWith("| changed | alice, extension 1001 | `displayName`"));
        });

        it("no drift any more: closes it", async () => {
            const gh = await night("pbx-unchanged.json", "No changes.\n");
            assert.equal(gh.issues[0].state, "closed");
            assert.match(gh.issues[0].comments[0], /No drift any more/);
        });
    });

    describe("the pull request's comment: the summary above the raw diff", () => {
        const preview = stepNamed(jobs.preview, "Preview");
        const comment = stepNamed(jobs.preview, "Comment on the pull request");
        let dir: string;
        let ghState: string;
        let PATH: string;
        before(() => {
            dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-comment-"));
            ghState = path.join(dir, "gh.json");
            // `npx --no-install pulumi-ucaas` of the ops repo: this package's CLI.
            const bin = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-npx-"));
            fs.writeFileSync(path.join(bin, "npx"), `#!/bin/sh\nshift 2\nexec node ${JSON.stringify(path.join(repoRoot, "dist", "provider", "cli", "main.js"))} "$@"\n`, { mode: 0o755 });
            PATH = `${bin}${path.delimiter}${process.env.PATH}`;
        });
        const push = async (previewJson: string, diff: string) => {
            fs.copyFileSync(fixture(previewJson), path.join(dir, "preview.json"));
            fs.writeFileSync(path.join(dir, "preview.txt"), diff);
            const run = await runStep(workflow, comment, dir, { PR_NUMBER: "12", GH_TOKEN: "t", PATH }, ghState);
            assert.equal(run.code, 0, run.output);
            return readGhState(ghState).comments;
        };

        it("the preview step records its status for the comment and the last step", () => {
            assert.match(preview.run!, /echo "status=\$status" >> "\$GITHUB_OUTPUT"/);
            assert.equal(stepNamed(jobs.preview, "Fail when the preview failed").if, "steps.preview.outputs.status != '0'");
        });

        it("posts one comment: the summary's tables, then the diff in a details block", async () => {
            const comments = await push("pbx-edit.json", "~ pulumi-nodejs:dynamic/ucaas:PbxUser pbx-user-alice update\n");
            assert.equal(comments.length, 1);
            const body = comments[0].body;
            assert.ok(body.startsWith("<!-- pulumi-ucaas preview: production -->\n### Telephony preview of stack `production`"), body);
            const table = body.indexOf("| Action | Object | Field |");
            const details = body.indexOf("<details><summary>pulumi preview --diff</summary>");
            assert.ok(table > 0 && details > table, body);
            assert.ok(body.includes("~ pulumi-nodejs:dynamic/ucaas:PbxUser pbx-user-alice update"));
        });

        it("a new push updates that comment; a failed preview says so", async () => {
            const comments = await push("pbx-failed.json", "error: preview failed\n");
            assert.equal(comments.length, 1);
            assert.match(comments[0].body, /\*\*The preview failed:\*\*/);
            assert.ok(readGhState(ghState).calls.some((call) => call.includes("PATCH")));
        });
    });
});
