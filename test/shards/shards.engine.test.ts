import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as automation from "@pulumi/pulumi/automation";
import { runCli } from "../../provider/cli/program";
import "../../provider/cli/commands/shards";
import { memoryIo } from "../cli/run";
import { prepareProgram } from "../helpers/engine";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { rosterPbxSecrets, rosterPbxUser } from "../helpers/roster-pbx";
import { maxInFlight } from "./inflight";

const janePortalPassword = "jane-Plaintext-1";
/** Users of the concurrency test, three per shard, with their secrets. */
const crowd = ["dave", "erin", "frank", "grace", "heidi", "ivan"];
const crowdSecrets = Object.fromEntries(
    crowd.flatMap((name, i) => [[`${name}Password`, `${name}-Plaintext-${i}`], [`${name}ExtensionPassword`, `${name}-Ext-Plaintext-${i}`], [`${name}VoicemailPin`, `97531${i}`]]),
);

/** A roster in shards east and west: alice and jane in `aliceShard`, bob in west; Support goes with its users. */
const roster = ({ aliceShard = "east", janeShard = "east", bobName = "Bob Example" } = {}) => `shards: [east, west]
masergy:
  users:
    - groupId: SIM-NYC
      userId: jdoe@example.com
      firstName: Jane
      lastName: Doe
      webPortalPassword: { secret: janePortalPassword }
      phoneNumber: "+12125550101"
      extension: "0101"
      mainServicePack: UC-Standard
      addressType: NONE
      timeZone: America/New_York
      shard: ${janeShard}
pbx:
  roles:
    - name: Support
      description: First-line support agents
      permissions:
        policies: { internalCalls: true }
  users:
${rosterPbxUser("alice", "1001", "Support")}      shard: ${aliceShard}
${rosterPbxUser("bob", "1002", "Support").replace("Bob Example", bobName)}      shard: west
sections: [masergy.users, pbx.roles, pbx.users]
`;

