/**
 * Each vendor's answer schemas accept what its simulator serves today and refuse a changed answer
 * at the path that changed. (The provider tests read every answer through the same schemas.)
 */
import { strict as assert } from "node:assert";
import type { z } from "zod";
import { masergyAnswers, masergyErrorFormat } from "../../provider/masergy/masergy-answers";
import { portSipAnswers, portSipErrorFormat } from "../../provider/pbx/portsip-answers";
import { teamsAnswers, teamsErrorFormat } from "../../provider/teams/connecttoteams-answers";
import { umpAnswers, umpErrorFormat } from "../../provider/ump/ump-answers";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { call, type CallOptions } from "../helpers/sim-http";
import { useTeamsSimulator, teamsUserArgs } from "../helpers/teams";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";
import { pbxUserArgs } from "../helpers/fixtures";

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are mutated freely here

/** The schema accepts `body`, and refuses `changed(body)` with an issue at `path`. */
function acceptsThenRefuses(schema: z.ZodType, body: Json, changed: (copy: Json) => Json, path: string): void {
    const accepted = schema.safeParse(body);
    assert.ok(accepted.success, `refused what the simulator serves: ${JSON.stringify(accepted.error?.issues)}`);
    const refused = schema.safeParse(changed(structuredClone(body)));
    assert.equal(refused.success, false, `accepted a changed answer at ${path}`);
    assert.ok(
        refused.error!.issues.some((issue) => issue.path.join(".").startsWith(path)),
        `issues ${JSON.stringify(refused.error!.issues)} do not name ${path}`,
    );
}

async function fetchJson(base: string, method: string, path: string, options: CallOptions = {}, status = 200): Promise<Json> {
    const answer = await call(base, method, path, options);
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.match(answer.headers.get("content-type") ?? "", /json/);
    return answer.body;
}

describe("PortSIP answer schemas against the simulator", () => {
    const sim = usePortSipSimulator();
    const get = (path: string, status = 200) => fetchJson(sim().url, "GET", path, { token: sim().token }, status);

    it("token", async () => {
        const body = await fetchJson(sim().url, "POST", "/api/login/oauth/token", {
            form: { grant_type: "password", username: "admin", password: "admin-sim-password", scope: "all", client_id: "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a" },
        });
        acceptsThenRefuses(portSipAnswers.token.schema, body, (b) => ({ ...b, access_token: undefined }), "access_token");
    });

    it("roles: list, and a role whose unknown flags are ignored but whose known flags are required", async () => {
        sim().seedRole({ name: "Support", description: "first line" });
        acceptsThenRefuses(portSipAnswers.roleList.schema, await get("/api/roles"), (b) => ({ ...b, items: { Support: {} } }), "items");
        const role = await get("/api/roles/Support");
        acceptsThenRefuses(portSipAnswers.role.schema, role, (b) => (delete b.permissions.general.meeting, b), "permissions.general.meeting");
        const newer = portSipAnswers.role.schema.parse({ ...role, permissions: { ...role.permissions, general: { ...role.permissions.general, teleport: true }, ai: { agent: true } } });
        assert.equal("teleport" in newer.permissions.general, false);
        assert.equal("ai" in newer.permissions, false);
    });

    it("users: list, full user and the created user's id", async () => {
        const created = await fetchJson(sim().url, "POST", "/api/users", {
            token: sim().token,
            json: { name: "alice", display_name: "Alice", email: "alice@example.com", role: "StandardUser", extension_number: "1001", password: "alice-Passw0rd", extension_password: "alice-Ext-Secret", voicemail_pin: "135792" },
        }, 201);
        acceptsThenRefuses(portSipAnswers.createdUser.schema, created, () => ({ name: "alice" }), "id");
        acceptsThenRefuses(portSipAnswers.userList.schema, await get("/api/users"), (b) => ((b.items[0].extension_number = 1001), b), "items.0.extension_number");
        acceptsThenRefuses(portSipAnswers.user.schema, await get(`/api/users/${created.id}`), (b) => ({ ...b, display_name: ["Alice"] }), "display_name");
        void pbxUserArgs;
    });

    it("error format, and only a 404 in it is 'not found'", async () => {
        const body = await get("/api/users/nobody", 404);
        const parsed = portSipErrorFormat.schema.parse(body);
        assert.equal(portSipErrorFormat.isNotFound(404, parsed), true);
        acceptsThenRefuses(portSipErrorFormat.schema, body, (b) => ({ message: b.errors[0].message }), "errors");
    });
});

