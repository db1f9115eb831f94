import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { parseRoster } from "pulumi-ucaas";
import { parseDocument } from "yaml";
import { newStack, type TestStack } from "../helpers/engine";
import { ownCopyOf } from "../summary/digests";

// The demo's simulators, settings and secrets: the roster example as `npm run demo` deploys it.
const { demoSecrets, startDemoSimulators } = require("../../scripts/demo-simulators");

/**
 * A test-only addition to the roster program: a UMP desk phone named by the program (so its
 * identity can change: a roster names an endpoint by its identity), and, when asked, a PbxUser
 * declared without the resource class (plain passwords reach the engine) next to one declared with it.
 */
const extraProgram = `import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

const config = new pulumi.Config();
new ucaas.UmpEndpoint("ump-desk", { identity: config.require("deskIdentity"), enterpriseVoiceEnabled: true, lineUri: "tel:+311111122" });
if (config.getBoolean("plainSecrets")) {
    const carol = { displayName: "Carol Example", email: "carol@example.com", role: "StandardUser", password: "Carol-Plain-1", extensionPassword: "Carol-Plain-2", voicemailPin: "135792" };
    new pulumi.dynamic.Resource(require("pulumi-ucaas/providers/pbx-user"), "raw-carol", { ...carol, name: "carol", extensionNumber: "1003" }, {}, "ucaas", "PbxUser");
    new ucaas.PbxUser("typed-dave", { ...carol, name: "dave", extensionNumber: "1005" });
}
`;

const secretConfig = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, secret: true }]));

interface Outcome {
    failed: boolean;
    output: string;
    events: automation.PolicyEvent[];
}

/** Offboarding bob and the Teams user: 2 of the 6 users the test stack manages. */
const bobAndTeams: Array<[Array<string | number>, unknown]> = [
    [["pbx", "users", 1], undefined],
    [["teams", "users", 0], undefined],
];

const approvalIn = (message: string) => /add (\S+=[0-9a-f]{12}) to the stack config/.exec(message)?.[1];

