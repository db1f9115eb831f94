/**
 * Faults as each vendor shows them: the echo in each vendor's own error format, writes a vendor
 * answers but ignores (PortSIP user and role updates, UMP /script, ConnecttoTeams), PortSIP role
 * answers with permission flags v22 does not have, and Masergy tasks that report a status or a
 * result of their own.
 */
import { strict as assert } from "node:assert";
import {
  startMasergySimulator,
  startPortSipSimulator,
  startTeamsSimulator,
  startUmpSimulator,
  type PortSipSimulatorHandle,
  type TeamsSimulatorHandle,
  type UmpSimulatorHandle,
} from "../../simulators";
import { minimalUser, supportRole } from "../helpers/portsip-bodies";
import { call } from "../helpers/sim-http";
import { createBody, MASERGY_API, useMasergySession } from "./masergy-session";
import { rawCall, sleep } from "./raw-http";

const ALICE = "sip:alice@contoso.com";

/** Sends a request with a bearer token and a secret in its body; returns the parsed error and its raw text. */
async function echoed(baseUrl: string, method: string, path: string, json: unknown): Promise<{ status: number; body: any; text: string }> {
  const answer = await rawCall(baseUrl, method, path, { headers: { authorization: "Bearer echo-token-123" }, json });
  const text = answer.body.toString();
  assert.equal(answer.headers["content-type"], "application/json; charset=utf-8");
  return { status: answer.status, body: JSON.parse(text), text };
}

