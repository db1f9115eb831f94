import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { usePortSipSimulator } from "../helpers/portsip";
import { seedDirectoryUser, umpRequests, useUmpSimulator } from "../helpers/ump";

const secrets: Record<string, string> = Object.fromEntries(
    ["alice", "bob", "carol"].flatMap((name, i) => [
        [`${name}Password`, `${name}-Options-Password-${i}`],
        [`${name}ExtensionPassword`, `${name}-Options-Sip-${i}`],
        [`${name}VoicemailPin`, ["246813", "864213", "975319"][i]],
    ]),
);

const pbxUser = (name: string, extension: string, options: string, displayName = `${name} Example`) => `    - name: ${name}
      displayName: ${displayName}
      email: ${name}@example.com
      role: ${name === "bob" ? "StandardUser" : "Support"}
      extensionNumber: "${extension}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ${name}ExtensionPassword }
      voicemailPin: { secret: ${name}VoicemailPin }
${options ? `      options: ${options}\n` : ""}`;

interface Users {
    alice?: { options: string; displayName?: string };
    bob?: { options: string };
    carol?: boolean;
}

function rosterYaml(users: Users): string {
    return `pbx:
  roles:
    - name: Support
  users:
${users.alice ? pbxUser("alice", "1001", users.alice.options, users.alice.displayName) : ""}${users.bob ? pbxUser("bob", "1002", users.bob.options) : ""}${users.carol ? pbxUser("carol", "1003", "") : ""}
ump:
  endpoints:
    - identity: sip:dana@contoso.com
      enterpriseVoiceEnabled: true
      lineUri: tel:+311111121
sections: [pbx.roles, pbx.users, ump.endpoints]
`;
}

const aliceOptions = "{ protect: true, ignoreChanges: [displayName] }";
const bobOptions = "{ retainOnDelete: true, dependsOn: [ump-endpoint-dana@contoso.com] }";

describe("roster entries' own resource options through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    const writeRoster = (users: Users) => fs.writeFileSync(path.join(workDir, "roster.yaml"), rosterYaml(users));
    const pbxUserNamed = (name: string) => pbx().state().users.find((u: { name: string }) => u.name === name);

    before(async () => {
        seedDirectoryUser(ump(), "sip:dana@contoso.com");
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-options-`);
        fs.cpSync(source, workDir, { recursive: true, filter: (file) => !/^Pulumi\..+\.yaml$/.test(path.basename(file)) });
        t = await newStack(workDir);
        await t.stack.setAllConfig({
            "ucaas:pbxUrl": { value: pbx().url },
            "ucaas:pbxToken": { value: pbx().token, secret: true },
            "ucaas:umpUrl": { value: ump().url },
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
    });

    it("dependsOn orders: the entry is created only after the entry it names", async () => {
        writeRoster({ alice: { options: aliceOptions }, bob: { options: bobOptions }, carol: true });
        // A slow UMP: without the dependency, bob's create would start while the endpoint is still being written.
        ump().setLatency(400);
        try {
            await t.stack.up();
        } finally {
            ump().setLatency(0);
        }
        const script = umpRequests(ump(), "PUT").at(-1)!;
        const bobCreate = pbx().requests().find((r) => r.method === "POST" && r.path === "/api/users" && (r.body as { name?: string })?.name === "bob")!;
        assert.ok(bobCreate.at >= script.at + script.durationMs, `bob created at ${bobCreate.at}, the endpoint written until ${script.at + script.durationMs}`);
        const { deployment } = await t.stack.exportStack();
        const resources = deployment.resources as Array<{ urn: string; dependencies?: string[]; protect?: boolean; retainOnDelete?: boolean }>;
        const named = (name: string) => resources.find((r) => r.urn.endsWith(`::${name}`))!;
        assert.ok(named("pbx-user-bob").dependencies?.includes(named("ump-endpoint-dana@contoso.com").urn));
        assert.equal(named("pbx-user-alice").protect, true);
        assert.equal(named("pbx-user-bob").retainOnDelete, true);
        assert.equal(named("pbx-user-carol").protect ?? false, false);
    });

    it("ignoreChanges hides an edit of that field: preview shows no change and up sends nothing", async () => {
        writeRoster({ alice: { options: aliceOptions, displayName: "Alice Renamed" }, bob: { options: bobOptions }, carol: true });
        pbx().clearRequests();
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("pbx-user-alice")?.map((s) => s.op), ["same"]);
        await t.stack.up();
        assert.equal(pbx().requests().filter((r) => r.method === "POST").length, 0);
        assert.equal(pbxUserNamed("alice")?.display_name, "alice Example");
    });

    it("protect refuses a delete: removing the entry fails the up and the user stays", async () => {
        writeRoster({ bob: { options: bobOptions }, carol: true });
        await assert.rejects(t.stack.up(), (error: Error) => {
            assert.match(error.message, /pbx-user-alice.*protected|protected.*pbx-user-alice/s);
            return true;
        });
        assert.ok(pbxUserNamed("alice"));
    });

    it("retainOnDelete keeps the vendor object: removing the entry drops it from the stack only (a plain entry is deleted)", async () => {
        writeRoster({ alice: { options: aliceOptions } });
        const result = await t.stack.up();
        assert.equal(result.summary.resourceChanges?.delete, 2, "bob and carol leave the stack");
        assert.ok(pbxUserNamed("bob"), "bob stays at the PBX");
        assert.equal(pbxUserNamed("carol"), undefined, "carol, without retainOnDelete, is deleted");
        const { deployment } = await t.stack.exportStack();
        assert.equal((deployment.resources as Array<{ urn: string }>).some((r) => r.urn.endsWith("::pbx-user-bob")), false);
    });

    it("protect: false lifts the protection, and destroy deletes what the stack holds", async () => {
        writeRoster({ alice: { options: "{ protect: false }" } });
        await t.stack.up();
        await t.stack.destroy();
        assert.equal(pbxUserNamed("alice"), undefined);
        assert.ok(pbxUserNamed("bob"), "bob left the stack before, and stays (with a role of its own: a retained user would keep a roster role in use)");
    });
});