const createBody = {
    groupId: "SIM-NYC",
    userId: "jdoe@example.com",
    firstName: "Jane",
    lastName: "Doe",
    webPortalPassword: "portal-Passw0rd",
    extension: "0101",
    mainServicePack: "UC-Standard",
    addressType: "NONE",
    timeZone: "America/New_York",
    voicemail: false,
    voicemailTranscriptionMachine: false,
    ucOverlay: false,
    conference: false,
};

describe("Masergy answer schemas against the simulator", () => {
    const sim = useMasergySimulator();
    let access = "";
    const api = (method: string, path: string, options: CallOptions = {}, status = 200) =>
        fetchJson(sim().apiUrl + "/", method, path, { token: access, ...options }, status);

    beforeEach(async () => {
        const token = await fetchJson(sim().tokenUrl, "POST", sim().tokenUrl, {
            form: { grant_type: "refresh_token", refresh_token: process.env.UCAAS_MASERGY_REFRESH_TOKEN!, client_id: "token-api" },
        });
        acceptsThenRefuses(masergyAnswers.token.schema, token, (b) => ({ ...b, expires_in: "300" }), "expires_in");
        access = token.access_token;
    });

    it("receipt, refusal and task view (seed silent on the view: our reading)", async () => {
        const receipt = await api("POST", "user/create", {
            json: createBody,
        });
        acceptsThenRefuses(masergyAnswers.submit.schema, receipt, (b) => ({ ...b, jobId: undefined }), "jobId");
        const view = await api("GET", `task/${receipt.taskId}/view`);
        acceptsThenRefuses(masergyAnswers.taskView.schema, view, (b) => ({ ...b, steps: undefined }), "steps");
        acceptsThenRefuses(masergyAnswers.taskView.schema, view, (b) => ({ ...b, status: 3 }), "status");
        const refusal = await api("POST", "user/create", { json: { groupId: "SIM-NYC" } }, 400);
        assert.equal(masergyAnswers.submit.schema.parse(refusal).accepted, false);
    });

    it("user/find and the lookups (seed silent: our reading), never an empty list for another shape", async () => {
        await api("POST", "user/create", {
            json: createBody,
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        const found = await api("GET", "user/find", { query: { GROUP_ID: "SIM-NYC", USER_ID: "jdoe@example.com", USER_ID_MATCH_TYPE: "EXACT" } });
        assert.equal(masergyAnswers.find.schema.parse(found).length, 1);
        acceptsThenRefuses(masergyAnswers.find.schema, found, (b) => ({ results: b.users }), "users");
        acceptsThenRefuses(masergyAnswers.find.schema, found, (b) => ((b.users[0].userId = null), b), "users.0.userId");
        const lookups = [
            ["phoneNumbers", "user/available_phone_numbers", { GROUP_ID: "SIM-NYC" }],
            ["servicePacks", "user/available_main_service_packs", { GROUP_ID: "SIM-NYC" }],
            ["deviceModels", "user/available_device_models", {}],
            ["timeZones", "user/available_time_zones", {}],
            ["groups", "user/available_groups", {}],
        ] as const;
        for (const [key, path, query] of lookups) {
            const body = await api("GET", path, { query });
            acceptsThenRefuses(masergyAnswers[key].schema, body, () => ({ items: [] }), key);
        }
    });

    it("error voices: only the provisioning API's own 404 is 'not found', never the gateway's", async () => {
        const missing = masergyErrorFormat.schema.parse(await api("GET", "task/no-such-task/view", {}, 404));
        assert.equal(masergyErrorFormat.isNotFound(404, missing), true);
        const gateway = masergyErrorFormat.schema.parse(await api("GET", "user/find", { token: "not-a-token" }, 401));
        assert.equal(gateway.voice, "gateway");
        assert.equal(masergyErrorFormat.isNotFound(404, gateway), false);
        assert.equal(masergyErrorFormat.schema.safeParse({ status: 404, title: "Not Found" }).success, false);
    });
});

describe("AudioCodes UMP answer schemas against the simulator", () => {
    const sim = useUmpSimulator();
    const get = (path: string, status = 200) => fetchJson(sim().url + "/", "GET", path, {}, status);

    it("user detail, user list, license, number ranges, sign-in domains, registrar pools", async () => {
        seedDirectoryUser(sim());
        acceptsThenRefuses(umpAnswers.endpoint.schema, await get("proxy/endpoint/sip:alice@contoso.com"), (b) => ({ ...b, EnterpriseVoiceEnabled: "yes" }), "EnterpriseVoiceEnabled");
        const list = await fetchJson(sim().url + "/", "POST", "proxy/endpoint/list");
        acceptsThenRefuses(umpAnswers.endpointList.schema, list, (b) => ({ Total: b.Total, Users: b.Data }), "Data");
        acceptsThenRefuses(umpAnswers.license.schema, await get("license"), (b) => ({ ...b, CBUsers: "1000" }), "CBUsers");
        acceptsThenRefuses(umpAnswers.numberRanges.schema, await get("numberrange"), (b) => b.rows, "");
        acceptsThenRefuses(umpAnswers.signInDomains.schema, await get("signindomain"), (b) => ({ rows: b }), "");
        acceptsThenRefuses(umpAnswers.registrarPools.schema, await get("proxy/registrarpools"), (b) => [{ Name: b[0].Identity }], "0.Identity");
    });

    it("problem details, and only a 404 problem is 'not found'", async () => {
        const body = await get("proxy/endpoint/sip:nobody@contoso.com", 404);
        assert.equal(umpErrorFormat.isNotFound(404, umpErrorFormat.schema.parse(body)), true);
        const routing = umpErrorFormat.schema.parse({ Message: "No HTTP resource was found that matches the request URI" });
        assert.equal(umpErrorFormat.isNotFound(404, routing), false);
    });
});

describe("ConnecttoTeams answer schemas against the simulator", () => {
    const sim = useTeamsSimulator();

    it("token and configureUser (seed: '200 OK object'; operation is our reading)", async () => {
        const basic = Buffer.from(`${sim().client.clientId}:${sim().client.clientSecret}`).toString("base64");
        const token = await fetchJson(sim().url, "POST", "/oauth/token", {
            headers: { authorization: `Basic ${basic}` },
            form: { grant_type: "password", username: sim().admin.username, password: sim().admin.password },
        });
        acceptsThenRefuses(teamsAnswers.token.schema, token, (b) => ({ token: b.access_token }), "access_token");
        const args = teamsUserArgs(sim());
        const body = { tenantID: args.tenantId, loginID: args.loginId, pbxLocation: args.pbxLocation, pbxUserId: args.pbxUserId, sbcGatewayId: args.sbcGatewayId, teamsUserId: args.teamsUserId };
        const configured = await fetchJson(sim().url, "POST", "/enterprise/configureUser", { token: token.access_token, json: body });
        acceptsThenRefuses(teamsAnswers.configureUser.schema, configured, (b) => ({ ...b, operation: 1 }), "operation");
        assert.equal(teamsAnswers.configureUser.schema.safeParse("<html>").success, false);

        const refused = await fetchJson(sim().url, "POST", "/provisioning/disableUsers", { token: token.access_token, json: { tenantId: args.tenantId, users: ["nobody@contoso.com"] } }, 404);
        assert.equal(teamsErrorFormat.isNotFound(404, teamsErrorFormat.schema.parse(refused)), true);
        assert.equal(teamsErrorFormat.isNotFound(404, teamsErrorFormat.schema.parse({ error: "invalid_token" })), false);
    });
});
