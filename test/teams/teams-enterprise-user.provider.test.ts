import { strict as assert } from "node:assert";
import { TeamsApiError } from "pulumi-ucaas";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { teamsRequestsTo, teamsUserArgs, useTeamsSimulator } from "../helpers/teams";

const provider = providerFor("TeamsEnterpriseUser");
const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

describe("TeamsEnterpriseUser provider, called directly against the ConnecttoTeams simulator", () => {
    const sim = useTeamsSimulator();
    const args = (overrides: Record<string, unknown> = {}) => teamsUserArgs(sim(), overrides);
    const users = () => sim().state().users;

    async function createUser(overrides: Record<string, unknown> = {}) {
        const inputs = await checked(provider, args(overrides));
        const created = await provider.create({ ...inputs, __provider: fakeProviderText });
        return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
    }

    describe("check", () => {
        it("lists every invalid field with its property path and sends no request", async () => {
            const result = await provider.check({}, {
                ...args({ loginId: "", sbcGatewayId: 0, pbxCallPolicyInfo: { callPolicyCnam: "CUSTOM" }, useTeamsVoicemail: "yes", colour: "blue" }),
                __provider: fakeProviderText,
            });
            const byProperty = new Map((result.failures ?? []).map((f) => [f.property, f.reason]));
            assert.deepEqual([...byProperty.keys()].sort(), ["colour", "loginId", "pbxCallPolicyInfo.callPolicyCnam", "sbcGatewayId", "useTeamsVoicemail"]);
            assert.match(byProperty.get("loginId")!, /cannot be empty/);
            assert.match(byProperty.get("sbcGatewayId")!, /greater than 0/);
            assert.equal(sim().requests().length, 0);
        });

        it("reports the six required fields when they are missing", async () => {
            const result = await provider.check({}, { __provider: fakeProviderText });
            const properties = (result.failures ?? []).map((f) => f.property).sort();
            assert.deepEqual(properties, ["loginId", "pbxLocation", "pbxUserId", "sbcGatewayId", "teamsUserId", "tenantId"]);
        });

        it("refuses the deprecated directRouteId and disableTeamsVoicemail, pointing at their replacements", async () => {
            const result = await provider.check({}, { ...args({ directRouteId: 3, disableTeamsVoicemail: true }), __provider: fakeProviderText });
            const byProperty = new Map((result.failures ?? []).map((f) => [f.property, f.reason]));
            assert.deepEqual([...byProperty.keys()].sort(), ["directRouteId", "disableTeamsVoicemail"]);
            assert.match(byProperty.get("directRouteId")!, /deprecated.*use sbcGatewayId/);
            assert.match(byProperty.get("disableTeamsVoicemail")!, /deprecated.*use useTeamsVoicemail/);
        });

        it("fills the vendor's defaults so state and diffs show what the vendor applies", async () => {
            const inputs = await checked(provider, args({ pbxCallPolicyInfo: { callPolicyName: "Sales" } }));
            assert.equal(inputs.userType, "PBX");
            assert.deepEqual(inputs.pbxCallPolicyInfo, { callPolicyCnam: "TRANSPARENT", callPolicyName: "Sales", forwardedCallsCallerId: "USER_CALLER_ID" });
        });

        it("does not judge values that are still unknown during preview", async () => {
            const result = await provider.check({}, { ...args({ tenantId: unknown, sbcGatewayId: unknown }), __provider: fakeProviderText });
            assert.equal(result.failures, undefined);
        });
    });

    describe("diff", () => {
        it("answers no change when only the serialized provider differs", async () => {
            const inputs = await checked(provider, args());
            assert.deepEqual(await provider.diff("t/l", { ...inputs, __provider: "old code" }, { ...inputs, __provider: "new code" }), { changes: false });
        });

        it("leaves changes undefined for a call policy change so the engine shows the property diff", async () => {
            const inputs = await checked(provider, args());
            const news = await checked(provider, args({ pbxCallPolicyInfo: { callPolicyName: "Sales" } }));
            const result = await provider.diff("t/l", inputs, news);
            assert.equal(result.changes, undefined);
            assert.deepEqual(result.replaces, []);
        });

        it("replaces, configuring the new user first, when the login id or tenant changes", async () => {
            const inputs = await checked(provider, args());
            const byLogin = await provider.diff("t/l", inputs, { ...inputs, loginId: "john.doe@contoso.com" });
            assert.deepEqual(byLogin.replaces, ["loginId"]);
            assert.equal(byLogin.deleteBeforeReplace, false);
            assert.deepEqual((await provider.diff("t/l", inputs, { ...inputs, tenantId: "other" })).replaces, ["tenantId"]);
        });
    });

    describe("create", () => {
        it("configures the user with the full body in the vendor's spelling and returns id <tenantId>/<loginId>", async () => {
            const { id, outs } = await createUser({
                callPolicyInfo: { callPolicyCnam: "CNAM", callPolicyName: "Sales" },
                pbxCallPolicyInfo: { callPolicyCnam: "OTHER", callPolicyCustomCnam: "Contoso" },
                useAudioConferenceVrp: true,
                portalPassword: "portal-Secret-2",
            });
            assert.equal(id, `${sim().tenant.tenantId}/jdoe@contoso.com`);
            const [request] = teamsRequestsTo(sim(), "/enterprise/configureUser");
            const body = request.body as Record<string, unknown>;
            assert.equal(body.tenantID, sim().tenant.tenantId);
            assert.equal(body.loginID, "jdoe@contoso.com");
            assert.deepEqual(body.callPolicyInfo, { callPolicyCNAM: "CNAM", callPolicyName: "Sales" });
            assert.equal(body.useAudioConferenceVRP, true);
            assert.equal(body.authenticationResult, undefined, "no MSAL object: the reseller token is enough");
            const [user] = users();
            assert.equal(user.status, "ACTIVE");
            assert.equal(user.fields.password, "jdoe-Sip-Secret-1");
            assert.equal(user.fields.rePassword, "jdoe-Sip-Secret-1");
            assert.equal(user.fields.portalPassword, "portal-Secret-2");
            assert.deepEqual(user.fields.pbxCallPolicyInfo, { callPolicyCNAM: "OTHER", callPolicyCustomCNAM: "Contoso", callPolicyName: "Global", forwardedCallsCallerId: "USER_CALLER_ID" });
            assert.equal(outs.phoneNumber, "+12025550101");
            assert.equal(outs.password, "jdoe-Sip-Secret-1");
        });

        it("fails when configureUser reports an edit of an existing user without adopt, naming the user", async () => {
            sim().seedUser({ tenantID: sim().tenant.tenantId, loginID: "jdoe@contoso.com", pbxLocation: "old", pbxUserId: "1", sbcGatewayId: 12, teamsUserId: "old@contoso.com" });
            await assert.rejects(createUser(), (error: Error) => {
                assert.match(error.message, /ConnecttoTeams user jdoe@contoso\.com already existed in tenant .*Set adopt: true/);
                assert.match(error.message, /has already applied this program's settings/, "says plainly that the edit happened");
                return true;
            });
            assert.equal(teamsRequestsTo(sim(), "/enterprise/configureUser").length, 1);
        });

        it("takes over an existing user with adopt: true", async () => {
            sim().seedUser({ tenantID: sim().tenant.tenantId, loginID: "jdoe@contoso.com", pbxLocation: "old", pbxUserId: "1", sbcGatewayId: 12, teamsUserId: "old@contoso.com" });
            const { id } = await createUser({ adopt: true });
            assert.equal(id, `${sim().tenant.tenantId}/jdoe@contoso.com`);
            const [user] = users();
            assert.equal(user.fields.pbxLocation, "pbx-east");
            assert.equal(user.fields.adopt, undefined, "adopt is ours, never sent");
        });

        it("fails with the vendor's message when it refuses the user", async () => {
            await assert.rejects(createUser({ sbcGatewayId: 99 }), (error: Error) => {
                assert.ok(error instanceof TeamsApiError);
                assert.match(error.message, /^ConnecttoTeams: configure user jdoe@contoso\.com in tenant \S+ failed: HTTP 400 INVALID_SBC_GATEWAY: SBC Gateway 99/);
                assert.doesNotMatch(error.message, /jdoe-Sip-Secret-1|api-admin-sim-password/);
                return true;
            });
        });

        it("settles a create that failed with a server error by sending the same body once more (ADD: created), and repeats one after a 429", async () => {
            sim().injectFault({ kind: "status", status: 500, pathPrefix: "/enterprise/configureUser" });
            await createUser();
            const sent = teamsRequestsTo(sim(), "/enterprise/configureUser");
            assert.deepEqual(sent.map((r) => r.status), [500, 200]);
            assert.deepEqual(sent[0].body, sent[1].body, "the same full body");
            sim().reset({ keepTokens: true });
            sim().clearRequests();
            sim().injectFault({ kind: "status", status: 429, retryAfterSeconds: 0, pathPrefix: "/enterprise/configureUser" });
            await createUser();
            assert.deepEqual(teamsRequestsTo(sim(), "/enterprise/configureUser").map((r) => r.status), [429, 200]);
        });
    });

    describe("update", () => {
        it("sends the full desired body with the changed call policy and returns the new outputs", async () => {
            const { id, inputs, outs } = await createUser({ email: "jdoe@contoso.com" });
            sim().clearRequests();
            const news = await checked(provider, args({ email: "jdoe@contoso.com", pbxCallPolicyInfo: { callPolicyName: "Sales" } }));
            const result = await provider.update(id, outs, news);
            const [request] = sim().requests();
            assert.equal(request.path, "/enterprise/configureUser");
            assert.equal((request.body as Record<string, unknown>).pbxUserId, inputs.pbxUserId);
            assert.equal((request.body as { pbxCallPolicyInfo: { callPolicyName: string } }).pbxCallPolicyInfo.callPolicyName, "Sales");
            assert.equal(sim().requests().length, 1);
            assert.equal(users()[0].fields.email, "jdoe@contoso.com");
            assert.deepEqual((result.outs as Record<string, unknown>).pbxCallPolicyInfo, news.pbxCallPolicyInfo);
        });

        it("clears a field the program no longer sets, since the full body replaces the user", async () => {
            const { id, outs } = await createUser({ userTag: "sales" });
            await provider.update(id, outs, await checked(provider, args()));
            assert.equal(users()[0].fields.userTag, undefined);
        });

        it("repeats an update that met a server error: configureUser sets the whole user", async () => {
            const { id, outs } = await createUser();
            sim().clearRequests();
            sim().injectFault({ kind: "status", status: 503, pathPrefix: "/enterprise/configureUser" });
            await provider.update(id, outs, await checked(provider, args({ firstName: "John" })));
            assert.deepEqual(sim().requests().map((r) => r.status), [503, 200]);
            assert.equal(users()[0].fields.firstName, "John");
        });
    });

    describe("read", () => {
        it("keeps the last applied state and sends no request: the vendor has no read endpoint", async () => {
            const { id, outs } = await createUser({ portalPassword: "portal-Secret-2" });
            assert.equal(outs.__provider, undefined, "the runtime adds the serialized provider, not the handlers");
            sim().seedUser({ tenantID: sim().tenant.tenantId, loginID: "jdoe@contoso.com", pbxLocation: "changed", pbxUserId: "9", sbcGatewayId: 12, teamsUserId: "x" });
            sim().clearRequests();
            const result = await provider.read(id, { ...outs, __provider: fakeProviderText });
            assert.equal(result.id, id);
            assert.deepEqual(result.props, outs);
            assert.equal(sim().requests().length, 0);
        });
    });

    describe("delete", () => {
        it("marks the user for deletion through disableUsers", async () => {
            const { id, outs } = await createUser();
            sim().clearRequests();
            await provider.delete(id, outs);
            const [request] = sim().requests();
            assert.equal(request.path, "/provisioning/disableUsers");
            assert.deepEqual(request.body, { tenantId: sim().tenant.tenantId, users: ["jdoe@contoso.com"], numberOfUsers: 1, updateAllUsers: false });
            assert.deepEqual(users().map((u) => u.status), ["MARKED_FOR_DELETION"]);
        });

        it("treats a user already disabled, or already removed by a sync, as done", async () => {
            const { id, outs } = await createUser();
            await provider.delete(id, outs);
            await provider.delete(id, outs);
            sim().sync();
            await provider.delete(id, outs);
            assert.deepEqual(teamsRequestsTo(sim(), "/provisioning/disableUsers").map((r) => r.status), [200, 409, 404]);
        });

        it("fails on any other vendor error, so the user stays in the state", async () => {
            const { id, outs } = await createUser();
            sim().injectFault({ kind: "status", status: 403, pathPrefix: "/provisioning/disableUsers" });
            await assert.rejects(provider.delete(id, outs), /ConnecttoTeams: disable user jdoe@contoso\.com in tenant \S+ failed: HTTP 403/);
        });
    });
});

describe("ConnecttoTeams credentials and settings", () => {
    describe("with a fresh client in this process", () => {
        // An admin no other test uses, so the provider's token cache starts empty here.
        const admin = { username: "provisioner", password: "provisioner-Secret-9", type: "RESELLER" as const, resellerId: 7 };
        const sim = useTeamsSimulator({ admins: [admin] });
        before(() => {
            process.env.UCAAS_TEAMS_USERNAME = admin.username;
            process.env.UCAAS_TEAMS_PASSWORD = admin.password;
        });

        it("logs in once for many operations, and once more after the token is refused", async () => {
            for (const loginId of ["a@contoso.com", "b@contoso.com", "c@contoso.com"]) {
                const inputs = await checked(provider, teamsUserArgs(sim(), { loginId }));
                await provider.create({ ...inputs, __provider: fakeProviderText });
            }
            const tokenRequests = () => teamsRequestsTo(sim(), "/oauth/token");
            assert.equal(tokenRequests().length, 1);
            assert.equal(tokenRequests()[0].status, 200);
            sim().expireTokens();
            const inputs = await checked(provider, teamsUserArgs(sim(), { loginId: "a@contoso.com" }));
            await provider.delete(`${inputs.tenantId}/a@contoso.com`, inputs);
            assert.equal(tokenRequests().length, 2);
            assert.deepEqual(teamsRequestsTo(sim(), "/provisioning/disableUsers").map((r) => r.status), [401, 200], "one 401, then the same request again");
        });
    });

    describe("when credentials are wrong, missing or unsafe", () => {
        const sim = useTeamsSimulator();
        const saved = { ...process.env };
        afterEach(() => {
            for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_TEAMS_"))) delete process.env[key];
            Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([k]) => k.startsWith("UCAAS_TEAMS_"))));
        });
        const create = async () => provider.create({ ...(await checked(provider, teamsUserArgs(sim()))), __provider: fakeProviderText });

        it("reports a refused login with the vendor's OAuth error and without the password", async () => {
            process.env.UCAAS_TEAMS_PASSWORD = "wrong-Password-1";
            await assert.rejects(create(), (error: Error) => {
                assert.ok(error instanceof TeamsApiError);
                assert.equal(error.message, "ConnecttoTeams: log in as api-admin failed: HTTP 400 invalid_grant: Bad credentials");
                return true;
            });
            process.env.UCAAS_TEAMS_CLIENT_SECRET = "wrong-Secret-1";
            await assert.rejects(create(), /ConnecttoTeams: log in as api-admin failed: HTTP 401 invalid_client: Bad client credentials/);
        });

        it("names the config key and the environment variable of a missing setting in one line", async () => {
            delete process.env.UCAAS_TEAMS_CLIENT_ID;
            await assert.rejects(create(), (error: Error) => {
                assert.match(error.message, /ucaas:teamsClientId/);
                assert.match(error.message, /UCAAS_TEAMS_CLIENT_ID/);
                assert.equal(error.message.includes("\n"), false);
                return true;
            });
            assert.equal(sim().requests().length, 0);
        });

        it("refuses plain http to a host other than this machine unless insecureHttp is set", async () => {
            process.env.UCAAS_TEAMS_URL = "http://api.connecttoteams.example";
            await assert.rejects(create(), /refusing plain http:\/\/ to api\.connecttoteams\.example.*ucaas:insecureHttp/);
        });
    });
});
