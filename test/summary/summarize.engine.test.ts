import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { newStack, type TestStack } from "../helpers/engine";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { useTeamsSimulator } from "../helpers/teams";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";
import { bins, runBin } from "../cli/run";
import { keepDigest, ownCopyOf, previewJson, readmeExample } from "./digests";

/** `pulumi preview --json | pulumi-ucaas summarize`, as the workflow runs it. */
async function summarize(json: string) {
    return runBin(bins.ucaas, ["summarize"], { stdin: json });
}

/** Every summary the tests produced, for the secret check at the end. */
const summaries: string[] = [];

async function summary(json: string): Promise<string> {
    const result = await summarize(json);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "");
    summaries.push(result.stdout);
    return result.stdout;
}

function assertNoSecretIn(texts: string[], secrets: Record<string, string>): void {
    for (const text of texts) {
        for (const [key, value] of Object.entries(secrets)) {
            // Not even a part of it: its first half would do.
            assert.equal(text.includes(value.slice(0, Math.ceil(value.length / 2))), false, `${key} appears in ${text}`);
        }
    }
}

/** The passwords and voicemail PIN of each user examples/pbx declares. */
const pbxSecrets: Record<string, string> = Object.fromEntries(
    ["alice", "bob", "carol"].flatMap((name, i) => [
        [`${name}Password`, `${name}-Summary-Password-${i}`],
        [`${name}ExtensionPassword`, `${name}-Summary-Sip-${i}`],
        [`${name}VoicemailPin`, ["246813", "864213", "975319"][i]],
    ]),
);

/** The summary of the demo's edit: one PortSIP user's display name. */
const demoEditSummary = [
    "**Telephony changes:** 1 changed.",
    "",
    "#### PortSIP PBX",
    "",
    "| Action | Object | Field | Before → after | Note |",
    "|---|---|---|---|---|",
    '| changed | alice, extension 1001 | `displayName` | `"Alice Example"` → `"Alice Example (edited)"` | |',
    "",
].join("\n");

