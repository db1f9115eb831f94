/**
 * PbxGroup through the real Pulumi engine, declared in a roster (`pbx.groups`, members by user
 * name) against the PortSIP simulator: up, an unchanged preview with no request, in-place changes
 * of fields and members, a user and its membership added and removed in one up (in the right
 * order, without the roster saying so), drift restored by up, taking over an existing group with a
 * member the roster does not declare (shown in the next plan, removed only by its up), destroy.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { summarizePreview } from "../../provider/summary/summarize";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { usePortSipSimulator } from "../helpers/portsip";
import { rosterPbxSecrets, rosterPbxUser } from "../helpers/roster-pbx";
import { clientFor } from "../helpers/sim-http";
import { previewJson } from "../summary/digests";

const user = (name: string, extension: string) => rosterPbxUser(name, extension);

interface GroupEntry {
    name: string;
    description?: string;
    callerId?: string;
    members: string[];
    adopt?: boolean;
}

const group = (g: GroupEntry) =>
    `    - name: ${g.name}\n` +
    (g.description ? `      description: ${g.description}\n` : "") +
    (g.callerId ? `      outboundCallerIds: [{ providerId: NzAwNTUxOTA5NzczMTQ4MTYw, callerId: "${g.callerId}" }]\n` : "") +
    `      members: [${g.members.map((m) => JSON.stringify(m)).join(", ")}]\n` +
    (g.adopt ? "      adopt: true\n" : "");

function rosterYaml(users: string[], groups: GroupEntry[]): string {
    return `pbx:\n  users:\n${users.join("")}  groups:\n${groups.map(group).join("")}sections: [pbx.users, pbx.groups]\n`;
}

const supportTeam: GroupEntry = { name: "Support team", description: "First line", callerId: "+12125550100", members: ["alice", "bob"] };

describe("PbxGroup through the real Pulumi engine (a roster with pbx.groups)", function () {
    this.timeout(10 * 60_000);
    const sim = usePortSipSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    const api = () => clientFor(sim().url, sim().token);
    const writeRoster = (users: string[], groups: GroupEntry[]) => fs.writeFileSync(path.join(workDir, "roster.yaml"), rosterYaml(users, groups));
    const groupNamed = (name: string) => sim().state().groups.find((g) => g.name === name);
    const membersOf = (name: string) => groupNamed(name)?.members.map((m) => m.extension_number).sort();
    /** The vendor requests, ids generalized, in the order the PBX received them. */
    const sent = () => sim().requests().map((r) => `${r.method} ${r.path.replace(/^\/api\/(groups|users)\/[^/]+/, "/api/$1/{id}")}`);
    const opsOf = (steps: Map<string, Array<{ op: string }>>) => Object.fromEntries([...steps].map(([name, s]) => [name, s.map((step) => step.op).join(",")]));

    before(async () => {
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-groups-`);
        fs.cpSync(source, workDir, { recursive: true });
        t = await newStack(workDir);
        // In stack config, not only UCAAS_* variables: the final destroy runs after the simulator hooks restore them.
        await t.stack.setAllConfig({
            "ucaas:pbxUrl": { value: sim().url },
            "ucaas:pbxToken": { value: sim().token, secret: true },
            ...Object.fromEntries(Object.entries(rosterPbxSecrets).map(([key, value]) => [key, { value, secret: true }])),
        });
        // A user the roster does not manage, to be a member by its extension number.
        sim().seedUser({ name: "zed", display_name: "Zed", email: "zed@example.com", role: "StandardUser", extension_number: "2002", password: "zed-Passw0rd", extension_password: "zed-Ext-Secret", voicemail_pin: "135792" });
    });

    it("up creates the users before the group that names them, then adds them as members", async () => {
        writeRoster([user("alice", "1001"), user("bob", "1002")], [supportTeam]);
        sim().clearRequests();
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 4, "the stack, two users, one group");
        assert.deepEqual(membersOf("Support team"), ["1001", "1002"]);
        const requests = sent();
        const lastUserCreate = requests.lastIndexOf("POST /api/users");
        assert.ok(lastUserCreate >= 0 && lastUserCreate < requests.indexOf("GET /api/groups"), requests.join("\n"));
        assert.deepEqual(requests.filter((r) => r.includes("/api/groups")), [
            "GET /api/groups",
            "POST /api/groups",
            "POST /api/groups/{id}/members/1001",
            "POST /api/groups/{id}/members/1002",
            "GET /api/groups/{id}/members",
        ]);
        assert.equal(groupNamed("Support team")?.description, "First line");
    });

    it("preview of the unchanged stack sends no request to the PBX", async () => {
        sim().clearRequests();
        const steps = opsOf(await t.previewSteps());
        assert.deepEqual(steps, { "pbx-user-alice": "same", "pbx-user-bob": "same", "pbx-group-Support_team": "same" });
        assert.equal(sim().requests().length, 0);
    });

    it("changes description, caller ids and members in place, through the group and members endpoints only", async () => {
        const id = groupNamed("Support team")!.id;
        writeRoster([user("alice", "1001"), user("bob", "1002")], [{ ...supportTeam, description: "Second line", callerId: "+12125550199", members: ["alice", "2002"] }]);
        const steps = await t.previewSteps({ diff: true });
        assert.deepEqual(steps.get("pbx-group-Support_team")?.map((s) => [s.op, s.diffs]), [["update", ["description", "members", "outboundCallerIds"]]]);
        sim().clearRequests();
        await t.stack.up();
        assert.deepEqual(sent(), [
            "POST /api/groups/{id}",
            "GET /api/groups/{id}",
            "GET /api/groups/{id}/members",
            "POST /api/groups/{id}/members/1002/destroy",
            "POST /api/groups/{id}/members/2002",
            "GET /api/groups/{id}/members",
        ]);
        const live = groupNamed("Support team")!;
        assert.deepEqual([live.id, live.description, live.outbound_caller_ids[0].caller_id, membersOf("Support team")], [id, "Second line", "+12125550199", ["1001", "2002"]]);
    });

    it("adds a new user and its membership in one up: the user is created before it is added", async () => {
        // carol given by her extension as text: a roster user's extension becomes her output too.
        writeRoster([user("alice", "1001"), user("bob", "1002"), user("carol", "1003")], [{ ...supportTeam, members: ["alice", "1003", "2002"] }]);
        sim().clearRequests();
        const steps = opsOf(await t.previewSteps());
        assert.deepEqual([steps["pbx-user-carol"], steps["pbx-group-Support_team"]], ["create", "update"]);
        assert.equal(sim().requests().length, 0);
        const up = await t.stack.up();
        assert.deepEqual(up.summary.resourceChanges, { create: 1, update: 1, same: 3 });
        const requests = sent();
        assert.ok(requests.indexOf("POST /api/users") < requests.indexOf("POST /api/groups/{id}/members/1003"), requests.join("\n"));
        assert.deepEqual(membersOf("Support team"), ["1001", "1003", "2002"]);
    });

    it("removes a user and its membership in one up: it leaves the group before it is deleted", async () => {
        writeRoster([user("alice", "1001"), user("bob", "1002")], [{ ...supportTeam, members: ["alice", "2002"] }]);
        sim().clearRequests();
        const up = await t.stack.up();
        assert.deepEqual(up.summary.resourceChanges, { delete: 1, update: 1, same: 3 });
        const requests = sent();
        assert.ok(requests.indexOf("POST /api/groups/{id}/members/1003/destroy") < requests.indexOf("POST /api/users/{id}/destroy"), requests.join("\n"));
        assert.deepEqual(membersOf("Support team"), ["1001", "2002"]);
        assert.equal(sim().state().users.some((u) => u.name === "carol"), false);
    });

    it("shows a member removed at the PBX as drift in refresh, and up adds it back", async () => {
        const id = groupNamed("Support team")!.id;
        assert.equal((await api().post(`/api/groups/${id}/members/1001/destroy`)).status, 204);
        const refresh = await t.stack.refresh();
        assert.equal(refresh.summary.resourceChanges?.update, 1);
        sim().clearRequests();
        const steps = opsOf(await t.previewSteps());
        assert.equal(steps["pbx-group-Support_team"], "update");
        assert.equal(sim().requests().length, 0);
        await t.stack.up();
        assert.deepEqual(membersOf("Support team"), ["1001", "2002"]);
    });

    it("takes over an existing group with adopt: true without removing the member the roster does not declare; the next plan shows its removal", async () => {
        const sales = (await api().post("/api/groups", { name: "Sales", description: "Made by hand" })).body.id as string;
        for (const extension of ["1002", "2002"]) await api().post(`/api/groups/${sales}/members/${extension}`);
        writeRoster([user("alice", "1001"), user("bob", "1002")], [{ ...supportTeam, members: ["alice", "2002"] }, { name: "Sales", description: "Sales floor", members: ["alice", "bob"], adopt: true }]);
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 1);
        assert.match(up.stdout, /group "Sales" \(id \S+\) is taken over with members this PbxGroup does not declare \(2002\)/);
        assert.deepEqual([groupNamed("Sales")?.id, groupNamed("Sales")?.description, membersOf("Sales")], [sales, "Sales floor", ["1001", "1002", "2002"]]);

        // The next plan updates the group. The CLI's own diff shows no property for a change the
        // program did not make (see README); the summary of `pulumi preview --json` names it.
        sim().clearRequests();
        const steps = opsOf(await t.previewSteps());
        assert.deepEqual(Object.entries(steps).filter(([, op]) => op !== "same"), [["pbx-group-Sales", "update"]]);
        const summary = summarizePreview(await previewJson(t));
        assert.equal(sim().requests().length, 0);
        assert.match(summary, /^\| changed \| group Sales \| `members` \| vendor now: `\["1001","1002","2002"\]` → will write: `\["1001","1002"\]` \|/m, summary);
        await t.stack.up();
        assert.deepEqual(membersOf("Sales"), ["1001", "1002"]);
    });

    it("destroy deletes the groups and users the roster declared, and leaves the unmanaged user", async () => {
        await t.stack.destroy();
        assert.deepEqual(sim().state().groups, []);
        assert.deepEqual(sim().state().users.map((u) => u.name), ["zed"]);
    });
});
