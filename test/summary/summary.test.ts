import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import "../../provider/cli/main";
import { runCli } from "../../provider/cli/program";
import { registeredCommands } from "../../provider/cli/registry";
import { FailedPreviewError, summarizePreview } from "../../provider/summary/summarize";
import { memoryIo } from "../cli/run";
import { capturedDigest, readmeExample } from "./digests";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- captured JSON, edited freely by the tests
type Json = Record<string, any>;

const table = ["| Action | Object | Field | Before → after | Note |", "|---|---|---|---|---|"];
const digest = (name: string): Json => JSON.parse(capturedDigest(name));
const summarize = (json: Json) => summarizePreview(JSON.stringify(json));

/** The first step of a captured digest for the resource named `name`. */
const stepOf = (json: Json, name: string): Json => json.steps.find((step: Json) => step.urn.endsWith(`::${name}`));

describe("pulumi-ucaas summarize: digests captured from real previews", () => {
    it("an unchanged stack: No changes, in one line", () => {
        assert.equal(summarizePreview(capturedDigest("pbx-unchanged")), "No changes.\n");
    });

    it("an edit: the field, its old and its new value", () => {
        const expected = ["**Telephony changes:** 1 changed.", "", "#### PortSIP PBX", "", ...table,
            '| changed | alice, extension 1001 | `displayName` | `"Alice Example"` → `"Alice Example (edited)"` | |', ""].join("\n");
        assert.equal(summarizePreview(capturedDigest("pbx-edit")), expected);
        assert.equal(summarizePreview(capturedDigest("roster-demo-edit")), expected);
    });

    it("a replacement: the forcing field, delete first, what the user loses; the same with the replacement steps listed", () => {
        const expected = ["**Telephony changes:** 1 replaced.", "", "#### PortSIP PBX", "", ...table,
            '| replaced | bob, extension 1002 | `extensionNumber` | `"1002"` → `"1012"` | forces the replacement; deletes the old one first: the user has no extension, voicemail or phone registration until it is recreated |', ""].join("\n");
        assert.equal(summarizePreview(capturedDigest("pbx-replace")), expected);
        const withSteps = digest("pbx-replace-steps");
        assert.deepEqual(withSteps.steps.filter((s: Json) => s.urn.endsWith("::bob")).map((s: Json) => s.op), ["delete-replaced", "replace", "create-replacement"]);
        assert.equal(summarize(withSteps), expected);
    });

    it("the delete-first order comes from the preview: a replacement that creates first says so", () => {
        const json = digest("pbx-replace");
        const bob = stepOf(json, "bob");
        delete bob.oldState.pendingReplacement;
        bob.oldState.delete = true;
        assert.match(summarize(json), /forces the replacement; creates the new one first, then deletes the old one: the user has no extension/);
    });

    it("a drift correction: what the vendor holds now and what will be written, for each drifted field", () => {
        assert.equal(
            summarizePreview(capturedDigest("pbx-drift")),
            ["**Telephony changes:** 1 changed.", "", "#### PortSIP PBX", "", ...table,
                '| changed | alice, extension 1001 | `department` | vendor now: `"Sales"` → will write: `"Support"` | drift correction: changed at the vendor outside Pulumi |',
                '| changed | alice, extension 1001 | `displayName` | vendor now: `"Renamed in the PBX UI"` → will write: `"Alice Example"` | drift correction: changed at the vendor outside Pulumi |', ""].join("\n"),
        );
    });

    it("a field both edited and drifted: the edit, with what the vendor holds now", () => {
        const text = summarizePreview(capturedDigest("pbx-drift-and-edit"));
        assert.match(text, /^\| changed \| alice, extension 1001 \| `displayName` \| `"Alice Example"` → `"Alice Example \(edited\)"` \| the vendor now holds `"Renamed in the PBX UI"` \|$/m);
        assert.match(text, /^\| changed \| alice, extension 1001 \| `department` \| vendor now: `"Sales"` → will write: `"Support"` \| drift correction/m);
    });

    it("an addition and a removal", () => {
        assert.match(summarizePreview(capturedDigest("pbx-add")), /^\| added \| carol, extension 1003 \| \| \| adopts the existing object \(adopt: true\) \|$/m);
        assert.match(summarizePreview(capturedDigest("pbx-remove")), /^\| removed \| carol, extension 1003 \| \| \| the user, its extension and voicemail are deleted at the PBX \|$/m);
    });

    it("an object deleted at the vendor, found gone by refresh: added again, and says why", () => {
        assert.match(summarizePreview(capturedDigest("pbx-recreate")), /^\| added \| bob, extension 1002 \| \| \| it is missing at the vendor \(refresh found it gone\): created again \|$/m);
    });

    it("every vendor in its own table, in a fixed order, with counts on the first line", () => {
        assert.equal(
            summarizePreview(capturedDigest("roster-every-vendor")),
            [
                "**Telephony changes:** 3 changed, 1 replaced, 1 removed.",
                "", "#### PortSIP PBX", "", ...table,
                "| changed | alice, extension 1001 | `voicemailPin` | changed | secret, not shown |",
                "| removed | bob, extension 1002 | | | the user, its extension and voicemail are deleted at the PBX |",
                "", "#### Masergy", "", ...table,
                '| replaced | jdoe@example.com | `extension` | `"0101"` → `"0102"` | forces the replacement; deletes the old one first: the user has no number, service or devices until the new user\'s Masergy jobs finish |',
                "", "#### AudioCodes UMP", "", ...table,
                '| changed | sip:alice@contoso.com | `usageLocation` | `"NL"` → `"BE"` | |',
                "", "#### ConnecttoTeams", "", ...table,
                '| changed | alice@contoso.com (tenant 0b7e3c9a) | `firstName` | `"Alice"` → `"Alicia"` | |',
                "",
            ].join("\n"),
        );
    });

    it("the README's example is what its preview prints", () => {
        assert.equal(summarizePreview(capturedDigest("pbx-readme")), readmeExample());
    });

    it("is stable: the order of the steps in the JSON does not change the text", () => {
        const json = digest("roster-every-vendor");
        const text = summarize(json);
        json.steps.reverse();
        assert.equal(summarize(json), text);
    });
});