describe("pulumi-ucaas summarize of previews by the real engine: examples/pbx", function () {
    this.timeout(10 * 60_000);
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    let t: TestStack;
    const userNamed = (name: string) => sim().state().users.find((u: { name: string }) => u.name === name);

    before(async () => {
        t = await newStack(await ownCopyOf("pbx"), { UCAAS_PBX_URL: "", UCAAS_PBX_TOKEN: "" });
        await t.stack.setConfig("ucaas:pbxUrl", { value: sim().url });
        await t.stack.setConfig("ucaas:pbxToken", { value: sim().token, secret: true });
        for (const [key, value] of Object.entries(pbxSecrets)) {
            await t.stack.setConfig(key, { value, secret: true });
        }
        assert.equal((await t.stack.up()).summary.result, "succeeded");
    });

    after(() => assertNoSecretIn(summaries, pbxSecrets));

    it("says No changes in one line for an unchanged stack", async () => {
        const json = await previewJson(t);
        keepDigest("pbx-unchanged", json);
        assert.equal(await summary(json), "No changes.\n");
    });

    it("shows a field edit with its old and new value", async () => {
        await t.stack.setConfig("aliceDisplayName", { value: "Alice Example (edited)" });
        const json = await previewJson(t);
        await t.stack.removeConfig("aliceDisplayName");
        keepDigest("pbx-edit", json);
        assert.equal(await summary(json), demoEditSummary);
    });

    it("shows a replacement with the field that forces it, that it deletes first, and what the user loses", async () => {
        await t.stack.setConfig("bobExtension", { value: "1012" });
        const json = await previewJson(t);
        // With the replacement's own steps (delete-replaced before create-replacement) listed too.
        const withSteps = await previewJson(t, ["--show-replacement-steps"]);
        await t.stack.removeConfig("bobExtension");
        keepDigest("pbx-replace", json);
        keepDigest("pbx-replace-steps", withSteps);
        const text = await summary(json);
        assert.equal(await summary(withSteps), text);
        assert.match(
            text,
            /^\| replaced \| bob, extension 1002 \| `extensionNumber` \| `"1002"` → `"1012"` \| forces the replacement; deletes the old one first: the user has no extension, voicemail or phone registration until it is recreated \|$/m,
        );
        assert.match(text, /^\*\*Telephony changes:\*\* 1 replaced\.$/m);
    });

    it("shows a drift correction after refresh: what the vendor holds now and what will be written", async () => {
        const alice = userNamed("alice")!;
        sim().mutateUser(alice.id, { display_name: "Renamed in the PBX UI", department: "Sales" });
        try {
            const json = await previewJson(t, ["--refresh"]);
            keepDigest("pbx-drift", json);
            const text = await summary(json);
            assert.match(text, /^\| changed \| alice, extension 1001 \| `department` \| vendor now: `"Sales"` → will write: `"Support"` \| drift correction: changed at the vendor outside Pulumi \|$/m);
            assert.match(text, /^\| changed \| alice, extension 1001 \| `displayName` \| vendor now: `"Renamed in the PBX UI"` → will write: `"Alice Example"` \| drift correction/m);
            assert.equal(text.match(/^\| changed /gm)?.length, 2, text);

            // Drifted and edited in the same pull request: the edit, with what the vendor holds now.
            await t.stack.setConfig("aliceDisplayName", { value: "Alice Example (edited)" });
            const both = await previewJson(t, ["--refresh"]);
            await t.stack.removeConfig("aliceDisplayName");
            keepDigest("pbx-drift-and-edit", both);
            const bothText = await summary(both);
            assert.match(bothText, /^\| changed \| alice, extension 1001 \| `displayName` \| `"Alice Example"` → `"Alice Example \(edited\)"` \| the vendor now holds `"Renamed in the PBX UI"` \|$/m);
            assert.match(bothText, /^\| changed \| alice, extension 1001 \| `department` \| vendor now: `"Sales"` → will write: `"Support"` \| drift correction/m);
        } finally {
            sim().mutateUser(alice.id, { display_name: alice.display_name, department: alice.department });
        }
    });

    it("prints the README's example: an edit, a secret, a replacement and a drift correction at once", async () => {
        const alice = userNamed("alice")!;
        sim().mutateUser(alice.id, { department: "Sales" });
        const config = { aliceDisplayName: "Alice Example (edited)", bobExtension: "1012" };
        try {
            for (const [key, value] of Object.entries(config)) await t.stack.setConfig(key, { value });
            await t.stack.setConfig("aliceVoicemailPin", { value: "135792", secret: true });
            const json = await previewJson(t, ["--refresh"]);
            keepDigest("pbx-readme", json);
            assert.equal(await summary(json), readmeExample());
        } finally {
            for (const key of Object.keys(config)) await t.stack.removeConfig(key);
            await t.stack.setConfig("aliceVoicemailPin", { value: pbxSecrets.aliceVoicemailPin, secret: true });
            sim().mutateUser(alice.id, { department: alice.department });
        }
    });

    it("shows an added user (adopted) and, once applied and dropped from the program, a removed one", async () => {
        sim().seedUser({
            name: "carol", display_name: "Carol (hand-made)", email: "carol@example.com", role: "StandardUser",
            extension_number: "1003", password: "hand-made-pw", extension_password: "hand-made-ext", voicemail_pin: "135792",
        });
        await t.stack.setConfig("adoptCarol", { value: "true" });
        const added = await previewJson(t);
        keepDigest("pbx-add", added);
        assert.match(await summary(added), /^\| added \| carol, extension 1003 \| \| \| adopts the existing object \(adopt: true\) \|$/m);

        await t.stack.up();
        await t.stack.removeConfig("adoptCarol");
        const removed = await previewJson(t);
        keepDigest("pbx-remove", removed);
        assert.match(await summary(removed), /^\| removed \| carol, extension 1003 \| \| \| the user, its extension and voicemail are deleted at the PBX \|$/m);
        await t.stack.up();
        assert.equal(userNamed("carol"), undefined);
    });

    it("prints the errors of a failed preview instead of an empty table, and exits 1", async () => {
        await t.stack.setConfig("aliceDisplayName", { value: "" }); // check refuses an empty display name
        const json = await previewJson(t);
        await t.stack.removeConfig("aliceDisplayName");
        keepDigest("pbx-failed", json);
        const result = await summarize(json);
        assert.equal(result.code, 1);
        assert.equal(result.stdout, "");
        assert.match(result.stderr, /^pulumi-ucaas summarize: the preview failed, so there is nothing to summarize\. Its errors:\n/);
        assert.match(result.stderr, /displayName/);
    });

    it("shows a user deleted at the vendor, found gone by refresh, as added again", async () => {
        const bob = userNamed("bob")!;
        await fetch(`${sim().url}/api/users/${bob.id}/destroy`, { method: "POST", headers: { authorization: `Bearer ${sim().token}` } });
        assert.equal(userNamed("bob"), undefined);
        const json = await previewJson(t, ["--refresh"]);
        keepDigest("pbx-recreate", json);
        assert.match(await summary(json), /^\| added \| bob, extension 1002 \| \| \| it is missing at the vendor \(refresh found it gone\): created again \|$/m);
    });
});