describe("the guardrails policy pack, installed with the package, through the real CLI", function () {
    this.timeout(10 * 60_000);
    let sims: { config: Record<string, { value: string; secret?: boolean }>; describe(print: (text: string) => void): void; stop(): Promise<void> };
    let t: TestStack;
    let workDir: string;
    let pack: string;
    let original: string;
    const rosterFile = () => path.join(workDir, "roster.yaml");

    /** Writes the demo roster with `edits` ([path, value] pairs; value undefined deletes) applied. */
    function writeRoster(...edits: Array<[Array<string | number>, unknown]>): void {
        const doc = parseDocument(original);
        for (const [at, value] of edits) {
            if (value === undefined) doc.deleteIn(at);
            else doc.setIn(at, value);
        }
        fs.writeFileSync(rosterFile(), doc.toString());
    }

    async function preview(options: automation.PreviewOptions = {}): Promise<Outcome> {
        const events: automation.PolicyEvent[] = [];
        const onEvent = (event: automation.EngineEvent) => event.policyEvent && events.push(event.policyEvent);
        try {
            const result = await t.stack.preview({ policyPacks: [pack], onEvent, ...options });
            return { failed: false, output: result.stdout, events };
        } catch (error) {
            return { failed: true, output: String(error), events };
        }
    }

    /** The preview failed on exactly one mandatory violation: `policy` on `resource`, saying `message`. */
    function assertRefusedBy(outcome: Outcome, policy: string, resource: string, message: string): void {
        assert.equal(outcome.failed, true);
        const refused = mandatory(outcome);
        assert.deepEqual(refused.map((e) => [e.policyName, resourceOf(e)]), [[policy, resource]]);
        assert.equal(messageOf(refused[0]), message);
    }

    /** What the simulated vendors hold, as the demo prints it. */
    function heldBySimulators(): string {
        let text = "";
        sims.describe((line: string) => (text += line));
        return text;
    }

    const mandatory = (outcome: Outcome, policy?: string) =>
        outcome.events.filter((e) => e.enforcementLevel === "mandatory" && (!policy || e.policyName === policy));
    /** Messages end with a line break. */
    const messageOf = (event: automation.PolicyEvent) => event.message.trimEnd();
    const resourceOf = (event: automation.PolicyEvent) => event.resourceUrn?.split("::").pop();

    before(async () => {
        sims = await startDemoSimulators();
        workDir = await ownCopyOf("roster");
        pack = path.join(workDir, "node_modules", "pulumi-ucaas", "policy");
        original = fs.readFileSync(rosterFile(), "utf8");
        fs.writeFileSync(path.join(workDir, "extra.ts"), extraProgram);
        fs.appendFileSync(path.join(workDir, "index.ts"), '\nimport "./extra";\n');
        t = await newStack(workDir);
        await t.stack.setAllConfig({ ...sims.config, ...secretConfig(demoSecrets(parseRoster(original))), deskIdentity: { value: "sip:bob@contoso.com" } });
        // The merge's `up` with the pack: creating the users violates nothing.
        const events: automation.PolicyEvent[] = [];
        const up = await t.stack.up({ policyPacks: [pack], onEvent: (e) => e.policyEvent && events.push(e.policyEvent) });
        assert.equal(up.summary.result, "succeeded");
        assert.deepEqual(events, []);
    });

    after(async () => {
        if (t) {
            fs.writeFileSync(rosterFile(), original);
            await t.stack.setConfig("plainSecrets", { value: "false" });
            await t.stack.destroy();
        }
        await sims?.stop();
    });

    it("is quiet on the demo's edit of one user's display name", async () => {
        writeRoster([["pbx", "users", 0, "displayName"], "Alice Example (edited)"]);
        const outcome = await preview({ diff: true });
        assert.equal(outcome.failed, false, outcome.output);
        assert.deepEqual(outcome.events, []);
        assert.match(outcome.output, /~ displayName: "Alice Example" => "Alice Example \(edited\)"/);
        // The CLI shortens a long path with "..." (the folder under node_modules may not show).
        assert.match(outcome.output, /Policy Packs run:\n.*\n\s+pulumi-ucaas-guardrails\|local\|\S+\/pulumi-ucaas\/policy\s+0\.1\.0/);
    });

    it("refuses replacing a user of each kind, naming what forces it, what the user loses and the approval to set", async () => {
        writeRoster(
            [["pbx", "users", 0, "extensionNumber"], "1004"],
            [["masergy", "users", 0, "extension"], "0102"],
            [["teams", "tenants", "contoso"], "5d2a9e11-3c4b-4f6e-9a8d-7b1c2e3f4a5b"],
        );
        await t.stack.setConfig("deskIdentity", { value: "sip:carol@contoso.com" });
        const outcome = await preview();
        assert.equal(outcome.failed, true);
        const refused = mandatory(outcome, "user-replacement-approval");
        assert.deepEqual(refused.map(resourceOf).sort(), [
            "masergy-user-jdoe@example.com",
            "pbx-user-alice",
            "teams-user-contoso/alice@contoso.com",
            "ump-desk",
        ]);
        const message = (name: string) => messageOf(refused.find((e) => resourceOf(e) === name)!);
        assert.match(
            message("pbx-user-alice"),
            /^A telephony user that is replaced loses its number, voicemail or phone while it is recreated; each replacement needs an approval for the change in the stack config \(ucaas:approveReplace\)\.\npbx-user-alice \(PbxUser alice, extension 1001\) would be replaced, because extensionNumber changes "1001" -> "1004"\. It is deleted before it is created again: the user has no extension, voicemail or phone registration until it is recreated\. To approve this replacement \(only this one, in this change\), add pbx-user-alice=[0-9a-f]{12} to the stack config: pulumi config set ucaas:approveReplace "pbx-user-alice=[0-9a-f]{12}"$/,
        );
        assert.match(message("masergy-user-jdoe@example.com"), /because extension changes "0101" -> "0102"\. It is deleted before it is created again: the user has no number, service or devices/);
        assert.match(message("ump-desk"), /ump-desk \(UmpEndpoint sip:bob@contoso\.com\) would be replaced, because identity changes "sip:bob@contoso\.com" -> "sip:carol@contoso\.com"\. It is deleted before it is created again: the number is released/);
        assert.match(message("teams-user-contoso/alice@contoso.com"), /because tenantId changes "0b7e3c9a-[-0-9a-f]+" -> "5d2a9e11-[-0-9a-f]+"\. It is created again, then the old one is deleted: the old login loses Teams calling/);
        assert.deepEqual(mandatory(outcome).filter((e) => e.policyName !== "user-replacement-approval"), []);

        // Approved, the same change passes; each approval is used, so none is reported as unused.
        const approvals = refused.map((e) => approvalIn(e.message)!);
        await t.stack.setConfig("ucaas:approveReplace", { value: approvals.join(" ") });
        const approved = await preview();
        assert.equal(approved.failed, false, approved.output);
        assert.deepEqual(approved.events, []);

        // Only the PBX replacement stays in the change: it is applied, and the other approvals match nothing.
        writeRoster([["pbx", "users", 0, "extensionNumber"], "1004"]);
        await t.stack.setConfig("deskIdentity", { value: "sip:bob@contoso.com" });
        const up = await t.stack.up({ policyPacks: [pack] });
        assert.equal(up.summary.result, "succeeded");
        assert.equal(up.summary.resourceChanges?.replace, 1);

        // The approval does not carry over: the next replacement of the same user is refused again.
        writeRoster([["pbx", "users", 0, "extensionNumber"], "1005"]);
        const next = await preview();
        assert.equal(next.failed, true);
        const again = mandatory(next, "user-replacement-approval");
        assert.deepEqual(again.map(resourceOf), ["pbx-user-alice"]);
        assert.match(messageOf(again[0]), /pbx-user-alice \(PbxUser alice, extension 1004\) would be replaced, because extensionNumber changes "1004" -> "1005"/);
        assert.equal(approvals.includes(approvalIn(again[0].message)!), false);
        const unused = next.events.filter((e) => e.policyName === "unused-approvals");
        assert.equal(unused.length, 1);
        assert.match(messageOf(unused[0]), new RegExp(`ucaas:approveReplace has ${approvals.join(", ")}, which approve no replacement of this change .*pulumi config rm ucaas:approveReplace$`));

        // `up` without the preview (as the Automation API runs it): the replacement is refused before it starts.
        const pbxBefore = heldBySimulators();
        await assert.rejects(t.stack.up({ policyPacks: [pack] }), /user-replacement-approval[\s\S]*extensionNumber changes "1004" -> "1005"/);
        assert.equal(heldBySimulators(), pbxBefore, "alice keeps extension 1004");

        await t.stack.removeConfig("ucaas:approveReplace");
        // From here on the roster is the demo's with alice at extension 1004, as the stack now is.
        const applied = parseDocument(original);
        applied.setIn(["pbx", "users", 0, "extensionNumber"], "1004");
        original = applied.toString();
        writeRoster();
    });

    it("refuses deleting more than a fifth of the managed users in one run, allows offboarding one, and takes a higher limit from policy config", async () => {
        writeRoster(...bobAndTeams);
        assertRefusedBy(
            await preview(),
            "user-deletion-limit",
            "ucaas-roster-test",
            "Deleting users is normal offboarding, but one run may delete only a share of the managed users.\n" +
                "This change deletes 2 of the 6 managed users (33%): pbx-user-bob (PbxUser bob, extension 1002), " +
                "teams-user-contoso/alice@contoso.com (TeamsEnterpriseUser alice@contoso.com (tenant 0b7e3c9a)). " +
                "At most 1 may be deleted in one run (20% of 6, at least 1). Offboard them in smaller changes; or, if this is intended, " +
                'raise the limit for this run with a policy config file ({"user-deletion-limit":{"maxDeletedPercent":34}}) passed with --policy-pack-config.',
        );

        const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-policy-config-")), "policy-config.json");
        fs.writeFileSync(configFile, JSON.stringify({ "user-deletion-limit": { maxDeletedPercent: 34 } }));
        const raised = await preview({ policyPackConfigs: [configFile] });
        assert.equal(raised.failed, false, raised.output);
        assert.deepEqual(raised.events, []);

        writeRoster([["pbx", "users", 1], undefined]);
        const offboarding = await preview({ diff: true });
        assert.equal(offboarding.failed, false, offboarding.output);
        assert.deepEqual(offboarding.events, []);
        assert.match(offboarding.output, /- pulumi-nodejs:dynamic\/ucaas:PbxUser: \(delete\)\n.*\n.*pbx-user-bob/);
        writeRoster();
    });

    it("stops `pulumi up` in its own preview, before anything is deleted", async () => {
        writeRoster(...bobAndTeams);
        const workspace = t.stack.workspace as automation.LocalWorkspace;
        const before = heldBySimulators();
        let failure: { code?: number; stdout?: string } | undefined;
        try {
            await promisify(execFile)("pulumi", ["up", "--yes", "--policy-pack", pack, "--stack", t.stack.name], {
                cwd: workDir,
                env: { ...process.env, ...workspace.envVars },
                maxBuffer: 64 << 20,
            });
        } catch (error) {
            failure = error as typeof failure;
        }
        writeRoster();
        assert.ok(failure, "pulumi up failed");
        assert.match(failure.stdout ?? "", /\[mandatory\]\s+user-deletion-limit[\s\S]*This change deletes 2 of the 6 managed users/);
        assert.doesNotMatch(failure.stdout ?? "", /Updating \(/, "the update itself never started");
        assert.equal(heldBySimulators(), before);
    });

    it("refuses a password or PIN that reaches the engine as plain text, and never shows it", async () => {
        await t.stack.setConfig("plainSecrets", { value: "true" });
        const outcome = await preview();
        await t.stack.setConfig("plainSecrets", { value: "false" });
        // Only carol's: the resource class marks dave's secrets itself.
        assertRefusedBy(
            outcome,
            "secret-inputs",
            "raw-carol",
            "Passwords, PINs and tokens must be Pulumi secrets, or they are stored in plain text in the state and shown in previews.\n" +
                "raw-carol (PbxUser) has extensionPassword, password and voicemailPin as plain text. Pass them as secrets: " +
                "config.requireSecret(...) or pulumi.secret(...). The pulumi-ucaas classes (ucaas.PbxUser) and deployRoster mark these inputs secret themselves.",
        );
        for (const value of ["Carol-Plain-1", "Carol-Plain-2", "135792"]) {
            assert.equal(outcome.events.some((e) => e.message.includes(value)), false);
        }
    });

    it("refuses a Masergy poll interval under 10 s against a host that is not this machine", async () => {
        // The demo polls its simulator every 0.5 s: quiet in the tests above, since the host is 127.0.0.1.
        const local = sims.config["ucaas:masergyApiUrl"];
        await t.stack.setConfig("ucaas:masergyApiUrl", { value: "https://api.masergy.example.com/apiman-gateway/MasergyUCaaS/provisioning/1.0" });
        const outcome = await preview();
        await t.stack.setConfig("ucaas:masergyApiUrl", local);
        assertRefusedBy(
            outcome,
            "masergy-poll-interval",
            "masergy-user-jdoe@example.com",
            "Masergy asks for no more than one poll of a job every 10 seconds.\n" +
                "ucaas:masergyPollIntervalSeconds / UCAAS_MASERGY_POLL_INTERVAL_SECONDS is 0.5: masergy-user-jdoe@example.com would poll its Masergy jobs " +
                "more often than once every 10 seconds, at api.masergy.example.com (ucaas:masergyApiUrl / UCAAS_MASERGY_API_URL), which is not this machine. " +
                "Set it to 10 or more (pulumi config set ucaas:masergyPollIntervalSeconds 10) or remove it; shorter intervals are only for a simulator on localhost.",
        );
    });

    it("in `up --skip-preview` can only report a mass deletion after it happened, and says so", async () => {
        writeRoster(...bobAndTeams);
        await assert.rejects(
            t.stack.up({ policyPacks: [pack] }),
            /This update deleted 2 of the 6 managed users \(33%\): .*; at most 1 may be deleted in one run \(20% of 6, at least 1\)\. A stack policy runs when the update has finished: run `pulumi up` with its preview \(without --skip-preview\) so that it stops before anything is deleted\./,
        );
        assert.doesNotMatch(heldBySimulators(), /extension 1002\s+bob/, "bob was deleted before the policy ran");
        writeRoster();
    });

    it("fails closed when it cannot read the stack's last state", async () => {
        // The CLI the pack calls fails, as it would without the run's passphrase or backend login.
        const fakeBin = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-fake-pulumi-"));
        fs.writeFileSync(path.join(fakeBin, "pulumi"), '#!/bin/sh\necho "error: incorrect passphrase" >&2\nexit 255\n', { mode: 0o755 });
        const pulumi = (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "pulumi")).find((file) => fs.existsSync(file))!;
        const workspace = t.stack.workspace as automation.LocalWorkspace;
        const env = { ...process.env, ...workspace.envVars, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` };
        const failure = await promisify(execFile)(pulumi, ["preview", "--policy-pack", pack, "--stack", t.stack.name], { cwd: workDir, env }).then(
            () => undefined,
            (error: { stdout?: string }) => error,
        );
        assert.ok(failure, "the preview failed");
        assert.match(
            failure.stdout ?? "",
            /error: (failed to run policy: )?Error validating resource with policy '[-a-z]+' from policy pack 'pulumi-ucaas-guardrails@v0\.1\.0':\n\s+could not read the last state of stack organization\/ucaas-roster\/test \(`pulumi stack export --show-secrets`, with the backend login and secrets settings of this run\): error: incorrect passphrase\n/,
        );
    });
});