describe("pulumi-ucaas summarize: secrets", () => {
    /** Every masked value of the digest replaced by a distinct plaintext, as if the CLI had shown them. */
    function unmasked(json: Json): { json: Json; plaintexts: string[] } {
        const plaintexts: string[] = [];
        const walk = (value: unknown): unknown => {
            if (value === "[secret]") {
                plaintexts.push(`Plaintext-${plaintexts.length}-Zq9`);
                return plaintexts.at(-1);
            }
            if (Array.isArray(value)) return value.map(walk);
            if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
            return value;
        };
        return { json: walk(json) as Json, plaintexts };
    }

    const assertAbsent = (text: string, plaintexts: string[]) => {
        for (const plaintext of plaintexts) assert.equal(text.includes(plaintext.slice(0, 11)), false, `${plaintext} in ${text}`);
        assert.doesNotMatch(text, /Plaintext-/);
    };

    it("never shows a secret field's value, even when the JSON holds it in the clear", () => {
        const { json, plaintexts } = unmasked(digest("roster-every-vendor"));
        assert.ok(plaintexts.length > 10);
        const text = summarize(json);
        assertAbsent(text, plaintexts);
        assert.match(text, /^\| changed \| alice, extension 1001 \| `voicemailPin` \| changed \| secret, not shown \|$/m);
    });

    it("reports a secret changed when the values differ, though the engine did not name it", () => {
        const json = digest("pbx-edit");
        const alice = stepOf(json, "alice");
        alice.oldState.inputs.extensionPassword = "Plaintext-old-Zq9";
        alice.newState.inputs.extensionPassword = "Plaintext-new-Zq9";
        const text = summarize(json);
        assert.match(text, /^\| changed \| alice, extension 1001 \| `extensionPassword` \| changed \| secret, not shown \|$/m);
        assertAbsent(text, ["Plaintext-old-Zq9", "Plaintext-new-Zq9"]);
    });

    it("hides a value marked secret under any key, and outputs listed as additional secret outputs", () => {
        const json = digest("roster-every-vendor");
        const jane = json.steps.find((step: Json) => step.urn.includes("MasergyUser"));
        jane.oldState.inputs.firstName = "[secret]";
        jane.newState.inputs.firstName = "[secret]";
        jane.oldState.outputs.resultData = { conferenceModeratorPin: "Plaintext-pin-Zq9" };
        jane.newState.additionalSecretOutputs.push("userData");
        jane.oldState.inputs.userData = jane.oldState.outputs.userData = "Plaintext-old-Zq9";
        jane.newState.inputs.userData = "Plaintext-new-Zq9";
        const text = summarize(json);
        assertAbsent(text, ["Plaintext-pin-Zq9", "Plaintext-old-Zq9", "Plaintext-new-Zq9"]);
        assert.match(text, /^\| replaced \| jdoe@example\.com \| `userData` \| changed \| secret, not shown \|$/m);
        assert.doesNotMatch(text, /jdoe@example\.com \| `firstName`/, "an unchanged masked value is no change");
    });
});

