/**
 * The explicit recovery after an interrupted run, end to end through the Pulumi CLI we ship
 * (examples/pbx against the PortSIP simulator, a local file backend): `pulumi up` is killed hard
 * (SIGKILL) while a user's create is in flight and the PBX has already created it; then a user does
 * what the README's "After an interrupted up" says, with the exact commands: `pulumi cancel` for the
 * stale lock, `pulumi refresh --clear-pending-creates`, and one `pulumi up` with
 * UCAAS_ADOPT_MATCHING=true. Without the setting the rerun refuses with the actionable message. Then
 * one read-path fault row through the engine: an HTML 200 on refresh, and a converging `up`; and
 * voicemail PIN drift shown by refresh and restored by up, secret in every output and the state.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import type * as automation from "@pulumi/pulumi/automation";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { pbxExampleSecrets } from "../helpers/pbx-example";
import { usePortSipSimulator } from "../helpers/portsip";


/** Every process below `pid` (children, their children, ...), from /proc. */
function descendantsOf(pid: number): number[] {
    const parents = new Map<number, number>();
    for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
        try {
            // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
        } catch {
            // exited meanwhile
        }
    }
    const below = (parent: number): number[] =>
        [...parents].filter(([, ppid]) => ppid === parent).flatMap(([child]) => [child, ...below(child)]);
    return below(pid);
}

interface CliRun {
    code: number | null;
    output: string;
}