const rosterSecrets: Record<string, string> = {
    janePortalPassword: "Jane-Portal-Plain-1",
    alicePassword: "Alice-Plain-Pw-2",
    aliceExtensionPassword: "Alice-Ext-Plain-3",
    aliceVoicemailPin: "246813",
    aliceNewVoicemailPin: "357924",
    bobPassword: "Bob-Plain-Pw-4",
    bobExtensionPassword: "Bob-Ext-Plain-5",
    bobVoicemailPin: "864213",
    aliceTeamsPassword: "Alice-Teams-Plain-6",
};

describe("pulumi-ucaas summarize of previews by the real engine: examples/roster, every vendor", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    useMasergySimulator({ resetBetweenTests: false });
    useTeamsSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let rosterFile: string;
    let original: string;

    /** Edits the roster as a pull request would. */
    function editRoster(edit: (doc: ReturnType<typeof parseDocument>) => void) {
        const doc = parseDocument(original);
        edit(doc);
        fs.writeFileSync(rosterFile, doc.toString());
    }

    before(async () => {
        seedDirectoryUser(ump(), "sip:alice@contoso.com");
        const workDir = await ownCopyOf("roster");
        rosterFile = path.join(workDir, "roster.yaml");
        original = fs.readFileSync(rosterFile, "utf8");
        t = await newStack(workDir);
        for (const [key, value] of Object.entries(rosterSecrets)) {
            await t.stack.setConfig(key, { value, secret: true });
        }
        assert.equal((await t.stack.up()).summary.result, "succeeded");
        assert.ok(pbx().state().users.some((u: { name: string }) => u.name === "alice"));
    });

    afterEach(() => fs.writeFileSync(rosterFile, original));
    after(() => assertNoSecretIn(summaries, rosterSecrets));

    it("summarizes the demo's edit (a PBX user's display name) as one changed field", async () => {
        editRoster((doc) => doc.setIn(["pbx", "users", 0, "displayName"], "Alice Example (edited)"));
        const json = await previewJson(t);
        keepDigest("roster-demo-edit", json);
        assert.equal(await summary(json), demoEditSummary);
    });

    it("groups changes at every vendor into one table per vendor, secrets only as changed", async () => {
        editRoster((doc) => {
            doc.setIn(["masergy", "users", 0, "extension"], "0102"); // Masergy cannot change it in place
            doc.setIn(["pbx", "users", 0, "voicemailPin"], { secret: "aliceNewVoicemailPin" });
            doc.deleteIn(["pbx", "users", 1]); // bob leaves
            doc.setIn(["ump", "endpoints", 0, "usageLocation"], "BE");
            doc.setIn(["teams", "users", 0, "firstName"], "Alicia");
        });
        const json = await previewJson(t);
        keepDigest("roster-every-vendor", json);
        const text = await summary(json);
        const headings = text.match(/^#### .+$/gm);
        assert.deepEqual(headings, ["#### PortSIP PBX", "#### Masergy", "#### AudioCodes UMP", "#### ConnecttoTeams"]);
        assert.match(text, /^\| changed \| alice, extension 1001 \| `voicemailPin` \| changed \| secret, not shown \|$/m);
        assert.match(text, /^\| removed \| bob, extension 1002 \| /m);
        assert.match(text, /^\| replaced \| jdoe@example\.com \| `extension` \| `"0101"` → `"0102"` \| forces the replacement; deletes the old one first: the user has no number, service or devices/m);
        assert.match(text, /^\| changed \| sip:alice@contoso\.com \| `usageLocation` \| `"NL"` → `"BE"` \| \|$/m);
        assert.match(text, /^\| changed \| alice@contoso\.com \(tenant 0b7e3c9a\) \| `firstName` \| `"Alice"` → `"Alicia"` \| \|$/m);
    });
});