describe("pulumi-ucaas summarize: what is not a summary", () => {
    const failsWith = (text: string, pattern: RegExp) => assert.throws(() => summarizePreview(text), (error: Error) => pattern.test(error.message));

    it("the text of `pulumi preview` (not --json)", () => {
        failsWith("Previewing update (dev)\n\n     Type    Name\n", /^the input is not JSON \(it starts with "Previewing update \(dev\)"\): summarize reads what `pulumi preview --json` prints, not the text of `pulumi preview`\. Pipe `pulumi preview --json` into it/);
    });

    it("nothing at all", () => failsWith(" \n", /^the input is empty\. Pipe `pulumi preview --json` into it/));

    it("other JSON, such as `pulumi stack export`", () => {
        failsWith('{"version": 3, "deployment": {}}', /^the input is not the output of `pulumi preview --json` \(expected an object with steps and changeSummary, got an object with version, deployment\)/);
        failsWith("[1, 2]", /got a JSON array/);
        failsWith("null", /got a JSON null/);
    });

    it("a digest of the wrong shape names the field", () => {
        const json = digest("pbx-edit");
        delete json.steps[1].op;
        failsWith(JSON.stringify(json), /^the input does not have the shape of `pulumi preview --json` output: steps\.1\.op: /);
    });

    it("a failed preview: its errors, not an empty table", () => {
        assert.throws(
            () => summarizePreview(capturedDigest("pbx-failed")),
            (error: Error) => error instanceof FailedPreviewError && /^the preview failed, so there is nothing to summarize\. Its errors:\n {2}\S/.test(error.message) && /displayName/.test(error.message),
        );
    });

    it("an unfinished preview (no changeSummary)", () => {
        const json = digest("pbx-edit");
        delete json.changeSummary;
        failsWith(JSON.stringify(json), /^the preview did not finish \(its JSON has no changeSummary\)/);
    });

    it("a step or a resource type it cannot read is an error, not a silent omission", () => {
        const json = digest("pbx-edit");
        stepOf(json, "alice").op = "import";
        failsWith(JSON.stringify(json), /plans a "import" step for urn:pulumi:.*::alice, which summarize does not know how to read/);
        const other = digest("pbx-edit");
        stepOf(other, "alice").urn = stepOf(other, "alice").urn.replace("ucaas:PbxUser", "ucaas:PbxQueue");
        failsWith(JSON.stringify(other), /type pulumi-nodejs:dynamic\/ucaas:PbxQueue, which this version of pulumi-ucaas does not know/);
    });
});