describe("vendor-specific faults", () => {
  describe("echo, in each vendor's own error format", () => {
    it("PortSIP: {errors: [{code, message, detail}]}", async () => {
      const sim = await startPortSipSimulator();
      try {
        sim.injectFault({ kind: "echo" });
        const { status, body } = await echoed(sim.url, "POST", "/api/users", minimalUser({ voicemail_pin: "864213" }));
        assert.equal(status, 400);
        assert.equal(body.errors[0].code, "VALIDATE_FAILED");
        assert.match(body.errors[0].message, /Bearer echo-token-123.*864213/s);
        assert.equal(body.errors[0].detail.headers.authorization, "Bearer echo-token-123");
      } finally {
        await sim.stop();
      }
    });

    it("Masergy: {code, message}, the message carrying the echo", async () => {
      const sim = await startMasergySimulator();
      try {
        sim.injectFault({ kind: "echo", status: 500 });
        const { status, body } = await echoed(sim.url, "POST", `${MASERGY_API}/user/create`, createBody({ webPortalPassword: "echo-Portal-9" }));
        assert.equal(status, 500);
        assert.deepEqual(Object.keys(body).sort(), ["code", "message"]);
        assert.equal(body.code, "INTERNAL_ERROR");
        assert.match(body.message, /Bearer echo-token-123.*echo-Portal-9/s);
        assert.equal(sim.tasks().length, 0, "nothing was queued");
      } finally {
        await sim.stop();
      }
    });

    it("UMP: an RFC 7807 problem whose detail carries the echo", async () => {
      const sim = await startUmpSimulator({ token: "echo-token-123" });
      try {
        sim.seedEndpoint({ SipAddress: ALICE });
        sim.injectFault({ kind: "echo", method: "PUT" });
        const { status, body } = await echoed(sim.url, "PUT", `/sysadmin/api/proxy/endpoint/${ALICE}/script`, { City: "Secret City" });
        assert.deepEqual([status, body.status, body.title], [400, 400, "Bad Request"]);
        assert.match(body.detail, /Bearer echo-token-123.*Secret City/s);
        assert.equal(sim.state().endpoints[0].City, null);
      } finally {
        await sim.stop();
      }
    });

    it("ConnecttoTeams: Spring's {timestamp, status, error, code, message, path}", async () => {
      const sim = await startTeamsSimulator();
      try {
        sim.injectFault({ kind: "echo", pathPrefix: "/enterprise/configureUser" });
        const { status, body } = await echoed(sim.url, "POST", "/enterprise/configureUser", { loginID: "jdoe", password: "sip-Secret-5" });
        assert.deepEqual([status, body.status, body.error, body.path], [400, 400, "Bad Request", "/enterprise/configureUser"]);
        assert.match(body.message, /Bearer echo-token-123.*sip-Secret-5/s);
      } finally {
        await sim.stop();
      }
    });
  });

  describe("PortSIP", () => {
    let sim: PortSipSimulatorHandle;
    const api = (method: string, path: string, json?: unknown) => call(sim.url, method, path, { token: sim.token, ...(json !== undefined && { json }) });

    before(async () => {
      sim = await startPortSipSimulator({ extraPermissionFlags: { general: { ai_assistant: true }, contact_center: { supervisor: false } } });
    });
    beforeEach(() => sim.reset());
    after(() => sim.stop());

    it("answers user updates, role changes and role updates with 204 while changing nothing (ignore)", async () => {
      const id = (await api("POST", "/api/users", minimalUser())).body.id as string;
      assert.equal((await api("POST", "/api/roles", supportRole())).status, 201);
      const before = sim.state();
      sim.injectFault({ kind: "ignore", method: "POST", pathPrefix: "/api/users/", count: 2 });
      sim.injectFault({ kind: "ignore", method: "POST", pathPrefix: "/api/roles/" });
      assert.equal((await api("POST", `/api/users/${id}`, { display_name: "Alice Changed", enable_dnd: true })).status, 204);
      assert.equal((await api("POST", `/api/users/${id}/role`, { role: "Support" })).status, 204);
      assert.equal((await api("POST", "/api/roles/Support", { description: "changed", permissions: { billing: { full_access: true } } })).status, 204);
      assert.deepEqual(sim.state(), before, "nothing changed");
      const read = await api("GET", `/api/users/${id}`);
      assert.deepEqual([read.body.display_name, read.body.role], ["Alice Example", "StandardUser"]);
      assert.deepEqual(sim.requests().filter((entry) => entry.fault).map((entry) => [entry.path, entry.status, entry.fault]), [
        [`/api/users/${id}`, 204, "ignore"],
        [`/api/users/${id}/role`, 204, "ignore"],
        ["/api/roles/Support", 204, "ignore"],
      ]);
      assert.equal((await api("POST", `/api/users/${id}`, { display_name: "Alice Changed" })).status, 204);
      assert.equal(sim.state().users[0].display_name, "Alice Changed", "the next update is applied");
    });

    it("still refuses an invalid write under ignore, as the PBX would", async () => {
      const id = (await api("POST", "/api/users", minimalUser())).body.id as string;
      sim.injectFault({ kind: "ignore", method: "POST" });
      assert.equal((await api("POST", `/api/users/${id}`, { sms: "SOMETIMES" })).status, 400);
    });

    it("adds the extra permission flags to role answers, after v22's own", async () => {
      assert.equal((await api("POST", "/api/roles", supportRole())).status, 201);
      const role = (await api("GET", "/api/roles/Support")).body;
      assert.deepEqual(role.permissions.general, { voicemail_view_only: false, voicemail_full_access: true, meeting: false, ai_assistant: true });
      assert.deepEqual(role.permissions.contact_center, { supervisor: false });
      assert.deepEqual(Object.keys(role.permissions).slice(-1), ["contact_center"]);
      assert.equal((await api("GET", "/api/roles/SystemAdmin")).body.permissions.general.ai_assistant, true, "built-in roles too");
      assert.deepEqual((await api("GET", "/api/roles")).body.items[0], { name: "SystemAdmin", description: sim.state().roles[0].description }, "lists carry no permissions");
      assert.equal(sim.state().roles.find((r) => r.name === "Support")!.permissions.general.voicemail_full_access, true);
      const refused = await api("POST", "/api/roles", supportRole({ name: "Other", permissions: { general: { ai_assistant: true } } }));
      assert.equal(refused.status, 400, "writes are still checked against v22's flags");
    });

    it("changes the extra flags in-process and through the admin API, refusing flags v22 has; reset restores the start option", async () => {
      sim.setExtraPermissionFlags({});
      assert.deepEqual(Object.keys((await api("GET", "/api/roles/Admin")).body.permissions.general), ["voicemail_view_only", "voicemail_full_access", "meeting"]);
      const admin = (json: unknown) => call(sim.adminUrl, "POST", "/__admin/extra-permission-flags", { json });
      assert.deepEqual((await admin({ billing: { refunds: true } })).body, { billing: { refunds: true } });
      assert.equal((await api("GET", "/api/roles/Admin")).body.permissions.billing.refunds, true);
      assert.deepEqual((await call(sim.adminUrl, "GET", "/__admin/extra-permission-flags")).body, { billing: { refunds: true } });
      for (const [flags, message] of [
        [{ billing: { full_access: true } }, /one PortSIP v22 has/],
        [{ billing: { refunds: "yes" } }, /true or false/],
        [{ "Bad Group": {} }, /snake_case/],
        [[], /JSON object/],
      ] as const) {
        const refused = await admin(flags);
        assert.equal(refused.status, 400);
        assert.match(refused.body.error.message, message);
        assert.throws(() => sim.setExtraPermissionFlags(flags as never), message);
      }
      sim.reset();
      assert.equal((await api("GET", "/api/roles/Admin")).body.permissions.general.ai_assistant, true);
    });
  });

  describe("UMP", () => {
    it("answers /script with its normal success while nothing changes (ignore), numbers included", async () => {
      const sim: UmpSimulatorHandle = await startUmpSimulator();
      try {
        sim.seedEndpoint({ SipAddress: ALICE });
        const before = sim.state();
        const admin = await call(sim.adminUrl, "POST", "/__admin/faults", { json: { kind: "ignore", method: "PUT", pathPrefix: "/sysadmin/api/proxy/endpoint/" } });
        assert.equal(admin.status, 201);
        const script = await call(sim.url, "PUT", `/sysadmin/api/proxy/endpoint/${ALICE}/script`, { json: { EnterpriseVoiceEnabled: true, LineURI: "tel:+311111121" } });
        assert.deepEqual([script.status, script.body], [200, { Status: "Success" }]);
        assert.deepEqual(sim.state(), before);
        const detail = await call(sim.url, "GET", `/sysadmin/api/proxy/endpoint/${ALICE}`);
        assert.deepEqual([detail.body.LineURI, detail.body.EnterpriseVoiceEnabled], ["", false]);
        assert.equal(sim.requests().at(-2)!.fault, "ignore");
      } finally {
        await sim.stop();
      }
    });
  });

  describe("ConnecttoTeams", () => {
    it("answers configureUser with its normal ADD while nothing is configured (ignore)", async () => {
      const sim: TeamsSimulatorHandle = await startTeamsSimulator();
      try {
        const basic = `Basic ${Buffer.from(`${sim.client.clientId}:${sim.client.clientSecret}`).toString("base64")}`;
        const login = await call(sim.url, "POST", "/oauth/token", { headers: { authorization: basic }, form: { grant_type: "password", username: sim.admin.username, password: sim.admin.password } });
        sim.injectFault({ kind: "ignore", pathPrefix: "/enterprise/configureUser" });
        const body = { tenantID: sim.tenant.tenantId, loginID: "jdoe@contoso.com", pbxLocation: "east", pbxUserId: "2001", sbcGatewayId: 11, teamsUserId: "jdoe@contoso.onmicrosoft.com" };
        const answer = await call(sim.url, "POST", "/enterprise/configureUser", { token: login.body.access_token, json: body });
        assert.deepEqual([answer.status, answer.body.operation], [200, "ADD"]);
        assert.deepEqual(sim.state().users, []);
      } finally {
        await sim.stop();
      }
    });
  });

  describe("Masergy", () => {
    const { sim: masergy, api, view, settle } = useMasergySession();
    let sim: ReturnType<typeof masergy>;
    beforeEach(() => (sim = masergy()));

    it("cannot ignore writes: they are jobs (refused in-process and by the admin API)", async () => {
      assert.throws(() => sim.injectFault({ kind: "ignore" }), /cannot ignore writes/);
      const refused = await call(sim.adminUrl, "POST", "/__admin/faults", { json: { kind: "ignore" } });
      assert.equal(refused.status, 400);
      assert.match(refused.body.error.message, /masergy simulator cannot ignore writes/);
    });

    it("keeps its task view backward compatible, adding taskResult once a task ends", async () => {
      const accepted = (await api("POST", "user/create", createBody())).body;
      const running = await view(accepted.taskId);
      assert.equal(running.taskResult, undefined);
      const done = await settle(accepted.taskId);
      assert.deepEqual(Object.keys(done).sort(), ["completedAt", "createdAt", "jobId", "startedAt", "status", "steps", "taskId", "taskResult", "type"]);
      assert.deepEqual([done.type, done.status, done.taskResult], ["CREATE_USER", "COMPLETED", "OK"]);
      sim.failNextTask({ step: "create account" });
      const failed = await settle((await api("POST", "user/create", createBody({ userId: "x@example.com", extension: "0102" }))).body.taskId);
      assert.deepEqual([failed.status, failed.taskResult], ["FAILED", "FAILED"]);
    });

    it("holds the next task in a status of its own for a while, then runs it to completion", async () => {
      sim.holdNextTask({ durationMs: 200 });
      const accepted = (await api("POST", "user/create", createBody())).body;
      await sleep(60);
      const held = await view(accepted.taskId);
      assert.equal(held.status, "ON_HOLD");
      assert.equal(held.startedAt, undefined);
      assert.ok(held.steps.every((step: { status: string }) => step.status === "PENDING"));
      assert.equal(sim.state().users.length, 0);
      const done = await settle(accepted.taskId);
      assert.deepEqual([done.status, done.taskResult], ["COMPLETED", "OK"]);
      assert.ok(Date.parse(done.completedAt) - Date.parse(done.createdAt) >= 200);
      assert.equal(sim.state().users.length, 1);
    });

    it("holds a task of one type in a given status until released", async () => {
      sim.holdNextTask({ status: "AWAITING_APPROVAL", taskType: "UPDATE_USER_NAME" });
      const created = (await api("POST", "user/create", createBody())).body;
      assert.equal((await settle(created.taskId)).status, "COMPLETED", "another type is not held");
      const renamed = (await api("POST", "user/update_name", { groupId: "SIM-NYC", userId: "jdoe@example.com", firstName: "J", lastName: "D" })).body;
      await sleep(100);
      assert.equal((await view(renamed.taskId)).status, "AWAITING_APPROVAL");
      assert.equal(sim.releaseTasks(), 1);
      assert.equal((await settle(renamed.taskId)).status, "COMPLETED");
      assert.equal(sim.state().users[0].firstName, "J");
    });

    it("ends the next task with a taskResult of its own, in the view and in the task webhook", async () => {
      sim.setNextTaskResult({ taskResult: "PARTIAL_SUCCESS" });
      const accepted = (await api("POST", "user/create", createBody({ notificationWebhookUrl: "http://127.0.0.1:9/hook" }))).body;
      const done = await settle(accepted.taskId);
      assert.deepEqual([done.status, done.taskResult], ["COMPLETED", "PARTIAL_SUCCESS"]);
      await sim.webhooksSettled();
      assert.equal(sim.webhookDeliveries()[0].body.taskResult, "PARTIAL_SUCCESS");
      const next = await settle((await api("POST", "user/update_name", { groupId: "SIM-NYC", userId: "jdoe@example.com", firstName: "J", lastName: "D" })).body.taskId);
      assert.equal(next.taskResult, "OK", "only the next task");
    });

    it("takes hold and result faults through POST /__admin/task-faults, refusing malformed ones", async () => {
      const admin = (json: unknown) => call(sim.adminUrl, "POST", "/__admin/task-faults", { json });
      for (const fault of [
        { kind: "hold", status: "ON_HOLD", durationMs: 50, taskType: "CREATE_USER" },
        { kind: "hold" },
        { kind: "result", taskResult: "WARNING" },
        { kind: "fail", step: "create account", message: "no" },
        { kind: "hang" },
      ]) {
        const queued = await admin(fault);
        assert.deepEqual([queued.status, queued.body], [201, fault]);
      }
      for (const [fault, message] of [
        [{ kind: "result" }, /needs the taskResult/],
        [{ kind: "hold", durationMs: -1 }, /durationMs/],
        [{ kind: "hold", step: "create account" }, /unknown field/],
        [{ kind: "hold", status: "" }, /status must be a non-empty string/],
        [{ kind: "fail" }, /needs the step/],
        [{ kind: "explode" }, /kind must be one of/],
      ] as const) {
        const refused = await admin(fault);
        assert.equal(refused.status, 400, JSON.stringify(fault));
        assert.match(refused.body.error.message, message);
      }
    });
  });
});