describe("examples/pbx through the Pulumi CLI: a hard-killed up, the recovery, an unreadable refresh, PIN drift", function () {
    this.timeout(5 * 60_000);
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    const users = () => sim().state().users;
    const alice = () => users().find((u: { name: string }) => u.name === "alice");

    /** Starts `pulumi <args>` in the program's folder, as a user would, in its own process group. */
    function start(args: string[], env: Record<string, string> = {}) {
        const child = spawn("pulumi", [...args, "--stack", "test", "--non-interactive"], {
            cwd: workDir,
            env: { ...process.env, ...(t.stack.workspace as automation.LocalWorkspace).envVars, ...env },
            stdio: ["ignore", "pipe", "pipe"],
            detached: true,
        });
        let output = "";
        child.stdout.on("data", (chunk) => (output += chunk));
        child.stderr.on("data", (chunk) => (output += chunk));
        const done = new Promise<CliRun>((resolve) => child.once("exit", (code) => resolve({ code, output })));
        return { child, done };
    }
    const pulumi = (args: string[], env: Record<string, string> = {}) => start(args, env).done;

    before(async () => {
        workDir = await prepareProgram("pbx");
        t = await newStack(workDir, { UCAAS_PBX_URL: sim().url, UCAAS_PBX_TOKEN: sim().token });
        // The example's folder (and its stack config file) is shared by the engine tests of a run:
        // set every key this test relies on, whatever an earlier test left there.
        const config: Record<string, automation.ConfigValue> = {
            "ucaas:pbxUrl": { value: sim().url },
            "ucaas:pbxToken": { value: sim().token, secret: true },
            adoptCarol: { value: "false" },
            aliceDisplayName: { value: "Alice Example" },
            bobExtension: { value: "1002" },
            ...Object.fromEntries(Object.entries(pbxExampleSecrets).map(([key, value]) => [key, { value, secret: true }])),
        };
        await t.stack.setAllConfig(config);
    });

    let aliceId: string;

    it("an up killed hard while alice's create is in flight leaves her created at the PBX, a pending create and a lock", async () => {
        // One step at a time: the role, then bob (who waits for nothing), then alice (who waits for the role).
        // Bob's create and binding pass; alice's create is the third POST below /api/users. The PBX
        // creates her at once and answers only a minute later: the CLI dies before it hears back.
        sim().injectFault({ kind: "delay", ms: 0, method: "POST", pathPrefix: "/api/users", count: 2 });
        sim().injectFault({ kind: "delay", ms: 60_000, mode: "done-then-slow", method: "POST", pathPrefix: "/api/users" });
        const up = start(["up", "--yes", "--skip-preview", "--parallel", "1"]);
        while (!alice()) {
            assert.equal(up.child.exitCode, null, "the up is still running");
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        // The runner goes away as a whole: the CLI first, then the plugins it started (each in its own
        // process group, so they would outlive it), by their ids.
        const plugins = descendantsOf(up.child.pid!);
        up.child.kill("SIGKILL");
        assert.equal((await up.done).code, null, "killed, no exit code");
        for (const pid of plugins) {
            try {
                process.kill(pid, "SIGKILL");
            } catch {
                // already gone
            }
        }
        aliceId = alice()!.id;
        assert.deepEqual(users().map((u: { name: string }) => u.name), ["bob", "alice"]);

        const locked = await pulumi(["refresh", "--yes", "--clear-pending-creates"]);
        assert.notEqual(locked.code, 0);
        assert.match(locked.output, /the stack is currently locked by 1 lock\(s\)\. Either wait for the other process\(es\) to end or delete the lock file with `pulumi cancel`/);
        const deployment = (await t.stack.exportStack()).deployment as { pending_operations?: Array<{ type: string; resource: { urn: string } }> };
        assert.deepEqual(deployment.pending_operations?.map((op) => [op.type, op.resource.urn.split("::").pop()]), [["creating", "alice"]]);
    });

    it("pulumi cancel removes the stale lock; pulumi refresh --clear-pending-creates removes the pending create", async () => {
        const cancel = await pulumi(["cancel", "--yes"]);
        assert.equal(cancel.code, 0, cancel.output);
        const refresh = await pulumi(["refresh", "--yes", "--clear-pending-creates"]);
        assert.equal(refresh.code, 0, refresh.output);
        const deployment = (await t.stack.exportStack()).deployment as { pending_operations?: unknown[]; resources: Array<{ urn: string }> };
        assert.equal(deployment.pending_operations?.length ?? 0, 0);
        assert.equal(deployment.resources.some((r) => r.urn.endsWith("::alice")), false, "alice is not in the state");
        assert.equal(alice()?.id, aliceId, "and still at the PBX, untouched");
    });

    it("pulumi up without the setting refuses to take alice over, naming her and the recovery", async () => {
        const up = await pulumi(["up", "--yes", "--skip-preview"]);
        assert.notEqual(up.code, 0);
        assert.match(up.output, new RegExp(`PortSIP extension 1001 \\(user "alice", id ${aliceId}\\) already exists\\. Set adopt: true on this PbxUser`));
        assert.match(up.output, /run `pulumi refresh --clear-pending-creates`, then one `pulumi up` with ucaas:adoptMatching=true \(or UCAAS_ADOPT_MATCHING=true\)/);
        assert.deepEqual(users().map((u: { name: string }) => u.name), ["bob", "alice"], "alice was not created twice");
    });

    it("pulumi up with UCAAS_ADOPT_MATCHING=true takes alice over (no duplicate, no delete), and the next preview is all same", async () => {
        sim().clearRequests();
        const up = await pulumi(["up", "--yes", "--skip-preview"], { UCAAS_ADOPT_MATCHING: "true" });
        assert.equal(up.code, 0, up.output);
        assert.equal(alice()?.id, aliceId, "the same user");
        assert.equal(users().length, 2);
        const writes = sim().requests().filter((r) => r.method === "POST" && r.path.startsWith("/api/users")).map((r) => r.path.replace(aliceId, "{alice}"));
        // Only what the PBX cannot show: the passwords. No create, no delete, no profile write.
        assert.deepEqual(writes.sort(), ["/api/users/{alice}/extension_password", "/api/users/{alice}/password"]);
        // The group that waited for alice is created now, with her in it.
        assert.deepEqual(sim().state().groups.map((g) => g.members.map((m) => m.extension_number)), [["1001"]]);
        sim().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same", "same", "same"]);
        assert.equal(sim().requests().length, 0);
    });

    it("an HTML 200 on refresh fails naming PortSIP and the read, the state stays; the next up converges with no write", async () => {
        const before = await t.stack.exportStack();
        sim().injectFault({ kind: "html", method: "GET", pathPrefix: "/api/users/" });
        const refresh = await pulumi(["refresh", "--yes"]);
        assert.notEqual(refresh.code, 0);
        assert.match(refresh.output, /PortSIP: read user \S+ failed: HTTP 200 answer not understood: expected a PortSIP user/);
        const resources = (state: automation.Deployment) => (state.deployment.resources as Array<Record<string, unknown>>).map(({ urn, id, outputs }) => ({ urn, id, outputs }));
        assert.deepEqual(resources(await t.stack.exportStack()), resources(before));
        sim().clearRequests();
        const up = await pulumi(["up", "--yes", "--skip-preview", "--refresh"]);
        assert.equal(up.code, 0, up.output);
        assert.deepEqual(sim().requests().filter((r) => r.method !== "GET"), [], "nothing to write");
        assert.equal(users().length, 2);
    });

    it("a voicemail PIN changed at the PBX: refresh shows the drift, up restores it, and no PIN is in any output or the state file", async () => {
        const changedPin = "579135";
        sim().mutateUser(aliceId, { voicemail_pin: changedPin });
        const refresh = await pulumi(["refresh", "--yes", "--diff"]);
        assert.equal(refresh.code, 0, refresh.output);
        const preview = await pulumi(["preview", "--diff"]);
        // Drift, not an edit of the program: the diff says `changes: true`, and the engine shows the state.
        assert.match(preview.output, /~ 1 to update/);
        assert.match(preview.output, /voicemailPin\s*: \[secret\]/);
        const { exported, checkpoint } = await t.exportedState();
        const up = await pulumi(["up", "--yes", "--skip-preview"]);
        assert.equal(up.code, 0, up.output);
        assert.equal(alice()!.voicemail_pin, pbxExampleSecrets.aliceVoicemailPin, "restored");
        for (const text of [refresh.output, preview.output, up.output, exported, checkpoint]) {
            assert.equal(text.includes(changedPin), false, "the PBX's PIN is secret");
            assert.equal(text.includes(pbxExampleSecrets.aliceVoicemailPin), false, "the declared PIN is secret");
        }
    });
});