describe("pulumi-ucaas summarize: layout", () => {
    it("counts other resources in one line, leaving out the stack and the default providers", () => {
        const json = digest("pbx-edit");
        json.steps.push(
            { op: "create", urn: "urn:pulumi:test::p::random:index/randomPassword:RandomPassword::pw" },
            { op: "update", urn: "urn:pulumi:test::p::aws:s3/bucket:Bucket::b" },
            { op: "create", urn: "urn:pulumi:test::p::pulumi:providers:random::default_4_16_0" },
        );
        assert.match(summarize(json), /\n\nOther resources \(not pulumi-ucaas\): 1 added, 1 changed\.\n$/);
        json.steps = json.steps.filter((step: Json) => !step.urn.includes("ucaas:"));
        assert.equal(summarize(json), "**Telephony changes:** none.\n\nOther resources (not pulumi-ucaas): 1 added, 1 changed.\n");
    });

    it("keeps every value in its cell: pipes, backticks and Markdown are escaped", () => {
        const json = digest("pbx-edit");
        const alice = stepOf(json, "alice");
        alice.newState.inputs.displayName = "A | `b` *c*";
        alice.oldState.outputs.name = "al|ce_<b>";
        const row = summarize(json).split("\n").find((line) => line.startsWith("| changed"))!;
        assert.equal(row, '| changed | al\\|ce\\_\\<b\\> , extension 1001 | `displayName` | `"Alice Example"` → ``"A \\| `b` *c*"`` | |'.replace(" ,", ","));
        assert.equal(row.split(/(?<!\\)\|/).length, 7, "six cell borders");
    });

    it("shows a value not known before apply as such", () => {
        const json = digest("pbx-edit");
        stepOf(json, "alice").newState.inputs.role = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        assert.match(summarize(json), /^\| changed \| alice, extension 1001 \| `role` \| `"Support"` → \*\(known after apply\)\* \| \|$/m);
    });

    it("never drops an update it cannot explain by a field: it says why, or that no field differs", () => {
        const json = digest("roster-every-vendor");
        const jane = json.steps.find((step: Json) => step.urn.includes("MasergyUser"));
        Object.assign(jane, { op: "update", diffReasons: null, replaceReasons: null, detailedDiff: null });
        jane.newState.inputs = { ...jane.oldState.inputs };
        assert.match(summarize(json), /^\| changed \| jdoe@example\.com \| \| \| the provider asks for an update, but no declared field differs from what the preview shows \|$/m);
        jane.oldState.outputs.__pendingJob = { jobId: "j-1", taskId: "t-1", kind: "update" };
        assert.match(summarize(json), /^\| changed \| jdoe@example\.com \| \| \| settles a Masergy job an earlier run left unfinished \|$/m);
    });

    it("compares nested settings field by field", () => {
        const json = digest("pbx-edit");
        const alice = stepOf(json, "alice");
        alice.oldState.inputs.officeHours = alice.oldState.outputs.officeHours = { mode: "CUSTOM", monday: { enabled: true, ranges: [{ from: "08:00", to: "16:00" }] } };
        alice.newState.inputs.officeHours = { mode: "CUSTOM", monday: { enabled: false, ranges: [{ from: "08:00", to: "16:00" }] } };
        assert.match(summarize(json), /^\| changed \| alice, extension 1001 \| `officeHours\.monday\.enabled` \| `true` → `false` \| \|$/m);
    });
});

describe("pulumi-ucaas summarize: the command", () => {
    it("is registered", () => assert.ok(registeredCommands().some((command) => command.name === "summarize")));

    it("reads a file, or stdin with -", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-summary-"));
        fs.writeFileSync(path.join(dir, "preview.json"), capturedDigest("pbx-edit"));
        const out = memoryIo(dir);
        assert.equal(await runCli(["summarize", "preview.json"], out.io), 0, out.stderr());
        assert.match(out.stdout(), /^\*\*Telephony changes:\*\* 1 changed\.\n/);
        assert.equal(out.stderr(), "");

        const stdin = memoryIo(dir);
        const input = new PassThrough();
        input.end(capturedDigest("pbx-unchanged"));
        assert.equal(await runCli(["summarize", "-"], { ...stdin.io, stdin: input }), 0, stdin.stderr());
        assert.equal(stdin.stdout(), "No changes.\n");
    });

    it("a missing file or a terminal on stdin is a wrong call (exit 2); a failed preview exits 1", async () => {
        const missing = memoryIo();
        assert.equal(await runCli(["summarize", "no-such-preview.json"], missing.io), 2);
        assert.match(missing.stderr(), /^pulumi-ucaas summarize: no such file: no-such-preview\.json\nRun `pulumi-ucaas summarize --help` for usage\.\n$/);

        const terminal = memoryIo();
        Object.assign(terminal.io.stdin, { isTTY: true });
        assert.equal(await runCli(["summarize"], terminal.io), 2);
        assert.match(terminal.stderr(), /^pulumi-ucaas summarize: pipe `pulumi preview --json` into it, or name a file/);

        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-summary-"));
        fs.writeFileSync(path.join(dir, "failed.json"), capturedDigest("pbx-failed"));
        const failed = memoryIo(dir);
        assert.equal(await runCli(["summarize", "failed.json"], failed.io), 1);
        assert.equal(failed.stdout(), "");
        assert.match(failed.stderr(), /^pulumi-ucaas summarize: the preview failed/);
    });
});
