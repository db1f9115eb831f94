import { strict as assert } from "node:assert";
import { checked, checkedAndCreated, fakeProviderText, providerFor } from "../helpers/providers";
import { requestsTo, usePortSipSimulator } from "../helpers/portsip";
import { pbxUserArgs } from "../helpers/fixtures";

const provider = providerFor("PbxUser");

const liveUsers = (sim: ReturnType<ReturnType<typeof usePortSipSimulator>>) => sim.state().users;

const createUser = (overrides: Record<string, unknown> = {}) => checkedAndCreated(provider, pbxUserArgs(overrides));

describe("PbxUser provider, called directly against the PortSIP simulator", () => {
    const sim = usePortSipSimulator();

    describe("check", () => {
        it("lists every invalid field with its property path and sends no request", async () => {
            const result = await provider.check({}, {
                ...pbxUserArgs({
                    name: "admin",
                    extensionNumber: "12",
                    voicemailPin: "123456",
                    email: "not-an-address",
                    sms: "SOMETIMES",
                    colour: "blue",
                }),
                __provider: fakeProviderText,
            });
            const byProperty = new Map((result.failures ?? []).map((f) => [f.property, f.reason]));
            // A problem with a secret that has a value is the resource's, so the engine cannot print the value.
            assert.deepEqual([...byProperty.keys()].sort(), ["", "colour", "email", "extensionNumber", "name", "sms"]);
            assert.match(byProperty.get("")!, /^voicemailPin \(secret, value not shown\): .*consecutive/);
            assert.equal(byProperty.get("")!.includes("123456"), false);
            assert.match(byProperty.get("name")!, /reserved/);
            assert.equal(sim().requests().length, 0);
        });

        it("reports missing required fields", async () => {
            const result = await provider.check({}, { name: "bob", __provider: fakeProviderText });
            const properties = (result.failures ?? []).map((f) => f.property).sort();
            assert.deepEqual(properties, ["displayName", "email", "extensionNumber", "extensionPassword", "password", "role", "voicemailPin"]);
            const secrets = await provider.check({}, { ...pbxUserArgs({ password: undefined, voicemailPin: undefined }), __provider: fakeProviderText });
            assert.deepEqual(secrets.failures?.map((f) => f.property).sort(), ["password", "voicemailPin"]);
            assert.match(secrets.failures![0].reason, /only with adopt: true/);
        });

        it("does not judge values that are still unknown during preview", async () => {
            const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            const result = await provider.check({}, { ...pbxUserArgs({ role: unknown, email: unknown }), __provider: fakeProviderText });
            assert.equal(result.failures, undefined);
        });
    });

    describe("diff", () => {
        it("answers no change when only the serialized provider differs", async () => {
            const { inputs, outs } = await createUser();
            const result = await provider.diff("id", { ...outs, __provider: "old code" }, { ...inputs, __provider: "new code" });
            assert.deepEqual(result, { changes: false });
        });

        it("leaves changes undefined for an in-place change so the engine shows the property diff", async () => {
            const { inputs, outs } = await createUser();
            const result = await provider.diff("id", outs, { ...inputs, displayName: "Alice B. Example" });
            assert.equal(result.changes, undefined);
            assert.deepEqual(result.replaces, []);
        });

        it("replaces, deleting first, when the extension number changes", async () => {
            const { inputs, outs } = await createUser();
            const result = await provider.diff("id", outs, { ...inputs, extensionNumber: "1009" });
            assert.deepEqual(result.replaces, ["extensionNumber"]);
            assert.equal(result.deleteBeforeReplace, true);
        });
    });

    describe("create", () => {
        it("creates the user with every given field and returns the inputs plus its id", async () => {
            const { id, outs } = await createUser({ department: "Support", enableDnd: false, officeHours: { mode: "CUSTOM", monday: { enabled: true, ranges: [{ from: "09:00", to: "17:00" }] } } });
            const [user] = liveUsers(sim());
            assert.equal(user.id, id);
            assert.equal(user.extension_number, "1001");
            assert.equal(user.department, "Support");
            assert.equal(user.enable_dnd, false);
            assert.equal(user.password, "alice-Passw0rd");
            assert.equal(outs.userId, id);
            assert.equal(outs.displayName, "Alice Example");
        });

        it("binds the Microsoft 365 user through its own endpoint", async () => {
            await createUser({ ms365UserId: "alice@contoso.onmicrosoft.com" });
            assert.equal(requestsTo(sim(), "/api/users/", "POST").filter((r) => r.path.endsWith("/ms365_binding")).length, 1);
        });

        it("refuses to take over an existing extension unless adopt is set, naming the object", async () => {
            sim().seedUser({ ...wire(pbxUserArgs({ displayName: "Old Alice" })) });
            await assert.rejects(createUser(), /PortSIP extension 1001 \(user "alice", id \S+\) already exists\. Set adopt: true .*differs in displayName/);
            assert.equal(liveUsers(sim()).length, 1);
        });

        it("adopts an existing user by extension number and converges it", async () => {
            const existingId = sim().seedUser(wire(pbxUserArgs({ displayName: "Old Alice", role: "QueueManager" })));
            const { id } = await createUser({ adopt: true });
            assert.equal(id, existingId);
            const [user] = liveUsers(sim());
            assert.equal(user.display_name, "Alice Example");
            assert.equal(user.role, "StandardUser");
        });

        it("keeps the existing passwords and PIN of an adopted user when they are omitted", async () => {
            sim().seedUser(wire(pbxUserArgs({ displayName: "Old Alice" })));
            const { password: _p, extensionPassword: _e, voicemailPin: _v, ...withoutSecrets } = pbxUserArgs({ adopt: true });
            const inputs = await checked(provider, withoutSecrets);
            sim().clearRequests();
            await provider.create({ ...inputs, __provider: fakeProviderText });
            const paths = sim().requests().map((r) => r.path);
            assert.equal(paths.some((p) => p.endsWith("/password") || p.endsWith("/extension_password")), false);
            assert.equal(liveUsers(sim())[0].password, "alice-Passw0rd");
            assert.equal(liveUsers(sim())[0].display_name, "Alice Example");
        });

        it("cannot create a user whose secrets were omitted for adoption", async () => {
            const { password: _p, ...withoutPassword } = pbxUserArgs({ adopt: true });
            await assert.rejects(checkedAndCreated(provider, withoutPassword), /extension 1001 does not exist, so it cannot be adopted: password must be set/);
            assert.equal(liveUsers(sim()).length, 0);
        });

        it("fails with the vendor's message when the PBX refuses the user", async () => {
            await assert.rejects(createUser({ role: "NoSuchRole" }), (error: Error) => {
                assert.match(error.message, /^PortSIP: create user alice \(extension 1001\) failed: HTTP 400 VALIDATE_FAILED: .*role/);
                assert.doesNotMatch(error.message, new RegExp(sim().token));
                return true;
            });
        });

        it("settles a create that failed with a server error: looks again, and sends it once more only when the user is absent", async () => {
            sim().injectFault({ kind: "status", status: 500, method: "POST", pathPrefix: "/api/users" });
            const { id } = await createUser();
            assert.deepEqual(requestsTo(sim(), "/api/users").map((r) => [r.method, r.status]), [["GET", 200], ["POST", 500], ["GET", 200], ["POST", 201]]);
            assert.deepEqual(liveUsers(sim()).map((u) => u.id), [id]);
        });
    });

    describe("update", () => {
        it("sends only the changed profile fields to POST /api/users/{id}", async () => {
            const { id, inputs, outs } = await createUser({ department: "Support" });
            sim().clearRequests();
            const news = { ...inputs, displayName: "Alice B. Example" };
            const result = await provider.update(id, outs, news);
            const [request] = requestsTo(sim(), `/api/users/${id}`, "POST");
            assert.deepEqual(request.body, { display_name: "Alice B. Example" });
            assert.deepEqual(sim().requests().map((r) => r.method), ["POST", "GET"], "one write, read back once");
            assert.equal((result.outs as Record<string, unknown>).displayName, "Alice B. Example");
            assert.equal((result.outs as Record<string, unknown>).userId, id);
        });

        it("changes role and passwords through their own endpoints", async () => {
            const { id, inputs, outs } = await createUser();
            sim().clearRequests();
            await provider.update(id, outs, { ...inputs, role: "QueueManager", password: "new-Passw0rd", extensionPassword: "new-Ext-Secret" });
            const paths = requestsTo(sim(), "/api/users", "POST").map((r) => r.path).sort();
            assert.deepEqual(paths, [`/api/users/${id}/extension_password`, `/api/users/${id}/password`, `/api/users/${id}/role`]);
            assert.equal(requestsTo(sim(), "/api/users", "GET").length, 1, "the sequence is read back once");
            const [user] = liveUsers(sim());
            assert.equal(user.role, "QueueManager");
            assert.equal(user.password, "new-Passw0rd");
        });

        it("clears a field the program no longer sets", async () => {
            const { id, inputs, outs } = await createUser({ department: "Support" });
            const { department: _removed, ...news } = inputs;
            await provider.update(id, outs, news);
            assert.ok(!liveUsers(sim())[0].department);
        });

        it("unbinds Microsoft 365 when ms365UserId is removed", async () => {
            const { id, inputs, outs } = await createUser({ ms365UserId: "alice@contoso.onmicrosoft.com" });
            const { ms365UserId: _removed, ...news } = inputs;
            await provider.update(id, outs, news);
            assert.equal(requestsTo(sim(), `/api/users/${id}/ms365_binding/destroy`).length, 1);
        });

        it("reports a partial update with the id and the state reached so far", async () => {
            const { id, inputs, outs } = await createUser();
            sim().injectFault({ kind: "status", status: 400, pathPrefix: `/api/users/${id}/role` });
            const news = { ...inputs, displayName: "Changed", role: "QueueManager", __provider: fakeProviderText };
            await assert.rejects(provider.update(id, outs, news), (error: { id?: string; properties?: Record<string, unknown>; message: string }) => {
                assert.equal(error.id, id);
                assert.equal(error.properties?.displayName, "Changed");
                assert.equal(error.properties?.role, "StandardUser");
                assert.equal(error.properties?.__provider, fakeProviderText);
                assert.match(error.message, /set the role of user/);
                return true;
            });
        });
    });

    describe("read", () => {
        it("reports out-of-band changes to managed fields and keeps the secrets it cannot read", async () => {
            const { id, outs } = await createUser({ department: "Support" });
            sim().mutateUser(id, { display_name: "Changed in the PBX UI", department: null, enable_dnd: false });
            const result = await provider.read(id, outs);
            const props = result.props as Record<string, unknown>;
            assert.equal(result.id, id);
            assert.equal(props.displayName, "Changed in the PBX UI");
            assert.equal(props.department, undefined);
            assert.equal("enableDnd" in props, false, "unmanaged fields stay out of state");
            assert.equal(props.password, "alice-Passw0rd");
        });

        it("returns an empty id only when the user is really gone", async () => {
            const { id, outs } = await createUser();
            await provider.delete(id, outs);
            assert.deepEqual(await provider.read(id, outs), { id: "" });
        });

        it("fails rather than forgetting the user when the PBX errors", async () => {
            const { id, outs } = await createUser();
            sim().injectFault({ kind: "status", status: 403, pathPrefix: `/api/users/${id}` });
            await assert.rejects(provider.read(id, outs), /PortSIP: read user .* HTTP 403/);
        });
    });

    describe("delete", () => {
        it("deletes the user, and treats an already deleted user as done", async () => {
            const { id, outs } = await createUser();
            await provider.delete(id, outs);
            assert.equal(liveUsers(sim()).length, 0);
            await provider.delete(id, outs);
        });
    });

    describe("transport", () => {
        it("retries a rate-limited read after the Retry-After delay", async () => {
            const { id, outs } = await createUser();
            sim().clearRequests();
            sim().injectFault({ kind: "status", status: 429, retryAfterSeconds: 1, method: "GET" });
            const started = Date.now();
            const result = await provider.read(id, outs);
            assert.equal(result.id, id);
            assert.equal(sim().requests().length, 2);
            assert.ok(Date.now() - started >= 900, "waited for Retry-After");
        });

        it("retries a read whose connection was dropped", async () => {
            const { id, outs } = await createUser();
            sim().clearRequests();
            sim().injectFault({ kind: "drop", method: "GET" });
            assert.equal((await provider.read(id, outs)).id, id);
            assert.deepEqual(sim().requests().map((r) => r.status), [0, 200], "one dropped connection, then an answer");
        });
    });
});

/** The wire form of PbxUser arguments, for seeding the simulator directly. */
function wire(args: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(args).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

describe("PbxUser outputs", () => {
    const sim = usePortSipSimulator();

    it("never carry undefined values, which the engine cannot transport", async () => {
        const { id, outs } = await checkedAndCreated(provider, pbxUserArgs({ department: "Support" }));
        sim().mutateUser(id, { department: null });
        const read = await provider.read(id, outs);
        assert.equal(Object.values(read.props!).includes(undefined), false);
        assert.equal("department" in read.props!, false);
    });
});
