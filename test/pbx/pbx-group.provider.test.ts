/**
 * PbxGroup, provider methods called directly against the PortSIP simulator over HTTP: check,
 * create, update (fields and members), refresh and drift, delete, taking a group over (with members
 * the program does not declare), and the faults: a lost create answer, an answer not understood on
 * refresh, a member write the PBX ignores. Request sequences are asserted from the simulator's log.
 */
import { strict as assert } from "node:assert";
import * as ucaas from "pulumi-ucaas";
import { capturingLog } from "../helpers/capture-log";
import { answerFaults, failureOf } from "../helpers/faults";
import { pbxUserArgs } from "../helpers/fixtures";
import { usePortSipSimulator } from "../helpers/portsip";
import { checked, checkedAndCreated, fakeProviderText, providerFor } from "../helpers/providers";
import { clientFor } from "../helpers/sim-http";

const groups = providerFor("PbxGroup");
const users = providerFor("PbxUser");

const callerIds = [{ providerId: "NzAwNTUxOTA5NzczMTQ4MTYw", callerId: "+12125550100", description: "Support line" }];
const groupArgs = (overrides: Record<string, unknown> = {}) => ({
    name: "Support team",
    description: "Everyone who answers support calls",
    outboundCallerIds: callerIds,
    members: ["1002", "1001"],
    ...overrides,
});

