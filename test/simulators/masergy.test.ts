import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startMasergySimulator, type MasergySimulatorHandle } from "pulumi-ucaas/simulators";
import { repoRoot } from "../helpers/engine";
import { call, type HttpResult } from "../helpers/sim-http";
import { createBody } from "./masergy-session";

const API = "/apiman-gateway/MasergyUCaaS/provisioning/1.0";
const TOKEN = "/auth/realms/ucaas/protocol/openid-connect/token";

describe("Masergy simulator", function () {
    let sim: MasergySimulatorHandle;
    let token: string;

    const grant = (form: Record<string, string>) => call(sim.url, "POST", TOKEN, { form });
    const api = {
        get: (path: string, query?: Record<string, string>) => call(sim.url, "GET", `${API}/${path}`, { token, query }),
        post: (path: string, json: unknown) => call(sim.url, "POST", `${API}/${path}`, { token, json }),
    };
    /** Polls the task report until the task ends. */
    async function settle(taskId: string): Promise<HttpResult> {
        for (;;) {
            const view = await api.get(`task/${taskId}/view`);
            if (view.body.status === "COMPLETED" || view.body.status === "FAILED") return view;
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
    }
    async function submit(path: string, json: unknown): Promise<HttpResult> {
        const accepted = await api.post(path, json);
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        return settle(accepted.body.taskId);
    }

    before(async () => {
        sim = await startMasergySimulator({ jobDurationMs: 40 });
    });
    beforeEach(async () => {
        sim.reset();
        token = (await grant({ grant_type: "refresh_token", client_id: "token-api", refresh_token: sim.refreshToken })).body.access_token;
    });
    after(() => sim.stop());

    describe("Keycloak token endpoint", () => {
        it("answers the password grant with an offline refresh token when scope=offline_access is asked for", async () => {
            const { username, password } = sim.account;
            const offline = await grant({ grant_type: "password", client_id: "token-api", username, password, scope: "offline_access" });
            assert.equal(offline.status, 200);
            assert.equal(offline.body.expires_in, 300);
            assert.equal(offline.body.refresh_expires_in, 0);
            assert.equal(offline.body.token_type, "Bearer");
            const online = await grant({ grant_type: "password", client_id: "token-api", username, password });
            assert.equal(online.body.refresh_expires_in, 1800);
            const refreshed = await grant({ grant_type: "refresh_token", client_id: "token-api", refresh_token: offline.body.refresh_token });
            assert.equal(refreshed.status, 200);
        });

        it("refuses bad credentials, unknown clients, unknown grants and revoked refresh tokens in Keycloak's format", async () => {
            const bad = await grant({ grant_type: "password", client_id: "token-api", username: sim.account.username, password: "nope" });
            assert.deepEqual([bad.status, bad.body], [401, { error: "invalid_grant", error_description: "Invalid user credentials" }]);
            const client = await grant({ grant_type: "refresh_token", client_id: "other", refresh_token: sim.refreshToken });
            assert.deepEqual([client.status, client.body.error], [401, "invalid_client"]);
            const unsupported = await grant({ grant_type: "client_credentials", client_id: "token-api" });
            assert.deepEqual([unsupported.status, unsupported.body.error], [400, "unsupported_grant_type"]);
            const json = await call(sim.url, "POST", TOKEN, { json: { grant_type: "refresh_token" } });
            assert.deepEqual([json.status, json.body.error], [400, "invalid_request"]);
            sim.revokeRefreshTokens();
            const revoked = await grant({ grant_type: "refresh_token", client_id: "token-api", refresh_token: sim.refreshToken });
            assert.deepEqual([revoked.status, revoked.body], [400, { error: "invalid_grant", error_description: "Invalid refresh token" }]);
        });

        it("makes refresh tokens single-use when told to", async () => {
            const rotating = await startMasergySimulator({ rotateRefreshTokens: true });
            try {
                const form = { grant_type: "refresh_token", client_id: "token-api", refresh_token: rotating.refreshToken };
                const first = await call(rotating.url, "POST", TOKEN, { form });
                assert.equal(first.status, 200);
                assert.equal((await call(rotating.url, "POST", TOKEN, { form })).status, 400);
                const next = { ...form, refresh_token: first.body.refresh_token };
                assert.equal((await call(rotating.url, "POST", TOKEN, { form: next })).status, 200);
            } finally {
                await rotating.stop();
            }
        });
    });

    describe("gateway authorization", () => {
        it("answers requests without a valid bearer token with apiman's 401", async () => {
            const missing = await call(sim.url, "GET", `${API}/user/available_groups`);
            assert.equal(missing.status, 401);
            assert.equal(missing.body.type, "Authentication");
            assert.equal(missing.body.responseCode, 401);
            sim.expireTokens();
            const expired = await api.get("user/available_groups");
            assert.deepEqual([expired.status, expired.body.message], [401, "Access token has expired."]);
        });
    });

    describe("writes", () => {
        it("accepts a valid create and runs it as a job whose task goes through its steps", async () => {
            const accepted = await api.post("user/create", createBody({ voicemail: true, emailAddress: "jane@example.com", voicePortalPasscode: "4821" }));
            assert.equal(accepted.status, 200);
            assert.equal(accepted.body.accepted, true);
            const queued = await api.get(`task/${accepted.body.taskId}/view`);
            assert.equal(queued.body.status, "QUEUED");
            assert.equal(queued.body.jobId, accepted.body.jobId);
            const done = await settle(accepted.body.taskId);
            assert.equal(done.body.status, "COMPLETED");
            assert.deepEqual(done.body.steps.map((s: { name: string; status: string }) => [s.name, s.status]), [
                ["validate request", "COMPLETED"],
                ["create account", "COMPLETED"],
                ["assign phone number", "COMPLETED"],
                ["assign service pack", "COMPLETED"],
                ["configure voicemail", "COMPLETED"],
            ]);
            assert.equal(sim.state().users[0].voicePortalPasscode, "4821");
        });

        it("refuses a create with every basic validation problem listed, queuing nothing", async () => {
            const refused = await api.post("user/create", {
                ...createBody({ timeZone: "Europe/Berlin", phoneNumber: "212-555-0101", voicemailTranscriptionMachine: true, trunkGroup: "tg" }),
                firstName: undefined,
                nickname: "JD",
            });
            assert.equal(refused.status, 400);
            assert.equal(refused.body.accepted, false);
            assert.deepEqual(refused.body.errors.map((e: { field: string }) => e.field).sort(), ["firstName", "nickname", "phoneNumber", "timeZone"]);
            const rules = await api.post("user/create", createBody({ voicemail: true, voicemailTranscriptionMachine: true, deviceModel: "Cisco 8851", addressType: "NONE", groupId: "SIM-NOPE" }));
            assert.deepEqual(rules.body.errors.map((e: { field: string }) => e.field).sort(), ["deviceModel", "emailAddress", "groupId", "voicePortalPasscode"]);
            const wrongType = await call(sim.url, "POST", `${API}/user/create`, { token, raw: "userId=x", contentType: "application/x-www-form-urlencoded" });
            assert.equal(wrongType.status, 415);
            assert.equal(sim.tasks().length, 0);
        });

        it("leaves duplicate user ids and taken phone numbers to the job, which fails at its step", async () => {
            await submit("user/create", createBody());
            const duplicate = await api.post("user/create", createBody({ extension: "0199", phoneNumber: "+12125550119" }));
            assert.equal(duplicate.body.accepted, true);
            const failed = await settle(duplicate.body.taskId);
            assert.equal(failed.body.status, "FAILED");
            assert.deepEqual(failed.body.steps[1], { ...failed.body.steps[1], name: "create account", status: "FAILED", message: "User jdoe@example.com already exists" });
            assert.equal(failed.body.steps.at(-1).status, "SKIPPED");
            const taken = await submit("user/create", createBody({ userId: "other@example.com", extension: "0102" }));
            assert.equal(taken.body.steps[2].message, "Phone number +12125550101 is already assigned to another user");
            assert.ok(sim.state().users.find((u) => u.userId === "other@example.com"), "what the steps before did stays done");
        });

        it("updates names, phone number and web portal password, and deletes, each as a job", async () => {
            await submit("user/create", createBody({ addressType: "DEVICE", deviceModel: "Yealink T54W", deviceMacAddress: "0004f2aabb01" }));
            const key = { groupId: "SIM-NYC", userId: "jdoe@example.com" };
            await submit("user/update_name", { ...key, firstName: "Janet", lastName: "Smith" });
            await submit("user/update_phone_number", { ...key, phoneNumber: "+12125550105" });
            await submit("user/update_web_portal_password", { ...key, webPortalPassword: "new-Passw0rd" });
            const user = sim.state().users[0];
            assert.deepEqual([user.firstName, user.lastName, user.phoneNumber, user.webPortalPassword, user.deviceMacAddress], ["Janet", "Smith", "+12125550105", "new-Passw0rd", "0004F2AABB01"]);
            const removePhone = await submit("user/update_phone_number", key);
            assert.match(removePhone.body.steps[0].message, /has a device and needs a phone number/);
            const deleted = await submit("user/delete", key);
            assert.deepEqual(deleted.body.steps.map((s: { name: string }) => s.name), ["delete device", "release phone number", "delete account"]);
            assert.deepEqual(sim.state().users, []);
            const again = await submit("user/delete", key);
            assert.equal(again.body.steps[0].message, "User jdoe@example.com does not exist");
        });

        it("fails the next task at a chosen step, or holds it there until released", async () => {
            sim.failNextTask({ step: "assign service pack", message: "Quota exceeded" });
            const failed = await submit("user/create", createBody());
            assert.equal(failed.body.status, "FAILED");
            assert.deepEqual(failed.body.steps[3], { ...failed.body.steps[3], status: "FAILED", message: "Quota exceeded" });

            sim.hangNextTask({ taskType: "UPDATE_USER_NAME" });
            const accepted = await api.post("user/update_name", { groupId: "SIM-NYC", userId: "jdoe@example.com", firstName: "J", lastName: "D" });
            await new Promise((resolve) => setTimeout(resolve, 150));
            const hung = await api.get(`task/${accepted.body.taskId}/view`);
            assert.deepEqual([hung.body.status, hung.body.steps[0].status], ["RUNNING", "RUNNING"]);
            assert.equal(sim.releaseTasks(), 1);
            assert.equal((await settle(accepted.body.taskId)).body.status, "COMPLETED");
        });

        it("returns the conference bridge and moderator PIN as the task's result data", async () => {
            const done = await submit("user/create", createBody({ conference: true }));
            const user = sim.state().users[0];
            assert.deepEqual(done.body.resultData, { conferenceId: user.conferenceId, conferenceModeratorPin: user.conferenceModeratorPin });
            assert.match(user.conferenceModeratorPin!, /^\d{6}$/);
        });

        it("posts the guide's task and job notifications to the webhook URL, and emails the job result", async () => {
            const received: unknown[] = [];
            const hook: Server = createServer((request, response) => {
                let text = "";
                request.on("data", (chunk) => (text += chunk));
                request.on("end", () => (received.push(JSON.parse(text)), response.writeHead(204).end()));
            });
            await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
            try {
                const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
                const done = await submit("user/create", createBody({ userData: "OPS-7", notificationWebhookUrl: url, notificationEmailAddress: "ops@example.com", conference: true }));
                await sim.webhooksSettled();
                const { jobId, taskId, resultData } = done.body;
                assert.deepEqual(received, [
                    { type: "TASK_COMPLETED", jobId, taskId, taskResult: "OK", userData: "OPS-7", resultData },
                    { type: "JOB_COMPLETED", jobId, status: "COMPLETED", userData: "OPS-7" },
                ]);
                assert.deepEqual(sim.webhookDeliveries().map((d) => d.status), [204, 204]);
                assert.deepEqual(sim.emails()[0].headers, { "X-MAS-USER-DATA": "OPS-7", "X-MAS-JOB-ID": jobId, "X-MAS-STATUS": "COMPLETED" });
            } finally {
                await new Promise((resolve) => hook.close(resolve));
            }
        });
    });

    describe("user/find", () => {
        beforeEach(async () => {
            sim.seedUser(createBody());
            sim.seedUser(createBody({ userId: "jsmith@example.com", firstName: "John", lastName: "Smith", extension: "0102", phoneNumber: "+12125550102", addressType: "DEVICE", deviceModel: "Cisco 8851", deviceMacAddress: "0004F2AABB02" }));
            sim.seedUser(createBody({ groupId: "SIM-LON", userId: "jdoe@example.co.uk", extension: "0101", phoneNumber: "+442071736900", timeZone: "Europe/London" }));
        });
        const ids = async (query: Record<string, string>) => {
            const found = await api.get("user/find", query);
            assert.equal(found.status, 200, JSON.stringify(found.body));
            return found.body.users.map((u: { userId: string }) => u.userId).sort();
        };

        it("matches every criterion with every match type", async () => {
            assert.deepEqual(await ids({ USER_ID: "jdoe@example.com", USER_ID_MATCH_TYPE: "EXACT" }), ["jdoe@example.com"]);
            assert.deepEqual(await ids({ USER_ID: "jdoe", USER_ID_MATCH_TYPE: "STARTS_WITH" }), ["jdoe@example.co.uk", "jdoe@example.com"]);
            assert.deepEqual(await ids({ USER_ID: ".co.uk", USER_ID_MATCH_TYPE: "ENDS_WITH" }), ["jdoe@example.co.uk"]);
            assert.deepEqual(await ids({ USER_ID: "smith", USER_ID_MATCH_TYPE: "CONTAINS" }), ["jsmith@example.com"]);
            assert.deepEqual(await ids({ PHONE_NUMBER: "2125550102", PHONE_NUMBER_MATCH_TYPE: "EXACT" }), ["jsmith@example.com"]);
            assert.deepEqual(await ids({ FIRST_NAME: "jo", FIRST_NAME_MATCH_TYPE: "STARTS_WITH" }), ["jsmith@example.com"]);
            assert.deepEqual(await ids({ LAST_NAME: "oe", LAST_NAME_MATCH_TYPE: "ENDS_WITH", GROUP_ID: "SIM-NYC" }), ["jdoe@example.com"]);
            assert.deepEqual(await ids({ PRIMARY_DEVICE_MAC_ADDRESS: "AABB02", PRIMARY_DEVICE_MAC_ADDRESS_MATCH_TYPE: "ENDS_WITH" }), ["jsmith@example.com"]);
            assert.deepEqual(await ids({ GROUP_ID: "sim-nyc" }), [], "GROUP_ID is exact and case-sensitive");
        });

        it("lists users as BroadWorks does, with a national number and its country code, and no secrets", async () => {
            const found = await api.get("user/find", { USER_ID: "jdoe@example.com", USER_ID_MATCH_TYPE: "EXACT" });
            assert.deepEqual(found.body.users, [
                { enterpriseId: "SIM-ENTERPRISE", groupId: "SIM-NYC", userId: "jdoe@example.com", firstName: "Jane", lastName: "Doe", phoneNumber: "2125550101", countryCode: "1", extension: "0101" },
            ]);
        });

        it("refuses a criterion without its match type, a bad match type and unknown parameters", async () => {
            const refused = await api.get("user/find", { USER_ID: "x", LAST_NAME_MATCH_TYPE: "EXACT", FIRST_NAME: "J", FIRST_NAME_MATCH_TYPE: "LIKE", PRIMARY_DEVICE_MAC_ADDRESS: "00:04", PRIMARY_DEVICE_MAC_ADDRESS_MATCH_TYPE: "CONTAINS", EMAIL: "x" });
            assert.equal(refused.status, 400);
            assert.deepEqual(refused.body.errors.map((e: { field: string }) => e.field).sort(), [
                "EMAIL",
                "FIRST_NAME_MATCH_TYPE",
                "LAST_NAME_MATCH_TYPE",
                "PRIMARY_DEVICE_MAC_ADDRESS",
                "USER_ID_MATCH_TYPE",
            ]);
        });
    });

    describe("lookups and paths", () => {
        it("serves the lookups of the guide", async () => {
            assert.deepEqual((await api.get("user/available_groups")).body.groups.map((g: { groupId: string }) => g.groupId), ["SIM-NYC", "SIM-LON"]);
            assert.equal((await api.get("user/available_phone_numbers", { GROUP_ID: "SIM-LON" })).body.phoneNumbers.length, 10);
            assert.deepEqual((await api.get("user/available_main_service_packs", { GROUP_ID: "SIM-LON" })).body.servicePacks, ["UC-Standard", "UC-Premium"]);
            assert.ok((await api.get("user/available_device_models")).body.deviceModels.length > 0);
            assert.equal((await api.get("user/available_time_zones")).body.timeZones.length, 35);
            assert.equal((await api.get("user/available_phone_numbers")).status, 400);
            assert.equal((await api.get("user/available_main_service_packs", { GROUP_ID: "NOPE" })).status, 404);
        });

        it("answers unknown paths, trailing slashes, wrong methods and unknown tasks with errors, never a silent 200", async () => {
            assert.equal((await api.get("user/list")).status, 404);
            assert.equal((await api.get("user/available_groups/")).status, 404);
            assert.equal((await api.get("user/create")).status, 405);
            const task = await api.get("task/nope/view");
            assert.deepEqual([task.status, task.body.code], [404, "NOT_FOUND"]);
        });

        it("drives jobs and faults through its admin API", async () => {
            const admin = (method: string, path: string, json?: unknown) => call(sim.adminUrl + "/", method, path, json === undefined ? {} : { json });
            assert.deepEqual((await admin("POST", "jobs", { durationMs: 5 })).body, { durationMs: 5 });
            assert.equal((await admin("POST", "task-faults", { kind: "hang" })).status, 201);
            const accepted = await api.post("user/create", createBody());
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.deepEqual((await admin("POST", "release-tasks", {})).body, { released: 1 });
            assert.equal((await settle(accepted.body.taskId)).body.status, "COMPLETED");
            assert.equal((await admin("GET", "tasks")).body.length, 1);
            assert.equal((await admin("POST", "task-faults", { kind: "explode" })).status, 400);
        });
    });
});

describe("pulumi-ucaas-sim --masergy", () => {
    it("prints the UCAAS_MASERGY_* variables that point the provider at a working simulator", async () => {
        const child = spawn(process.execPath, ["-r", "ts-node/register", "simulators/cli.ts", "--masergy", "--json"], {
            cwd: repoRoot,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_PROJECT: "tsconfig.json" },
            stdio: ["ignore", "pipe", "inherit"],
        });
        const exited = new Promise((done) => child.once("exit", done));
        try {
            const line = await new Promise<string>((done) => child.stdout.once("data", (chunk) => done(String(chunk))));
            const { masergy } = JSON.parse(line);
            assert.deepEqual(Object.keys(masergy.env), [
                "UCAAS_MASERGY_API_URL",
                "UCAAS_MASERGY_TOKEN_URL",
                "UCAAS_MASERGY_REFRESH_TOKEN",
                "UCAAS_MASERGY_POLL_INTERVAL_SECONDS",
            ]);
            const form = { grant_type: "refresh_token", client_id: "token-api", refresh_token: masergy.env.UCAAS_MASERGY_REFRESH_TOKEN };
            const token = await call(masergy.env.UCAAS_MASERGY_TOKEN_URL, "POST", "", { form });
            const groups = await call(`${masergy.env.UCAAS_MASERGY_API_URL}/`, "GET", "user/available_groups", { token: token.body.access_token });
            assert.equal(groups.status, 200);
        } finally {
            child.kill("SIGTERM");
            assert.equal(await exited, 0);
        }
    });
});
