import { strict as assert } from "node:assert";
import { UmpApiError } from "pulumi-ucaas";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { onPremRange, seedDirectoryUser, umpEndpointArgs, umpRequests, useUmpSimulator } from "../helpers/ump";

const provider = providerFor("UmpEndpoint");
const ALICE = "sip:alice@contoso.com";
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("UmpEndpoint provider, called directly against the UMP simulator", () => {
    const sim = useUmpSimulator({ licensedUsers: 5 });
    const live = (sip = ALICE) => sim().state().endpoints.find((e) => e.SipAddress === sip)!;

    async function createEndpoint(overrides: Record<string, unknown> = {}) {
        const inputs = await checked(provider, umpEndpointArgs(overrides));
        const created = await provider.create({ ...inputs, __provider: fakeProviderText });
        return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
    }

    describe("check", () => {
        it("lists every invalid property with its path and sends no request", async () => {
            const result = await provider.check({}, {
                identity: "alice",
                lineUri: "0365461212",
                privateLine: "tel:+31 36",
                usageLocation: "Netherlands",
                callPickupGroup: "#four",
                groupingId: "not-a-guid",
                enterpriseVoiceEnabled: "yes",
                department: "   ",
                lineURI: "tel:+311111121",
                __provider: fakeProviderText,
            });
            const byProperty = new Map((result.failures ?? []).map((f) => [f.property, f.reason]));
            assert.deepEqual([...byProperty.keys()].sort(), [
                "callPickupGroup",
                "department",
                "enterpriseVoiceEnabled",
                "groupingId",
                "identity",
                "lineURI",
                "lineUri",
                "privateLine",
                "usageLocation",
            ]);
            assert.match(byProperty.get("lineUri")!, /E\.164/);
            assert.match(byProperty.get("usageLocation")!, /ISO 3166-1 alpha-2/);
            assert.match(byProperty.get("lineURI")!, /not a property/);
            assert.equal(sim().requests().length, 0);
        });

        it("requires identity and a privateLine different from lineUri", async () => {
            const missing = await provider.check({}, { lineUri: "tel:+311111121", __provider: fakeProviderText });
            assert.deepEqual(missing.failures?.map((f) => f.property), ["identity"]);
            const same = await provider.check({}, umpEndpointArgs({ privateLine: "TEL:+311111121", __provider: fakeProviderText }));
            assert.deepEqual(same.failures?.map((f) => f.property), ["privateLine"]);
        });

        it("normalizes SIP address, numbers, country, pickup group and GUID so diffs compare like with like", async () => {
            const inputs = await checked(provider, {
                identity: " Alice@Contoso.COM ",
                lineUri: " Tel:+31 11 111 21 ;EXT=12 ",
                privateLine: "+311111122",
                usageLocation: "nl",
                callPickupGroup: "409",
                groupingId: "AD4376FB-CA3A-418A-BA2A-B848442AF2B4",
                dialPlan: " NL-Amsterdam ",
            });
            assert.deepEqual(inputs, {
                identity: ALICE,
                lineUri: "tel:+311111121;ext=12",
                privateLine: "tel:+311111122",
                usageLocation: "NL",
                callPickupGroup: "#409",
                groupingId: "ad4376fb-ca3a-418a-ba2a-b848442af2b4",
                dialPlan: "NL-Amsterdam",
            });
        });

        it("does not judge values that are still unknown during preview", async () => {
            const result = await provider.check({}, { ...umpEndpointArgs({ lineUri: unknown, identity: unknown }), __provider: fakeProviderText });
            assert.equal(result.failures, undefined);
        });
    });

    describe("diff", () => {
        it("answers no change when only the serialized provider or the spelling of a number differs", async () => {
            seedDirectoryUser(sim());
            const { outs } = await createEndpoint();
            const respelled = await checked(provider, umpEndpointArgs({ lineUri: "Tel: +31 11 111 21", identity: "Alice@contoso.com" }));
            assert.deepEqual(await provider.diff(ALICE, { ...outs, __provider: "old code" }, respelled), { changes: false });
        });

        it("updates the dial plan in place, leaving changes undefined so the engine shows the property", async () => {
            const olds = { ...(await checked(provider, umpEndpointArgs())), displayName: "Alice" };
            const result = await provider.diff(ALICE, olds, await checked(provider, umpEndpointArgs({ dialPlan: "NL-Rotterdam" })));
            assert.equal(result.changes, undefined);
            assert.deepEqual(result.replaces, []);
        });

        it("replaces, releasing the old endpoint first, when the identity changes", async () => {
            const olds = await checked(provider, umpEndpointArgs());
            const result = await provider.diff(ALICE, olds, await checked(provider, umpEndpointArgs({ identity: "sip:alice2@contoso.com" })));
            assert.deepEqual(result.replaces, ["identity"]);
            assert.equal(result.deleteBeforeReplace, true);
        });
    });

    describe("create", () => {
        it("applies every set attribute to the directory user in one /script call and consumes the number", async () => {
            seedDirectoryUser(sim());
            sim().clearRequests();
            const { id, outs } = await createEndpoint({ department: "Support", privateLine: "tel:+311111122" });
            assert.equal(id, ALICE);
            const requests = umpRequests(sim());
            assert.deepEqual(requests.map((r) => [r.method, r.path]), [
                ["GET", `proxy/endpoint/${ALICE}`],
                ["PUT", `proxy/endpoint/${ALICE}/script`],
                ["GET", `proxy/endpoint/${ALICE}`],
            ]);
            assert.deepEqual(requests[1].body, {
                Department: "Support",
                UsageLocation: "NL",
                EnterpriseVoiceEnabled: true,
                VoicePolicy: "International",
                DialPlan: "NL-Amsterdam",
                LineURI: "tel:+311111121",
                PrivateLine: "tel:+311111122",
            });
            assert.equal(live().LineURI, "tel:+311111121");
            assert.equal(live().EnterpriseVoiceEnabled, true);
            assert.deepEqual(onPremRange(sim()).assigned.sort(), ["tel:+311111121", "tel:+311111122"]);
            assert.equal(onPremRange(sim()).NumbersAvailable, 19);
            assert.equal(outs.displayName, "Alice Example");
            assert.equal(outs.registrarPool, "sfb-ws2019-fe1.ocshost.nl");
            assert.equal(outs.lineUri, "tel:+311111121");
        });

        it("fails when the user is not in the directory, saying it must exist there first", async () => {
            await assert.rejects(createEndpoint(), (error: Error) => {
                assert.match(error.message, /AudioCodes UMP has no endpoint sip:alice@contoso\.com: the user must exist in the directory first/);
                return true;
            });
            assert.deepEqual(umpRequests(sim(), "PUT"), []);
        });

        it("refuses an endpoint that already has a number or Enterprise Voice unless adopt is set, naming it", async () => {
            seedDirectoryUser(sim(), ALICE, { LineURI: "tel:+311111130", DialPlan: "NL-Rotterdam" });
            await assert.rejects(createEndpoint(), /AudioCodes UMP endpoint sip:alice@contoso\.com \(in use: the number tel:\+311111130\) already exists\. Set adopt: true/);
            seedDirectoryUser(sim(), "sip:bob@contoso.com", { EnterpriseVoiceEnabled: true });
            await assert.rejects(createEndpoint({ identity: "sip:bob@contoso.com", lineUri: "tel:+311111131" }), /sip:bob@contoso\.com \(in use: Enterprise Voice\) already exists\. Set adopt: true/);
            assert.deepEqual(umpRequests(sim(), "PUT"), []);
            assert.equal(live().LineURI, "tel:+311111130");
        });

        it("takes over such an endpoint with adopt: true and converges it", async () => {
            seedDirectoryUser(sim(), ALICE, { LineURI: "tel:+311111130", DialPlan: "NL-Rotterdam", EnterpriseVoiceEnabled: true });
            const { id } = await createEndpoint({ adopt: true });
            assert.equal(id, ALICE);
            assert.deepEqual([live().LineURI, live().DialPlan, live().VoicePolicy], ["tel:+311111121", "NL-Amsterdam", "International"]);
            assert.deepEqual(onPremRange(sim()).assigned, ["tel:+311111121"], "the old number went back to its range");
        });

        it("fails with UMP's message when the number belongs to someone else", async () => {
            seedDirectoryUser(sim());
            seedDirectoryUser(sim(), "sip:bob@contoso.com", { LineURI: "tel:+311111121" });
            await assert.rejects(createEndpoint(), (error: UmpApiError) => {
                assert.ok(error instanceof UmpApiError);
                assert.equal(error.statusCode, 409);
                assert.match(
                    error.message,
                    /^AudioCodes UMP: update endpoint sip:alice@contoso\.com \(UsageLocation, EnterpriseVoiceEnabled, VoicePolicy, DialPlan, LineURI\) failed: HTTP 409 Conflict: The telephone number tel:\+311111121 is already assigned to another user \(sip:bob@contoso\.com/,
                );
                return true;
            });
            assert.equal(live().EnterpriseVoiceEnabled, false, "nothing was applied");
        });

        it("fails naming the attribute when UMP does not know a policy, and when the license is exhausted", async () => {
            seedDirectoryUser(sim());
            await assert.rejects(createEndpoint({ voicePolicy: "Galactic" }), /HTTP 400 Bad Request: One or more attributes are invalid\.; VoicePolicy: policy "Galactic" does not exist/);
            sim().setLicensedUsers(0);
            await assert.rejects(createEndpoint(), /HTTP 403 Forbidden: License limit reached/);
        });

        it("repeats a /script that failed with a server error, since its values are absolute", async () => {
            seedDirectoryUser(sim());
            sim().injectFault({ kind: "status", status: 503, method: "PUT" });
            await createEndpoint();
            assert.deepEqual(umpRequests(sim(), "PUT").map((r) => r.status), [503, 200], "an absolute /script is safe to repeat");
        });
    });

    describe("read", () => {
        it("sees no drift in UMP's stray spaces and letter case", async () => {
            seedDirectoryUser(sim());
            const { inputs, outs } = await createEndpoint({ groupingId: "ad4376fb-ca3a-418a-ba2a-b848442af2b4" });
            // As another tool might write them; UMP's detail adds its stray space before LineURI.
            sim().mutateEndpoint(ALICE, { LineURI: "TEL:+311111121", GroupingId: "AD4376FB-CA3A-418A-BA2A-B848442AF2B4" });
            const read = await provider.read(ALICE, outs);
            assert.equal((read.props as Record<string, unknown>).lineUri, "tel:+311111121");
            assert.deepEqual(await provider.diff(ALICE, read.props!, inputs), { changes: false });
        });

        it("reports out-of-band changes to managed attributes only, and refreshes what UMP reports", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint({ department: "Support" });
            sim().mutateEndpoint(ALICE, { DialPlan: "NL-Rotterdam", LineURI: "", Department: null, City: "Almere", DisplayName: "Alice B." });
            const result = await provider.read(id, outs);
            const props = result.props as Record<string, unknown>;
            assert.equal(result.id, id);
            assert.equal(props.dialPlan, "NL-Rotterdam");
            // Gone, not undefined: the engine cannot carry undefined values.
            assert.equal("lineUri" in props, false);
            assert.equal("department" in props, false);
            assert.equal("city" in props, false, "unmanaged attributes stay out of state");
            assert.equal(props.displayName, "Alice B.");
            assert.equal(props.voicePolicy, "International");
        });

        it("returns an empty id only when the user left the directory", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint();
            await provider.delete(id, outs);
            assert.equal((await provider.read(id, outs)).id, id, "a released endpoint still exists");
            sim().removeEndpoint(ALICE);
            assert.deepEqual(await provider.read(id, outs), { id: "" });
        });

        it("fails rather than forgetting the endpoint when UMP errors", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint();
            sim().injectFault({ kind: "status", status: 403, method: "GET" });
            await assert.rejects(provider.read(id, outs), /AudioCodes UMP: read endpoint sip:alice@contoso\.com failed: HTTP 403 Forbidden/);
        });
    });

    describe("update", () => {
        it("sends only the changed attributes, in one call", async () => {
            seedDirectoryUser(sim());
            const { id, inputs, outs } = await createEndpoint();
            sim().clearRequests();
            const news = await checked(provider, umpEndpointArgs({ dialPlan: "NL-Rotterdam", hostedVoiceMail: true }));
            const result = await provider.update(id, outs, news);
            assert.deepEqual(umpRequests(sim()).map((r) => [r.method, r.body]), [["PUT", { HostedVoiceMail: true, DialPlan: "NL-Rotterdam" }], ["GET", undefined]]);
            assert.equal(live().DialPlan, "NL-Rotterdam");
            const updated = result.outs as Record<string, unknown>;
            assert.equal(updated.dialPlan, "NL-Rotterdam");
            assert.equal(updated.displayName, "Alice Example", "what UMP reports is carried over");
            assert.equal(updated.identity, inputs.identity);
        });

        it("moves the user to another number, giving the old one back to its range", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint();
            await provider.update(id, outs, await checked(provider, umpEndpointArgs({ lineUri: "tel:+31202000103" })));
            assert.deepEqual(onPremRange(sim()).assigned, []);
            assert.equal(onPremRange(sim()).NumbersAvailable, 21);
            const teams = sim().state().numberRanges.find((r) => r.NumberRangeType === "MsPhoneSystem")!;
            assert.deepEqual([teams.assigned, teams.NumbersAvailable], [["tel:+31202000103"], 9]);
        });

        it("clears an attribute the program no longer sets, and leaves a flag it no longer sets alone", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint({ department: "Support", hostedVoiceMail: true });
            const { department: _d, hostedVoiceMail: _h, ...rest } = await checked(provider, umpEndpointArgs());
            sim().clearRequests();
            await provider.update(id, outs, rest);
            assert.deepEqual(umpRequests(sim(), "PUT").map((r) => r.body), [{ Department: null }]);
            assert.deepEqual([live().Department, live().HostedVoiceMail], [null, true]);
        });

        it("sends nothing when nothing changed", async () => {
            seedDirectoryUser(sim());
            const { id, inputs, outs } = await createEndpoint();
            sim().clearRequests();
            await provider.update(id, outs, inputs);
            assert.equal(sim().requests().length, 0);
        });
    });

    describe("delete", () => {
        it("releases the number and Enterprise Voice, and leaves the other attributes", async () => {
            seedDirectoryUser(sim(), ALICE, { City: "Almere" });
            const { id, outs } = await createEndpoint({ privateLine: "tel:+311111122", department: "Support" });
            sim().clearRequests();
            await provider.delete(id, outs);
            assert.deepEqual(umpRequests(sim()).map((r) => [r.method, r.body]), [
                ["PUT", { EnterpriseVoiceEnabled: false, LineURI: null, PrivateLine: null }],
                ["GET", undefined],
            ], "the release is read back");
            const after = live();
            assert.deepEqual([after.LineURI, after.PrivateLine, after.EnterpriseVoiceEnabled], ["", "", false]);
            assert.deepEqual([after.VoicePolicy, after.DialPlan, after.Department, after.City], ["International", "NL-Amsterdam", "Support", "Almere"]);
            assert.equal(onPremRange(sim()).NumbersAvailable, 21);
        });

        it("treats a user that left the directory as done", async () => {
            seedDirectoryUser(sim());
            const { id, outs } = await createEndpoint();
            sim().removeEndpoint(ALICE);
            await provider.delete(id, outs);
        });
    });
});

describe("UmpEndpoint with a bearer token in front of UMP", () => {
    const sim = useUmpSimulator({ token: "ump-deployment-token" });

    it("sends the configured token and keeps it out of errors", async () => {
        seedDirectoryUser(sim());
        const inputs = await checked(provider, umpEndpointArgs());
        await provider.create({ ...inputs, __provider: fakeProviderText });
        assert.ok(sim().requests().every((r) => r.authorized));
        sim().expireTokens();
        await assert.rejects(provider.read(ALICE, inputs), (error: Error) => {
            assert.match(error.message, /AudioCodes UMP: read endpoint sip:alice@contoso\.com failed: HTTP 401 Unauthorized: the bearer token has expired/);
            assert.equal(error.message.includes("ump-deployment-token"), false);
            return true;
        });
    });
});