describe("PbxGroup provider, called directly against the PortSIP simulator", () => {
    const sim = usePortSipSimulator();
    const api = () => clientFor(sim().url, sim().token);
    const liveGroups = () => sim().state().groups;
    const liveMembers = () => liveGroups()[0].members.map((m) => m.extension_number).sort();
    /** The vendor requests sent, ids generalized: "POST /api/groups/{id}/members/1001". */
    const sent = () => sim().requests().map((r) => `${r.method} ${r.path.replace(/^\/api\/groups\/[^/]+/, "/api/groups/{id}")}`);
    const seedUsers = (...extensions: string[]) =>
        extensions.map((extension) => sim().seedUser({ name: `user${extension}`, display_name: `User ${extension}`, email: `u${extension}@example.com`, role: "StandardUser", extension_number: extension, password: "user-Passw0rd", extension_password: "user-Ext-Secret", voicemail_pin: "135792" }));
    const seedGroup = async (body: Record<string, unknown>, members: string[] = []) => {
        const id = (await api().post("/api/groups", body)).body.id as string;
        for (const extension of members) await api().post(`/api/groups/${id}/members/${extension}`);
        return id;
    };
    afterEach(() => delete process.env.UCAAS_ADOPT_MATCHING);

    describe("check", () => {
        it("sorts the members, so their order is no change, and fills an omitted list with none", async () => {
            assert.deepEqual((await checked(groups, groupArgs())).members, ["1001", "1002"]);
            assert.deepEqual((await checked(groups, { name: "Empty" })).members, []);
            const sorted = await checked(groups, groupArgs({ members: ["1001", "1002"] }));
            assert.deepEqual(await groups.diff("x", sorted, await checked(groups, groupArgs())), { changes: false });
        });

        it("lists every problem with its path, before any request", async () => {
            const result = await groups.check({}, { ...groupArgs({ members: ["1001", "12", "1001"], outboundCallerIds: [{ callerId: "" }], colour: "red" }), __provider: fakeProviderText });
            assert.deepEqual(result.failures?.map((f) => `${f.property}: ${f.reason}`).sort(), [
                "colour: is not a property of this resource",
                "members.1: must be an extension number: 3-64 digits",
                "members.2: lists extension 1001 a second time",
                "outboundCallerIds.0.callerId: Too small: expected string to have >=1 characters",
                "outboundCallerIds.0.providerId: is required",
            ]);
            assert.equal(sim().requests().length, 0);
        });
    });

    it("creates the group with its fields, then adds each member; the member writes are read back once", async () => {
        seedUsers("1001", "1002");
        const { id, outs } = await checkedAndCreated(groups, groupArgs());
        assert.deepEqual(sent(), ["GET /api/groups", "POST /api/groups", "POST /api/groups/{id}/members/1001", "POST /api/groups/{id}/members/1002", "GET /api/groups/{id}/members"]);
        assert.deepEqual(sim().requests()[1].body, {
            name: "Support team",
            description: "Everyone who answers support calls",
            outbound_caller_ids: [{ provider_id: "NzAwNTUxOTA5NzczMTQ4MTYw", caller_id: "+12125550100", description: "Support line" }],
        });
        assert.equal(liveGroups()[0].id, id);
        assert.deepEqual(liveMembers(), ["1001", "1002"]);
        assert.equal(outs.groupId, id);
        assert.deepEqual(outs.members, ["1001", "1002"]);
    });

    it("a group without members is one lookup and one create", async () => {
        await checkedAndCreated(groups, { name: "Empty" });
        assert.deepEqual(sent(), ["GET /api/groups", "POST /api/groups"]);
    });

    it("updates fields in one write read back once, and members one by one against the live list, never re-creating the group", async () => {
        seedUsers("1001", "1002", "1003");
        const { id, outs } = await checkedAndCreated(groups, groupArgs());
        const news = await checked(groups, groupArgs({ name: "Support", description: "Second line", members: ["1003", "1001"] }));
        const diff = await groups.diff(id, outs, news);
        assert.deepEqual(diff, { replaces: [] }, "an edit of the program: the engine computes the property diff, nothing replaces");
        sim().clearRequests();
        const updated = await groups.update(id, outs, { ...news, __provider: fakeProviderText });
        assert.deepEqual(sent(), [
            "POST /api/groups/{id}",
            "GET /api/groups/{id}",
            "GET /api/groups/{id}/members",
            "POST /api/groups/{id}/members/1002/destroy",
            "POST /api/groups/{id}/members/1003",
            "GET /api/groups/{id}/members",
        ]);
        assert.deepEqual(sim().requests()[0].body, { name: "Support", description: "Second line" });
        assert.deepEqual([liveGroups()[0].id, liveGroups()[0].name, liveMembers()], [id, "Support", ["1001", "1003"]]);
        assert.deepEqual((updated.outs as Record<string, unknown>).members, ["1001", "1003"]);
    });

    it("clears a description and caller ids the program no longer sets", async () => {
        const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: [] }));
        const news = await checked(groups, { name: "Support team" });
        sim().clearRequests();
        await groups.update(id, outs, { ...news, __provider: fakeProviderText });
        assert.deepEqual(sim().requests()[0].body, { description: "", outbound_caller_ids: [] });
        assert.deepEqual([liveGroups()[0].description, liveGroups()[0].outbound_caller_ids], ["", []]);
        const read = await groups.read(id, { ...news, groupId: id });
        assert.deepEqual(await groups.diff(id, read.props!, news), { changes: false });
    });

    it("refresh reads name, description, caller ids and members; a member removed at the PBX is drift that update restores", async () => {
        seedUsers("1001", "1002");
        const { id, inputs, outs } = await checkedAndCreated(groups, groupArgs());
        sim().clearRequests();
        assert.deepEqual(await groups.read(id, outs), { id, props: outs });
        assert.deepEqual(sent(), ["GET /api/groups/{id}", "GET /api/groups/{id}/members"]);

        await api().post(`/api/groups/${id}/members/1002/destroy`);
        await api().post(`/api/groups/${id}`, { description: "Edited in the PBX UI", outbound_caller_ids: [] });
        const read = await groups.read(id, outs);
        const props = read.props as Record<string, unknown>;
        assert.deepEqual([props.members, props.description, props.outboundCallerIds], [["1001"], "Edited in the PBX UI", []]);
        // Drift, not an edit: the diff says so itself, since the engine's input comparison would see nothing.
        assert.deepEqual(await groups.diff(id, props, inputs), { changes: true, replaces: [] });
        sim().clearRequests();
        await groups.update(id, props, { ...inputs, __provider: fakeProviderText });
        assert.deepEqual(sent(), ["POST /api/groups/{id}", "GET /api/groups/{id}", "GET /api/groups/{id}/members", "POST /api/groups/{id}/members/1002", "GET /api/groups/{id}/members"]);
        assert.deepEqual([liveMembers(), liveGroups()[0].description], [["1001", "1002"], "Everyone who answers support calls"]);
    });

    it("a user deleted while still a member: the PBX takes it out of the group, and the next refresh shows it", async () => {
        const [, bob] = seedUsers("1001", "1002");
        const { id, outs } = await checkedAndCreated(groups, groupArgs());
        const user = await users.read(bob, {});
        await users.delete(bob, user.props!);
        assert.deepEqual((await groups.read(id, outs)).props?.members, ["1001"]);
    });

    it("adding an extension no user has fails with PortSIP's message and records the members the group has", async () => {
        seedUsers("1001");
        const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: ["1001"] }));
        const news = await checked(groups, groupArgs({ members: ["1001", "1009"] }));
        const error = await failureOf(groups.update(id, outs, { ...news, __provider: fakeProviderText }));
        assert.match(error.message, new RegExp(`^PortSIP group ${id} was only partly updated: PortSIP: add extension 1009 to group ${id} failed: HTTP 404 NOT_FOUND: no user has extension 1009`));
        assert.deepEqual([error.id, error.properties?.members], [id, ["1001"]]);
    });

    it("delete is one request; a group already gone counts as deleted; refresh then finds it gone", async () => {
        const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: [] }));
        sim().clearRequests();
        await groups.delete(id, outs);
        assert.deepEqual(sent(), ["POST /api/groups/{id}/destroy"]);
        await groups.delete(id, outs);
        assert.deepEqual(await groups.read(id, outs), { id: "" });
        assert.deepEqual(liveGroups(), []);
    });

    it("ucaas.pbx.getGroups() lists the groups, with PortSIP's filter; groups() is its alias", async () => {
        const sales = await seedGroup({ name: "Sales", description: "Sales floor" });
        await seedGroup({ name: "Support" });
        assert.deepEqual(await ucaas.pbx.getGroups({ filter: "name eq 'Sales'" }), [{ id: sales, name: "Sales", description: "Sales floor" }]);
        assert.deepEqual((await ucaas.pbx.getGroups()).map((g) => g.name), ["Sales", "Support"]);
        assert.deepEqual(await ucaas.pbx.groups({ filter: "name eq 'Sales'" }), await ucaas.pbx.getGroups({ filter: "name eq 'Sales'" }), "the former name");
    });

    describe("taking an existing group over", () => {
        it("without adopt or the setting, refuses naming the group and how its members differ", async () => {
            seedUsers("1001", "1002", "1003");
            await seedGroup({ name: "Support team", description: "Everyone who answers support calls" }, ["1001", "1003"]);
            const error = await failureOf(checkedAndCreated(groups, groupArgs({ outboundCallerIds: undefined })));
            assert.match(
                error.message,
                /^PortSIP group "Support team" \(id \S+\) already exists\. Set adopt: true on this PbxGroup to take it over \(it differs in members \(1003 is a member the program does not declare; 1002 is not a member\), which would be overwritten\)/,
            );
        });

        it("ucaas:adoptMatching takes over a matching group with reads only, and refuses one with members the program does not declare", async () => {
            seedUsers("1001", "1002", "1003");
            const id = await seedGroup({ name: "Support team", description: "Everyone who answers support calls", outbound_caller_ids: [{ provider_id: callerIds[0].providerId, caller_id: callerIds[0].callerId, description: "Support line" }] }, ["1001", "1002"]);
            process.env.UCAAS_ADOPT_MATCHING = "true";
            sim().clearRequests();
            const { id: adopted } = await checkedAndCreated(groups, groupArgs());
            assert.equal(adopted, id);
            assert.deepEqual(sent(), ["GET /api/groups", "GET /api/groups/{id}", "GET /api/groups/{id}/members"]);

            await api().post(`/api/groups/${id}/members/1003`);
            const error = await failureOf(checkedAndCreated(groups, groupArgs()));
            assert.match(error.message, /already exists and differs from this PbxGroup in members \(1003 is a member the program does not declare\); ucaas:adoptMatching only takes over/);
        });

        it("adopt: true writes what differs and adds missing members, keeps undeclared ones, and records them so the next diff shows their removal", async () => {
            seedUsers("1001", "1002", "1003");
            const id = await seedGroup({ name: "Support team", description: "Made by hand" }, ["1001", "1003"]);
            const inputs = await checked(groups, groupArgs({ outboundCallerIds: undefined, adopt: true }));
            sim().clearRequests();
            const { result: created, lines } = await capturingLog(() => groups.create({ ...inputs, __provider: fakeProviderText }));
            assert.equal(created.id, id);
            assert.deepEqual(lines, [
                `PortSIP: group "Support team" (id ${id}) is taken over with members this PbxGroup does not declare (1003): they stay in the group ` +
                    "for now and are recorded, so the next `pulumi preview` shows their removal as a change of members, which the next `pulumi up` makes; declare them to keep them.",
            ]);
            assert.deepEqual(sent(), [
                "GET /api/groups",
                "GET /api/groups/{id}",
                "GET /api/groups/{id}/members",
                "POST /api/groups/{id}",
                "GET /api/groups/{id}",
                "POST /api/groups/{id}/members/1002",
                "GET /api/groups/{id}/members",
            ]);
            assert.deepEqual(liveMembers(), ["1001", "1002", "1003"], "nobody removed at adoption");
            const outs = created.outs as Record<string, unknown>;
            assert.deepEqual(outs.members, ["1001", "1002", "1003"]);
            // What the next preview shows: a change of members (drift from what was declared), and the update removes 1003.
            assert.deepEqual(await groups.diff(id, outs, inputs), { changes: true, replaces: [] });
            sim().clearRequests();
            await groups.update(id, outs, { ...inputs, __provider: fakeProviderText });
            assert.deepEqual(sent(), ["GET /api/groups/{id}/members", "POST /api/groups/{id}/members/1003/destroy", "GET /api/groups/{id}/members"]);
            assert.deepEqual(liveMembers(), ["1001", "1002"]);
        });
    });

    describe("faults", () => {
        it("a create whose answer was lost is found by name with the declared fields and recorded, sent once; its members are then added", async () => {
            seedUsers("1001", "1002");
            sim().injectFault({ kind: "lost", method: "POST", pathPrefix: "/api/groups" });
            const { id } = await checkedAndCreated(groups, groupArgs());
            assert.deepEqual(sent(), [
                "GET /api/groups",
                "POST /api/groups",
                "GET /api/groups",
                "GET /api/groups/{id}",
                "GET /api/groups/{id}/members",
                "POST /api/groups/{id}/members/1001",
                "POST /api/groups/{id}/members/1002",
                "GET /api/groups/{id}/members",
            ]);
            assert.deepEqual([liveGroups().length, liveGroups()[0].id, liveMembers()], [1, id, ["1001", "1002"]]);
        });

        for (const { row, fault } of answerFaults) {
            it(`refresh meeting ${row} fails naming PortSIP and the read, the state untouched`, async () => {
                const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: [] }));
                const before = structuredClone(outs);
                for (const pathPrefix of [`/api/groups/${id}/members`, `/api/groups/${id}`]) {
                    sim().injectFault({ ...fault, method: "GET", pathPrefix });
                    const error = await failureOf(groups.read(id, outs));
                    assert.match(error.message, new RegExp(`^PortSIP: (read group|list the members of group) ${id} failed: HTTP 200 answer not understood`));
                }
                assert.deepEqual(outs, before);
                assert.deepEqual((await groups.read(id, outs)).props, outs);
            });
        }

        it("a member list that says it holds more members than it lists is refused, never read as the whole list", async () => {
            const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: [] }));
            sim().injectFault({ kind: "raw", contentType: "application/json", body: '{"count":150,"items":[]}', method: "GET", pathPrefix: `/api/groups/${id}/members` });
            await assert.rejects(groups.read(id, outs), /list the members of group \S+ failed: HTTP 200 answer not understood.*count is more than the items listed/);
        });

        it("a member write the PBX answers 204 and ignores is caught by the read-back, which records the live members; the next up converges", async () => {
            seedUsers("1001", "1002");
            const { id, outs } = await checkedAndCreated(groups, groupArgs({ members: ["1001"] }));
            const news = await checked(groups, groupArgs());
            sim().injectFault({ kind: "ignore", method: "POST", pathPrefix: `/api/groups/${id}/members/` });
            const error = await failureOf(groups.update(id, outs, { ...news, __provider: fakeProviderText }));
            assert.equal(
                error.message,
                `PortSIP: add extension 1002 to group ${id} answered as done, but reading the members of group ${id} back shows members not as declared: ` +
                    "PortSIP ignored or undid the write. The state records what PortSIP holds, so the next `pulumi up` writes it again.",
            );
            assert.deepEqual([error.id, error.properties?.members], [id, ["1001"]]);
            await groups.update(id, error.properties!, { ...news, __provider: fakeProviderText });
            assert.deepEqual(liveMembers(), ["1001", "1002"]);
        });
    });
});