describe("pulumi-ucaas shards through the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false, latencyMs: 20 });
    const masergy = useMasergySimulator({ resetBetweenTests: false, jobDurationMs: 100, latencyMs: 20 });
    let workDir: string;
    let env: NodeJS.ProcessEnv;

    const writeRoster = (text: string) => fs.writeFileSync(path.join(workDir, "roster.yaml"), text);
    const shards = async (...args: string[]) => {
        const { io, stdout, stderr } = memoryIo(workDir);
        const code = await runCli(["shards", ...args], { ...io, env });
        return { code, lines: stderr().trim().split("\n"), stdout: stdout() };
    };
    const lineOf = (lines: string[], shard: string) => lines.find((line) => line.startsWith(`${shard} `)) ?? "";
    const allRequests = () => [...pbx().requests(), ...masergy().requests()];
    const clear = () => {
        pbx().clearRequests();
        masergy().clearRequests();
    };
    /** Logical name -> vendor id in a shard's state. */
    const ids = async (shard: string) => {
        const stack = await automation.LocalWorkspace.selectStack({ stackName: shard, workDir }, { envVars: env as Record<string, string> });
        const resources = ((await stack.exportStack()).deployment.resources ?? []) as Array<{ urn: string; id?: string; custom?: boolean; type: string }>;
        return new Map(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => [r.urn.split("::").pop()!, r.id]));
    };

    before(async () => {
        // The roster example's program, in a folder of its own (node_modules shared with the prepared copy).
        const prepared = await prepareProgram("roster");
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-shards-"));
        for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"]) fs.copyFileSync(path.join(prepared, file), path.join(workDir, file));
        fs.symlinkSync(path.join(prepared, "node_modules"), path.join(workDir, "node_modules"));
        env = {
            ...process.env,
            PULUMI_BACKEND_URL: `file://${fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-state-"))}`,
            PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            UCAAS_MASERGY_POLL_INTERVAL_SECONDS: "0.05",
        };
        // The stack whose config (the roster's secrets) new shard stacks start from.
        const base = await automation.LocalWorkspace.createOrSelectStack({ stackName: "base", workDir }, { envVars: env as Record<string, string> });
        await base.setAllConfig(
            Object.fromEntries(
                Object.entries({ ...rosterPbxSecrets, ...crowdSecrets, janePortalPassword }).map(([key, value]) => [key, { value, secret: true }]),
            ),
        );
    });

    it("up runs every shard within the bound per vendor; a role used from two shards lives in the first", async () => {
        writeRoster(roster());
        clear();
        const { code, lines } = await shards("up", "--config-from", "base", "--max-concurrency", "2", "--parallel", "2");
        assert.equal(code, 0, lines.join("\n"));
        // Pulumi counts the stack itself among the created resources.
        assert.match(lineOf(lines, "east"), /up ok .*4 created/);
        assert.match(lineOf(lines, "west"), /up ok .*2 created/);
        assert.match(lines.at(-1)!, /2 ok, 0 failed/);
        assert.deepEqual([...(await ids("east")).keys()].sort(), ["masergy-user-jdoe@example.com", "pbx-role-Support", "pbx-user-alice"]);
        assert.deepEqual([...(await ids("west")).keys()], ["pbx-user-bob"]);
        assert.equal(pbx().state().users.find((u) => u.extension_number === "1002")?.role, "Support");
        // Two stacks at once, each with one request in flight per vendor.
        console.log(`      most requests in flight: PortSIP ${maxInFlight(pbx().requests())}, Masergy ${maxInFlight(masergy().requests())} (bound 2)`);
        assert.ok(maxInFlight(pbx().requests()) <= 2, `PortSIP had ${maxInFlight(pbx().requests())} requests in flight`);
        assert.ok(maxInFlight(masergy().requests()) <= 2, `Masergy had ${maxInFlight(masergy().requests())} requests in flight`);
    });

    it("preview of the unchanged roster runs no shard and sends no request", async () => {
        clear();
        const { code, lines } = await shards("preview");
        assert.equal(code, 0, lines.join("\n"));
        assert.match(lineOf(lines, "east"), /preview unchanged/);
        assert.match(lineOf(lines, "west"), /preview unchanged/);
        assert.equal(allRequests().length, 0);
    });

    it("preview after one entry changed runs only that entry's shard", async () => {
        writeRoster(roster({ bobName: "Robert Example" }));
        clear();
        const { code, lines } = await shards("preview");
        assert.equal(code, 0, lines.join("\n"));
        assert.match(lineOf(lines, "east"), /preview unchanged/);
        assert.match(lineOf(lines, "west"), /preview ok .*1 updated/);
        // The same answer for a CI matrix: the stacks to run, one job each.
        assert.deepEqual(JSON.parse((await shards("list", "--changed")).stdout), ["west"]);
        assert.deepEqual(JSON.parse((await shards("list")).stdout), ["east", "west"]);
        assert.equal(allRequests().length, 0);
        writeRoster(roster());
    });

    it("moves a PbxUser and a MasergyUser to another shard without deleting them at the vendor", async () => {
        const before = await ids("east");
        writeRoster(roster({ aliceShard: "west", janeShard: "west" }));
        clear();
        const { code, lines } = await shards("up", "--max-concurrency", "2", "--parallel", "2");
        assert.equal(code, 0, lines.join("\n"));
        const deletes = allRequests().filter((r) => /destroy|delete/i.test(r.path) || r.method === "DELETE");
        assert.deepEqual(deletes.map((r) => `${r.method} ${r.path}`), []);
        assert.match(lineOf(lines, "west"), /takes over/);
        assert.match(lineOf(lines, "east"), /forgot .*pbx-user-alice/);
        const after = await ids("west");
        assert.deepEqual([...(await ids("east")).keys()], []);
        for (const name of ["pbx-user-alice", "masergy-user-jdoe@example.com", "pbx-role-Support"]) {
            assert.equal(after.get(name), before.get(name), `${name} keeps its vendor id`);
        }
        assert.equal(pbx().state().users.filter((u) => u.extension_number === "1001").length, 1);
        // Once moved, both shards are as applied: nothing to run.
        clear();
        const again = await shards("preview");
        assert.match(lineOf(again.lines, "west"), /preview unchanged/);
        assert.equal(allRequests().length, 0);
    });

    it("keeps the requests in flight per vendor within the bound while independent shards run at once", async () => {
        const users = crowd.map((name, i) => `${rosterPbxUser(name, String(2001 + i))}      shard: ${i < 3 ? "left" : "right"}\n`).join("");
        writeRoster(`shards: [left, right]\npbx:\n  users:\n${users}sections: [pbx.users]\n`);
        clear();
        const { code, lines } = await shards("up", "--config-from", "base", "--max-concurrency", "2", "--parallel", "2");
        assert.equal(code, 0, lines.join("\n"));
        const most = maxInFlight(pbx().requests().filter((r) => r.path.startsWith("/api/users")));
        console.log(`      most PortSIP user requests in flight, two shards of three users at once: ${most} (bound 2)`);
        assert.ok(most <= 2, `PortSIP had ${most} requests in flight`);
        assert.equal((await shards("destroy")).code, 0);
    });

    it("destroy deletes each shard's objects, the users' shard before the roles' shard", async () => {
        writeRoster(roster());
        const { code, lines } = await shards("destroy");
        assert.equal(code, 0, lines.join("\n"));
        assert.equal(pbx().state().users.filter((u) => ["1001", "1002"].includes(u.extension_number)).length, 0);
    });
});
