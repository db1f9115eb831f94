import { strict as assert } from "node:assert";
import { createServer } from "node:net";
import { PORTSIP_OAUTH_CLIENT_ID, startPortSipSimulator, type PortSipSimulatorHandle } from "../../simulators";
import { fullUser, minimalUser, supportRole } from "../helpers/portsip-bodies";
import { startCli } from "../helpers/cli";
import { call, clientFor, type HttpResult } from "../helpers/sim-http";

const BUILT_IN_ROLES = [
  "SystemAdmin",
  "Replicator",
  "Dealer",
  "Admin",
  "StandardUser",
  "StandardInternationalUser",
  "QueueManager",
];

/** The `detail.field` of every error item, in order. */
function errorFields(result: HttpResult): string[] {
  return result.body.errors.map((item: { detail?: { field?: string } }) => item.detail?.field);
}

function assertError(result: HttpResult, status: number, code: string, message?: RegExp): void {
  assert.equal(result.status, status, `expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  assert.ok(Array.isArray(result.body?.errors) && result.body.errors.length > 0, "errors[] is present");
  for (const item of result.body.errors) assert.equal(item.code, code);
  if (message) assert.match(result.body.errors[0].message, message);
}

/** A 400 VALIDATE_FAILED naming exactly these fields (any order), each message naming its field. */
function assertInvalid(result: HttpResult, fields: string[]): void {
  assertError(result, 400, "VALIDATE_FAILED");
  assert.deepEqual([...errorFields(result)].sort(), [...fields].sort());
  for (const item of result.body.errors) assert.ok(item.message.includes(item.detail.field), `message names the field: ${item.message}`);
}

function loginForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: "password",
    username: "admin",
    password: "admin-sim-password",
    scope: "all",
    client_id: PORTSIP_OAUTH_CLIENT_ID,
    ...overrides,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe("PortSIP PBX simulator", () => {
  let sim: PortSipSimulatorHandle;
  let api: ReturnType<typeof clientFor>;
  let anonymous: ReturnType<typeof clientFor>;

  before(async () => {
    sim = await startPortSipSimulator();
    api = clientFor(sim.url, sim.token);
    anonymous = clientFor(sim.url);
  });
  beforeEach(() => sim.reset());
  after(() => sim.stop());

  async function createUser(overrides: Record<string, unknown> = {}): Promise<string> {
    const result = await api.post("/api/users", minimalUser(overrides));
    assert.equal(result.status, 201, JSON.stringify(result.body));
    return result.body.id;
  }

  async function login(): Promise<{ access_token: string; refresh_token: string; expires_in: number; token_type: string }> {
    const result = await call(sim.url, "POST", "/api/login/oauth/token", { form: loginForm() });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    return result.body;
  }

  describe("server core", () => {
    it("listens on 127.0.0.1 at a free port and serves the admin API under /__admin", async () => {
      assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(sim.adminUrl, `${sim.url}/__admin`);
      const index = await call(sim.adminUrl, "GET", "/__admin");
      assert.equal(index.status, 200);
      assert.equal(index.body.vendor, "portsip");
    });

    it("listens on a fixed port when one is given", async () => {
      const port = await freePort();
      const fixed = await startPortSipSimulator({ port });
      try {
        assert.equal(fixed.url, `http://127.0.0.1:${port}`);
        assert.equal((await clientFor(fixed.url, fixed.token).get("/api/roles")).status, 200);
      } finally {
        await fixed.stop();
      }
    });

    it("answers an unknown path with 404 NOT_FOUND in the vendor's error format", async () => {
      const result = await api.get("/api/userz");
      assertError(result, 404, "NOT_FOUND", /\/api\/userz/);
      assertError(await api.get("/api/users/"), 404, "NOT_FOUND");
    });

    it("answers a wrong method on a known path with 405 and an Allow header", async () => {
      const result = await api.call("DELETE", "/api/users");
      assertError(result, 405, "UNKNOWN");
      assert.equal(result.headers.get("allow"), "GET, POST");
      assertError(await api.call("PUT", "/api/roles/Admin"), 405, "UNKNOWN");
    });

    it("refuses a JSON body sent with another content type with 415", async () => {
      const result = await api.call("POST", "/api/roles", { raw: JSON.stringify(supportRole()), contentType: "text/plain" });
      assertError(result, 415, "UNKNOWN", /application\/json/);
      assert.equal(sim.state().roles.length, 7);
    });

    it("refuses malformed JSON with 400 VALIDATE_FAILED", async () => {
      const result = await api.call("POST", "/api/users", { raw: '{"name": "alice",', contentType: "application/json" });
      assertError(result, 400, "VALIDATE_FAILED", /malformed JSON/);
    });
  });

  describe("faults and latency", () => {
    it("answers the next matching requests with an injected status and the vendor's error body, then recovers", async () => {
      sim.injectFault({ kind: "status", status: 503, count: 2, method: "GET", pathPrefix: "/api/roles" });
      assert.equal((await api.get("/api/users")).status, 200, "other paths are unaffected");
      assertError(await api.get("/api/roles"), 503, "UNKNOWN");
      assertError(await api.get("/api/roles/Admin"), 503, "UNKNOWN");
      assert.equal((await api.get("/api/roles")).status, 200);
    });

    it("adds Retry-After to an injected 429 and uses the code TOO_MANY_REQUESTS", async () => {
      sim.injectFault({ kind: "status", status: 429, retryAfterSeconds: 3 });
      const result = await api.get("/api/users");
      assertError(result, 429, "TOO_MANY_REQUESTS");
      assert.equal(result.headers.get("retry-after"), "3");
    });

    it("destroys the socket for a drop fault and logs the attempt with status 0", async () => {
      sim.injectFault({ kind: "drop", method: "GET" });
      await assert.rejects(api.get("/api/users"));
      assert.equal((await api.get("/api/users")).status, 200);
      assert.deepEqual(
        sim.requests().map((entry) => [entry.method, entry.path, entry.status]),
        [
          ["GET", "/api/users", 0],
          ["GET", "/api/users", 200],
        ],
      );
    });

    it("delays each vendor response by the configured latency", async () => {
      sim.setLatency(150);
      const started = Date.now();
      assert.equal((await api.get("/api/roles")).status, 200);
      assert.ok(Date.now() - started >= 140, "the response was delayed");
      assert.ok(sim.requests()[0].durationMs >= 140, "the log records the duration");
    });
  });

  describe("request log", () => {
    it("records method, path, query, status and authorization of vendor requests, oldest first, with secrets redacted", async () => {
      await anonymous.get("/api/users", { top: "5" });
      await api.post("/api/users", minimalUser());
      await call(sim.url, "POST", "/api/login/oauth/token", { form: loginForm() });
      await call(sim.adminUrl, "GET", "/__admin/state");

      const [list, create, token] = sim.requests();
      assert.equal(sim.requests().length, 3, "admin calls are not logged");
      assert.deepEqual(
        { method: list.method, path: list.path, query: list.query, status: list.status, authorized: list.authorized },
        { method: "GET", path: "/api/users", query: { top: "5" }, status: 401, authorized: false },
      );
      assert.equal(list.body, undefined);
      assert.equal(create.status, 201);
      assert.equal(create.authorized, true);
      const body = create.body as Record<string, unknown>;
      assert.equal(body.name, "alice");
      assert.equal(body.password, "[REDACTED]");
      assert.equal(body.extension_password, "[REDACTED]");
      assert.equal(body.voicemail_pin, "[REDACTED]");
      assert.equal((token.body as Record<string, unknown>).password, "[REDACTED]");
      assert.ok(list.at <= create.at && typeof create.durationMs === "number");
    });

    it("empties the log on clearRequests()", async () => {
      await api.get("/api/roles");
      sim.clearRequests();
      assert.deepEqual(sim.requests(), []);
    });
  });

  describe("admin API", () => {
    const admin = (method: string, path: string, json?: unknown) =>
      call(sim.adminUrl, method, `/__admin${path}`, json === undefined ? {} : { json });

    it("returns the full state, secrets included", async () => {
      await createUser();
      const state = await admin("GET", "/state");
      assert.equal(state.status, 200);
      assert.equal(state.body.roles.length, 7);
      assert.equal(state.body.users[0].password, "alice-Passw0rd");
    });

    it("lists and clears the request log", async () => {
      await api.get("/api/roles");
      const log = await admin("GET", "/requests");
      assert.deepEqual(log.body.map((entry: { path: string }) => entry.path), ["/api/roles"]);
      assert.equal((await admin("DELETE", "/requests")).status, 200);
      assert.deepEqual((await admin("GET", "/requests")).body, []);
    });

    it("sets latency and refuses a negative one", async () => {
      assert.equal((await admin("POST", "/latency", { ms: 20 })).status, 200);
      assert.deepEqual((await admin("GET", "/latency")).body, { ms: 20 });
      assert.equal((await admin("POST", "/latency", { ms: -1 })).status, 400);
    });

    it("injects validated faults", async () => {
      assert.equal((await admin("POST", "/faults", { kind: "status", status: 500, pathPrefix: "/api/users" })).status, 201);
      assert.equal((await admin("GET", "/faults")).body.length, 1);
      assertError(await api.get("/api/users"), 500, "UNKNOWN");
      const refused = await admin("POST", "/faults", { kind: "explode" });
      assert.equal(refused.status, 400);
      assert.match(refused.body.error.message, /kind/);
    });

    it("expires issued tokens, and the static token only when asked", async () => {
      const { access_token } = await login();
      assert.equal((await admin("POST", "/expire-tokens")).status, 200);
      assertError(await clientFor(sim.url, access_token).get("/api/roles"), 401, "UNAUTHORIZED");
      assert.equal((await api.get("/api/roles")).status, 200);
      await admin("POST", "/expire-tokens", { expireStaticToken: true });
      assertError(await api.get("/api/roles"), 401, "UNAUTHORIZED");
    });

    it("resets the simulator", async () => {
      await createUser();
      assert.equal((await admin("POST", "/reset")).status, 200);
      assert.equal(sim.state().users.length, 0);
    });

    it("answers unknown admin paths with 404 in its own format", async () => {
      const result = await admin("GET", "/nothing");
      assert.equal(result.status, 404);
      assert.equal(result.body.error.kind, "not_found");
    });
  });

  describe("authentication", () => {
    it("refuses /api requests without a bearer token with 401 UNAUTHORIZED", async () => {
      assertError(await anonymous.get("/api/roles"), 401, "UNAUTHORIZED");
      assertError(await anonymous.post("/api/users", minimalUser()), 401, "UNAUTHORIZED");
      assert.equal(sim.state().users.length, 0);
    });

    it("refuses an unknown bearer token and a malformed Authorization header with 401", async () => {
      assertError(await clientFor(sim.url, "not-a-token").get("/api/roles"), 401, "UNAUTHORIZED", /invalid/);
      const basic = await fetch(`${sim.url}/api/roles`, { headers: { authorization: `Basic ${sim.token}` } });
      assert.equal(basic.status, 401);
    });

    it("accepts the static token", async () => {
      assert.equal(sim.token, "portsip-sim-token");
      assert.equal((await api.get("/api/roles")).status, 200);
    });

    it("issues a bearer token pair for the password grant, which then authorizes requests", async () => {
      const pair = await login();
      assert.deepEqual(Object.keys(pair).sort(), ["access_token", "expires_in", "refresh_token", "token_type"]);
      assert.equal(pair.expires_in, 1800);
      assert.equal(pair.token_type, "Bearer");
      assert.equal((await clientFor(sim.url, pair.access_token).get("/api/users")).status, 200);
    });

    it("refuses wrong credentials with 400 UNAUTHORIZED 'Login failed, authentication error'", async () => {
      const result = await call(sim.url, "POST", "/api/login/oauth/token", { form: loginForm({ password: "wrong" }) });
      assert.equal(result.status, 400);
      assert.deepEqual(result.body, { errors: [{ code: "UNAUTHORIZED", message: "Login failed, authentication error" }] });
    });

    it("matches the tenant domain of an account", async () => {
      const tenant = await startPortSipSimulator({ users: [{ username: "ops", password: "ops-secret", domain: "tenant.example.com" }] });
      try {
        const form = loginForm({ username: "ops", password: "ops-secret" });
        assert.equal((await call(tenant.url, "POST", "/api/login/oauth/token", { form })).status, 400);
        const withDomain = await call(tenant.url, "POST", "/api/login/oauth/token", { form: { ...form, domain: "tenant.example.com" } });
        assert.equal(withDomain.status, 200);
      } finally {
        await tenant.stop();
      }
    });

    it("refuses a login sent as JSON with 415", async () => {
      const result = await call(sim.url, "POST", "/api/login/oauth/token", { json: loginForm() });
      assertError(result, 415, "UNKNOWN");
    });

    it("names missing, unknown and wrong login fields with 400 VALIDATE_FAILED", async () => {
      const { password: _password, scope: _scope, ...form } = loginForm();
      assertInvalid(await call(sim.url, "POST", "/api/login/oauth/token", { form }), ["password", "scope"]);
      const wrong = loginForm({ client_id: "someone-else", remember: "yes" });
      assertInvalid(await call(sim.url, "POST", "/api/login/oauth/token", { form: wrong }), ["client_id", "remember"]);
      assertInvalid(await call(sim.url, "POST", "/api/login/oauth/token", { form: loginForm({ grant_type: "magic" }) }), ["grant_type"]);
    });

    it("exchanges a refresh token once for a new pair", async () => {
      const first = await login();
      const form = { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: PORTSIP_OAUTH_CLIENT_ID };
      const refreshed = await call(sim.url, "POST", "/api/login/oauth/token", { form });
      assert.equal(refreshed.status, 200);
      assert.notEqual(refreshed.body.access_token, first.access_token);
      assert.notEqual(refreshed.body.refresh_token, first.refresh_token);
      assert.equal((await clientFor(sim.url, refreshed.body.access_token).get("/api/roles")).status, 200);
      const reused = await call(sim.url, "POST", "/api/login/oauth/token", { form });
      assert.deepEqual(reused.body, { errors: [{ code: "UNKNOWN", message: "unknown error" }] });
    });

    it("refuses an unknown refresh token with 400 UNKNOWN 'unknown error'", async () => {
      const form = { grant_type: "refresh_token", refresh_token: "made-up", client_id: PORTSIP_OAUTH_CLIENT_ID };
      const result = await call(sim.url, "POST", "/api/login/oauth/token", { form });
      assert.equal(result.status, 400);
      assert.deepEqual(result.body, { errors: [{ code: "UNKNOWN", message: "unknown error" }] });
    });

    it("expires issued access tokens after tokenTtlSeconds", async () => {
      const shortLived = await startPortSipSimulator({ tokenTtlSeconds: 0.3 });
      try {
        const result = await call(shortLived.url, "POST", "/api/login/oauth/token", { form: loginForm() });
        assert.equal(result.body.expires_in, 0.3);
        const client = clientFor(shortLived.url, result.body.access_token);
        assert.equal((await client.get("/api/roles")).status, 200);
        await new Promise((done) => setTimeout(done, 400));
        assertError(await client.get("/api/roles"), 401, "UNAUTHORIZED", /expired/);
      } finally {
        await shortLived.stop();
      }
    });

    it("rejects issued tokens after expireTokens() but keeps the static token and refresh tokens working", async () => {
      const pair = await login();
      sim.expireTokens();
      assertError(await clientFor(sim.url, pair.access_token).get("/api/roles"), 401, "UNAUTHORIZED");
      assert.equal((await api.get("/api/roles")).status, 200);
      const form = { grant_type: "refresh_token", refresh_token: pair.refresh_token, client_id: PORTSIP_OAUTH_CLIENT_ID };
      const refreshed = await call(sim.url, "POST", "/api/login/oauth/token", { form });
      assert.equal((await clientFor(sim.url, refreshed.body.access_token).get("/api/roles")).status, 200);
    });

    it("rejects the static token after expireTokens({ expireStaticToken: true }) until reset", async () => {
      sim.expireTokens({ expireStaticToken: true });
      assertError(await api.get("/api/roles"), 401, "UNAUTHORIZED");
      sim.reset();
      assert.equal((await api.get("/api/roles")).status, 200);
    });

    it("revokes an access token and its refresh token with POST /api/login/oauth/revoke", async () => {
      const pair = await login();
      const client = clientFor(sim.url, pair.access_token);
      const revoked = await client.post("/api/login/oauth/revoke");
      assert.equal(revoked.status, 204);
      assertError(await client.get("/api/roles"), 401, "UNAUTHORIZED");
      const form = { grant_type: "refresh_token", refresh_token: pair.refresh_token, client_id: PORTSIP_OAUTH_CLIENT_ID };
      assertError(await call(sim.url, "POST", "/api/login/oauth/token", { form }), 400, "UNKNOWN");
      assertError(await anonymous.post("/api/login/oauth/revoke"), 401, "UNAUTHORIZED");
    });
  });

  describe("roles", () => {
    it("lists the seven built-in roles with a count and summary items", async () => {
      const result = await api.get("/api/roles");
      assert.equal(result.status, 200);
      assert.equal(result.body.count, 7);
      assert.deepEqual(result.body.items.map((role: { name: string }) => role.name), BUILT_IN_ROLES);
      assert.deepEqual(Object.keys(result.body.items[0]).sort(), ["description", "name"]);
    });

    it("returns SystemAdmin with every permission of the eleven groups granted", async () => {
      const result = await api.get("/api/roles/SystemAdmin");
      assert.equal(result.status, 200);
      assert.deepEqual(Object.keys(result.body).sort(), ["description", "name", "permissions"]);
      const groups = Object.values(result.body.permissions) as Array<Record<string, boolean>>;
      assert.equal(groups.length, 11);
      assert.ok(groups.every((flags) => Object.values(flags).every((granted) => granted === true)));
    });

    it("gives StandardUser a few permissions and StandardInternationalUser international calls too", async () => {
      const standard = (await api.get("/api/roles/StandardUser")).body.permissions;
      const granted = Object.values(standard).flatMap((flags) => Object.values(flags as Record<string, boolean>)).filter(Boolean);
      assert.ok(granted.length > 0 && granted.length < 10);
      assert.equal(standard.policies.international_calls, false);
      assert.equal((await api.get("/api/roles/StandardInternationalUser")).body.permissions.policies.international_calls, true);
    });

    it("creates a custom role with 201 {name} and fills omitted permission flags with false", async () => {
      const created = await api.post("/api/roles", supportRole());
      assert.equal(created.status, 201);
      assert.deepEqual(created.body, { name: "Support" });
      const role = (await api.get("/api/roles/Support")).body;
      assert.equal(role.description, "First-line support");
      assert.deepEqual(role.permissions.general, { voicemail_view_only: false, voicemail_full_access: true, meeting: false });
      assert.deepEqual(role.permissions.billing, { view_only: false, full_access: false });
      assert.equal(Object.keys(role.permissions).length, 11);
    });

    it("refuses built-in role names for new roles, ignoring case", async () => {
      assertInvalid(await api.post("/api/roles", supportRole({ name: "standarduser" })), ["name"]);
      assertInvalid(await api.post("/api/roles", supportRole({ name: "ADMIN" })), ["name"]);
    });

    it("refuses a duplicate role name", async () => {
      await api.post("/api/roles", supportRole());
      assertInvalid(await api.post("/api/roles", supportRole()), ["name"]);
      assertInvalid(await api.post("/api/roles", supportRole({ name: "SUPPORT" })), ["name"]);
    });

    it("refuses unknown permission groups, unknown flags and non-boolean flags, naming each", async () => {
      const permissions = { telepathy: { read_minds: true }, general: { teleport: true, meeting: "yes" } };
      assertInvalid(await api.post("/api/roles", supportRole({ permissions })), [
        "permissions.telepathy",
        "permissions.general.teleport",
        "permissions.general.meeting",
      ]);
    });

    it("requires a role name of 1 to 64 characters", async () => {
      const { name: _name, ...nameless } = supportRole();
      assertInvalid(await api.post("/api/roles", nameless), ["name"]);
      assertInvalid(await api.post("/api/roles", supportRole({ name: "" })), ["name"]);
      assertInvalid(await api.post("/api/roles", supportRole({ name: "r".repeat(65) })), ["name"]);
      assert.equal((await api.post("/api/roles", supportRole({ name: "r".repeat(64) }))).status, 201);
    });

    it("updates a custom role's description and permissions with 204", async () => {
      await api.post("/api/roles", supportRole());
      const updated = await api.post("/api/roles/Support", { description: "Second line", permissions: { billing: { view_only: true } } });
      assert.equal(updated.status, 204);
      assert.equal(updated.body, undefined);
      const role = (await api.get("/api/roles/Support")).body;
      assert.equal(role.description, "Second line");
      assert.equal(role.permissions.billing.view_only, true);
      assert.equal(role.permissions.general.voicemail_full_access, false, "permissions are replaced as a whole");
      assert.equal((await api.post("/api/roles/Support", { name: "Support" })).status, 204);
    });

    it("refuses an update whose body names a different role", async () => {
      await api.post("/api/roles", supportRole());
      assertInvalid(await api.post("/api/roles/Support", { name: "Helpdesk" }), ["name"]);
    });

    it("refuses to modify or destroy a built-in role", async () => {
      assertError(await api.post("/api/roles/Admin", { description: "mine now" }), 400, "VALIDATE_FAILED", /built-in/);
      assertError(await api.post("/api/roles/Admin/destroy"), 400, "VALIDATE_FAILED", /built-in/);
      assert.equal(sim.state().roles.length, 7);
    });

    it("answers 404 NOT_FOUND for an unknown role", async () => {
      assertError(await api.get("/api/roles/Nobody"), 404, "NOT_FOUND");
      assertError(await api.post("/api/roles/Nobody", { description: "x" }), 404, "NOT_FOUND");
      assertError(await api.post("/api/roles/Nobody/destroy"), 404, "NOT_FOUND");
    });

    it("refuses to destroy a role still assigned to a user with 409 RESOURCE_IN_USE, and destroys it once unassigned", async () => {
      await api.post("/api/roles", supportRole());
      const id = await createUser({ role: "Support" });
      assertError(await api.post("/api/roles/Support/destroy"), 409, "RESOURCE_IN_USE");
      assert.equal((await api.post(`/api/users/${id}/role`, { role: "StandardUser" })).status, 204);
      assert.equal((await api.post("/api/roles/Support/destroy")).status, 204);
      assertError(await api.get("/api/roles/Support"), 404, "NOT_FOUND");
    });

    it("filters, orders and pages the role list", async () => {
      const standard = await api.get("/api/roles", { filter: "startswith(name,'Standard')" });
      assert.deepEqual(standard.body.items.map((role: { name: string }) => role.name), ["StandardUser", "StandardInternationalUser"]);
      const page = await api.get("/api/roles", { orderby: "name desc", skip: "1", top: "2" });
      assert.equal(page.body.count, 7);
      assert.deepEqual(page.body.items.map((role: { name: string }) => role.name), ["StandardUser", "StandardInternationalUser"]);
    });
  });

  describe("users: create", () => {
    it("creates a user from the required fields and answers 201 with an opaque id", async () => {
      const result = await api.post("/api/users", minimalUser());
      assert.equal(result.status, 201);
      assert.deepEqual(Object.keys(result.body), ["id"]);
      assert.match(result.body.id, /^[A-Za-z0-9+/]{24}$/);
      assert.match(Buffer.from(result.body.id, "base64").toString("utf8"), /^[0-9]{18}$/);
    });

    it("returns the full representation with the documented defaults, nulls for unset strings and no passwords", async () => {
      const id = await createUser();
      const user = (await api.get(`/api/users/${id}`)).body;
      assert.equal(Object.keys(user).length, 54, "every field of the seed's GET");
      assert.equal("password" in user, false);
      assert.equal("extension_password" in user, false);
      assert.equal(user.voicemail_pin, "135792");
      assert.equal(user.id, id);
      assert.match(user.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.deepEqual(
        {
          enabled: user.enabled,
          enable_dnd: user.enable_dnd,
          enable_acb: user.enable_acb,
          enable_audio_recording: user.enable_audio_recording,
          enable_video_recording: user.enable_video_recording,
          enable_hot_desking: user.enable_hot_desking,
          anonymous_outbound_calls: user.anonymous_outbound_calls,
          delivery_outbound_cid: user.delivery_outbound_cid,
          sms: user.sms,
          voicemail_prompt: user.voicemail_prompt,
          enable_voicemail_pin: user.enable_voicemail_pin,
          enable_voicemail_notify: user.enable_voicemail_notify,
          voicemail_play_datetime: user.voicemail_play_datetime,
        },
        {
          enabled: true,
          enable_dnd: true,
          enable_acb: true,
          enable_audio_recording: false,
          enable_video_recording: false,
          enable_hot_desking: false,
          anonymous_outbound_calls: false,
          delivery_outbound_cid: true,
          sms: "DISABLE",
          voicemail_prompt: "en-US",
          enable_voicemail_pin: true,
          enable_voicemail_notify: false,
          voicemail_play_datetime: "DISABLE",
        },
      );
      assert.equal(user.mobile_phone, null);
      assert.equal(user.office_hours, null);
      assert.equal(user.busy_no_answer_forward_rule, null);
      assert.deepEqual(user.outbound_caller_ids, []);
      assert.equal(user.sync_type, null);
    });

    it("accepts every field of the seed's create body and returns each of them", async () => {
      const body = fullUser();
      const created = await api.post("/api/users", body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const user = (await api.get(`/api/users/${created.body.id}`)).body;
      for (const [field, value] of Object.entries(body)) {
        if (field === "password" || field === "extension_password") continue;
        assert.deepEqual(user[field], value, field);
      }
    });

    it("requires name, display_name, password, email, role, extension_number, extension_password and voicemail_pin", async () => {
      assertInvalid(await api.post("/api/users", {}), [
        "name",
        "display_name",
        "password",
        "email",
        "role",
        "extension_number",
        "extension_password",
        "voicemail_pin",
      ]);
    });

    it("collects every field problem of a request into one 400, one item per field", async () => {
      const body = minimalUser({ name: ".alice", email: "nope", extension_number: "12", voicemail_pin: "111111", sms: "SOMETIMES" });
      delete body.password;
      assertInvalid(await api.post("/api/users", body), ["name", "email", "extension_number", "voicemail_pin", "sms", "password"]);
      assert.equal(sim.state().users.length, 0);
    });

    it("enforces the user name rules", async () => {
      const invalid = ["bad name", ".alice", "alice.", "Admin", "ROOT", "system", "administrator", "a".repeat(65), "", "al!ce"];
      for (const name of invalid) assertInvalid(await api.post("/api/users", minimalUser({ name })), ["name"]);
      assert.equal((await api.post("/api/users", minimalUser({ name: "o'brien-jr_2.x" }))).status, 201);
    });

    it("keeps user names (ignoring case) and extension numbers unique", async () => {
      await createUser();
      assertInvalid(await api.post("/api/users", minimalUser({ name: "ALICE", extension_number: "1002" })), ["name"]);
      assertInvalid(await api.post("/api/users", minimalUser({ name: "bob", extension_number: "1001" })), ["extension_number"]);
    });

    it("requires extension numbers of 3 to 64 digits", async () => {
      for (const extension_number of ["12", "10a1", "1".repeat(65), " 1001"]) {
        assertInvalid(await api.post("/api/users", minimalUser({ extension_number })), ["extension_number"]);
      }
      assert.equal((await api.post("/api/users", minimalUser({ extension_number: "100" }))).status, 201);
    });

    it("requires passwords and extension passwords of 6 to 64 characters", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ password: "12345", extension_password: "x".repeat(65) })), [
        "password",
        "extension_password",
      ]);
    });

    it("requires a valid email address of at most 128 characters", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ email: "alice@" })), ["email"]);
      assertInvalid(await api.post("/api/users", minimalUser({ email: `${"a".repeat(120)}@example.com` })), ["email"]);
    });

    it("limits display_name to 1-1024 characters and phone numbers to 32", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ display_name: "" })), ["display_name"]);
      assertInvalid(await api.post("/api/users", minimalUser({ display_name: "d".repeat(1025) })), ["display_name"]);
      const phones = { mobile_phone: "1".repeat(33), work_phone: "2".repeat(33), home_phone: "3".repeat(33) };
      assertInvalid(await api.post("/api/users", minimalUser(phones)), ["mobile_phone", "work_phone", "home_phone"]);
    });

    it("requires the role to name an existing role", async () => {
      assertError(await api.post("/api/users", minimalUser({ role: "NoSuchRole" })), 400, "VALIDATE_FAILED", /role.*NoSuchRole/);
    });

    it("enforces the voicemail PIN policy: 6-10 digits, no repeated or sequential runs of three", async () => {
      const invalid: unknown[] = ["13579", "13579246801", "13a792", "131112", "135012", "135987", "246789", 135792];
      for (const voicemail_pin of invalid) {
        assertInvalid(await api.post("/api/users", minimalUser({ voicemail_pin })), ["voicemail_pin"]);
      }
      for (const [index, voicemail_pin] of ["135792", "9753197531", "102938"].entries()) {
        const body = minimalUser({ voicemail_pin, name: `pin${index}`, extension_number: `20${index}` });
        assert.equal((await api.post("/api/users", body)).status, 201, voicemail_pin);
      }
    });

    it("accepts only the documented values of sms, voicemail_play_datetime, interface and preferred_transport", async () => {
      const body = minimalUser({ sms: "MAYBE", voicemail_play_datetime: "SOMETIMES", interface: "LAN", preferred_transport: "SCTP" });
      assertInvalid(await api.post("/api/users", body), ["sms", "voicemail_play_datetime", "interface", "preferred_transport"]);
    });

    it("requires booleans to be JSON booleans", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ enabled: "true", enable_dnd: 1 })), ["enabled", "enable_dnd"]);
    });

    it("requires voicemail_prompt to be a BCP 47 language tag", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ voicemail_prompt: "english" })), ["voicemail_prompt"]);
      assertInvalid(await api.post("/api/users", minimalUser({ voicemail_prompt: "en_US" })), ["voicemail_prompt"]);
      assert.equal((await api.post("/api/users", minimalUser({ voicemail_prompt: "zh-Hans-CN" }))).status, 201);
    });

    it("validates office hours: an UPPER_SNAKE_CASE mode, known weekdays and HH:MM ranges that start before they end", async () => {
      const office_hours = {
        mode: "custom",
        monday: { enabled: true, ranges: [{ from: "9:00", to: "17:00" }] },
        tuesday: { enabled: true, ranges: [{ from: "17:00", to: "09:00" }] },
        wednesday: { enabled: "yes", ranges: [] },
        funday: { enabled: true, ranges: [] },
      };
      assertInvalid(await api.post("/api/users", minimalUser({ office_hours })), [
        "office_hours.mode",
        "office_hours.monday.ranges[0].from",
        "office_hours.tuesday.ranges[0]",
        "office_hours.wednesday.enabled",
        "office_hours.funday",
      ]);
    });

    it("allows a timeout only on the no-answer forward rules, in whole seconds", async () => {
      const body = minimalUser({
        available_office_hours_forward_rule: { action: "FORWARD_TO_NUMBER", number: "5551000", timeout: 30 },
        available_no_answer_forward_rule: { action: "FORWARD_TO_NUMBER", number: "5551000", timeout: 1.5 },
        busy_office_hours_forward_rule: { action: "forward to number", number: "5551000" },
        busy_no_answer_forward_rule: { action: "FORWARD_TO_NUMBER", number: "5551000", timeout: 20 },
      });
      assertInvalid(await api.post("/api/users", body), [
        "available_office_hours_forward_rule.timeout",
        "available_no_answer_forward_rule.timeout",
        "busy_office_hours_forward_rule.action",
      ]);
    });

    it("validates custom forward rules, outbound caller ids and BLFs by the seed's item shapes", async () => {
      const body = minimalUser({
        custom_forward_rules: [{ action: "FORWARD_TO_NUMBER", number: "5552000", hours: {} }],
        outbound_caller_ids: [{ caller_id: "5550100", colour: "red" }],
        blfs: [{ key: "1" }],
      });
      assertInvalid(await api.post("/api/users", body), [
        "custom_forward_rules[0].type",
        "outbound_caller_ids[0].provider_id",
        "outbound_caller_ids[0].colour",
        "blfs[0].value",
      ]);
    });

    it("refuses unknown fields, naming them", async () => {
      assertInvalid(await api.post("/api/users", minimalUser({ nickname: "al", ms365_id: "x" })), ["nickname", "ms365_id"]);
    });

    it("refuses a body that is not a JSON object, and a missing body", async () => {
      assertInvalid(await api.call("POST", "/api/users", { raw: "[1,2]", contentType: "application/json" }), ["body"]);
      assertInvalid(await api.post("/api/users"), ["body"]);
    });
  });

  describe("users: read, update and single-purpose endpoints", () => {
    it("lists users as summary items with a count", async () => {
      await createUser();
      await createUser({ name: "bob", extension_number: "1002", department: "Sales" });
      const result = await api.get("/api/users");
      assert.equal(result.body.count, 2);
      assert.deepEqual(Object.keys(result.body.items[1]), [
        "id",
        "name",
        "enabled",
        "email",
        "display_name",
        "role",
        "mobile_phone",
        "work_phone",
        "home_phone",
        "address",
        "department",
        "extension_number",
        "created_at",
        "avatar_file_name",
        "avatar_file_size",
        "avatar_file_url",
        "sync_type",
      ]);
      assert.equal(result.body.items[1].department, "Sales");
    });

    it("answers 404 NOT_FOUND for an unknown user id on every user endpoint", async () => {
      const id = "NzAwNTUxOTA5NzczMTQ4MTYw";
      assertError(await api.get(`/api/users/${id}`), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}`, { department: "x" }), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/password`, { password: "secret-1" }), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/extension_password`, { password: "secret-1" }), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/role`, { role: "Admin" }), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/ms365_binding`, { id: "alice@contoso.com" }), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/ms365_binding/destroy`), 404, "NOT_FOUND");
      assertError(await api.post(`/api/users/${id}/destroy`), 404, "NOT_FOUND");
    });

    it("updates only the fields present in the body and answers 204 without a body", async () => {
      const id = await createUser({ department: "Support", mobile_phone: "555" });
      const result = await api.post(`/api/users/${id}`, { department: "Sales", enable_dnd: false });
      assert.equal(result.status, 204);
      assert.equal(result.body, undefined);
      const user = (await api.get(`/api/users/${id}`)).body;
      assert.equal(user.department, "Sales");
      assert.equal(user.enable_dnd, false);
      assert.equal(user.mobile_phone, "555");
      assert.equal(user.display_name, "Alice Example");
    });

    it("clears an optional field sent as null or as an empty string", async () => {
      const id = await createUser({ department: "Support", mobile_phone: "555" });
      assert.equal((await api.post(`/api/users/${id}`, { department: null, mobile_phone: "" })).status, 204);
      const user = (await api.get(`/api/users/${id}`)).body;
      assert.equal(user.department, null);
      assert.equal(user.mobile_phone, null);
    });

    it("refuses name, extension_number, role, password and extension_password in an update, naming each", async () => {
      const id = await createUser();
      const body = { name: "al", extension_number: "1009", role: "Admin", password: "secret-1", extension_password: "secret-2" };
      assertInvalid(await api.post(`/api/users/${id}`, body), ["name", "extension_number", "role", "password", "extension_password"]);
      assertError(await api.post(`/api/users/${id}`, { role: "Admin" }), 400, "VALIDATE_FAILED", /\/api\/users\/\{id\}\/role/);
    });

    it("validates update fields with the create rules", async () => {
      const id = await createUser();
      assertInvalid(await api.post(`/api/users/${id}`, { email: "nope", voicemail_pin: "123456", colour: "red" }), [
        "email",
        "voicemail_pin",
        "colour",
      ]);
      assert.equal(sim.state().users[0].email, "alice@example.com");
    });

    it("resets the password and the extension password through their own endpoints", async () => {
      const id = await createUser();
      assert.equal((await api.post(`/api/users/${id}/password`, { password: "new-Passw0rd" })).status, 204);
      assert.equal((await api.post(`/api/users/${id}/extension_password`, { password: "new-Ext-Secret" })).status, 204);
      const [user] = sim.state().users;
      assert.equal(user.password, "new-Passw0rd");
      assert.equal(user.extension_password, "new-Ext-Secret");
      assertInvalid(await api.post(`/api/users/${id}/password`, { password: "short" }), ["password"]);
      assertInvalid(await api.post(`/api/users/${id}/extension_password`, { extension_password: "long-enough" }), [
        "extension_password",
        "password",
      ]);
    });

    it("changes the role through POST /api/users/{id}/role and refuses unknown roles", async () => {
      const id = await createUser();
      assert.equal((await api.post(`/api/users/${id}/role`, { role: "QueueManager" })).status, 204);
      assert.equal((await api.get(`/api/users/${id}`)).body.role, "QueueManager");
      assertInvalid(await api.post(`/api/users/${id}/role`, { role: "Boss" }), ["role"]);
    });

    it("binds a Microsoft 365 user by object id or UPN, shows it only as sync_type, and unbinds it", async () => {
      const id = await createUser();
      const oid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
      assert.equal((await api.post(`/api/users/${id}/ms365_binding`, { id: oid })).status, 204);
      assert.equal((await api.get(`/api/users/${id}`)).body.sync_type, "Microsoft 365");
      assert.equal((await api.get("/api/users")).body.items[0].sync_type, "Microsoft 365");
      assert.equal(sim.state().users[0].ms365_binding_id, oid);
      assert.equal((await api.post(`/api/users/${id}/ms365_binding`, { id: "alice@contoso.onmicrosoft.com" })).status, 204);
      assertInvalid(await api.post(`/api/users/${id}/ms365_binding`, { id: "not an id" }), ["id"]);
      assert.equal((await api.post(`/api/users/${id}/ms365_binding/destroy`)).status, 204);
      assert.equal((await api.get(`/api/users/${id}`)).body.sync_type, null);
      assert.equal(sim.state().users[0].ms365_binding_id, null);
    });

    it("refuses to bind one Microsoft 365 user to two PBX users", async () => {
      const alice = await createUser();
      const bob = await createUser({ name: "bob", extension_number: "1002" });
      await api.post(`/api/users/${alice}/ms365_binding`, { id: "shared@contoso.com" });
      assertInvalid(await api.post(`/api/users/${bob}/ms365_binding`, { id: "SHARED@contoso.com" }), ["id"]);
    });

    it("destroys a user with 204, after which it is 404 and gone from its groups", async () => {
      const id = await createUser();
      const group = (await api.post("/api/groups", { name: "Sales" })).body.id;
      await api.post(`/api/groups/${group}/members/1001`);
      assert.equal((await api.post(`/api/users/${id}/destroy`)).status, 204);
      assertError(await api.get(`/api/users/${id}`), 404, "NOT_FOUND");
      assert.deepEqual((await api.get(`/api/groups/${group}/members`)).body, { items: [] });
    });
  });

  describe("users: list queries", () => {
    beforeEach(async () => {
      await createUser({ department: "Support" });
      await createUser({ name: "bob", extension_number: "1002", department: "Sales", enabled: false });
      await createUser({ name: "carol", extension_number: "1003", department: "Sales", role: "QueueManager" });
    });

    const names = (result: HttpResult) => result.body.items.map((user: { name: string }) => user.name);

    it("filters with eq, ne, and, or, parentheses and the string functions", async () => {
      assert.deepEqual(names(await api.get("/api/users", { filter: "name eq 'bob'" })), ["bob"]);
      assert.deepEqual(names(await api.get("/api/users", { filter: "department ne 'Sales'" })), ["alice"]);
      assert.deepEqual(
        names(await api.get("/api/users", { filter: "department eq 'Sales' and (role eq 'QueueManager' or name eq 'alice')" })),
        ["carol"],
      );
      assert.deepEqual(names(await api.get("/api/users", { filter: "name eq 'alice' or extension_number ge '1003'" })), ["alice", "carol"]);
      assert.deepEqual(names(await api.get("/api/users", { filter: "startswith(name,'ca')" })), ["carol"]);
      assert.deepEqual(names(await api.get("/api/users", { filter: "endswith(email, 'example.com') and contains(name,'o')" })), [
        "bob",
        "carol",
      ]);
      assert.equal((await api.get("/api/users", { filter: "name eq 'nobody'" })).body.count, 0);
    });

    it("filters booleans with true and false", async () => {
      assert.deepEqual(names(await api.get("/api/users", { filter: "enabled eq false" })), ["bob"]);
      assert.equal((await api.get("/api/users", { filter: "enabled eq true" })).body.count, 2);
    });

    it("refuses a malformed filter or an unknown field with 400 naming filter", async () => {
      const filters = ["name eq", "name eq 'x' and", "(name eq 'x'", "nickname eq 'x'", "enabled eq 'yes'", 'name eq "x"', "name like 'x'"];
      for (const filter of filters) assertInvalid(await api.get("/api/users", { filter }), ["filter"]);
    });

    it("orders by several fields, ascending by default", async () => {
      assert.deepEqual(names(await api.get("/api/users", { orderby: "department, name desc" })), ["carol", "bob", "alice"]);
      assert.deepEqual(names(await api.get("/api/users", { orderby: "extension_number desc" })), ["carol", "bob", "alice"]);
      assertInvalid(await api.get("/api/users", { orderby: "password" }), ["orderby"]);
    });

    it("pages with skip and top while count stays the number of matches", async () => {
      const page = await api.get("/api/users", { orderby: "name", skip: "1", top: "1" });
      assert.equal(page.body.count, 3);
      assert.deepEqual(names(page), ["bob"]);
      assert.deepEqual(names(await api.get("/api/users", { skip: "5" })), []);
    });

    it("refuses top outside 1-100 and a negative or non-numeric skip", async () => {
      for (const top of ["0", "101", "ten"]) assertInvalid(await api.get("/api/users", { top }), ["top"]);
      for (const skip of ["-1", "abc"]) assertInvalid(await api.get("/api/users", { skip }), ["skip"]);
      assert.equal((await api.get("/api/users", { top: "100", skip: "0" })).status, 200);
    });

    it("searches every string field, ignoring case", async () => {
      assert.deepEqual(names(await api.get("/api/users", { search: "SALES" })), ["bob", "carol"]);
      assert.deepEqual(names(await api.get("/api/users", { search: "1003" })), ["carol"]);
    });

    it("refuses unknown query parameters such as $filter", async () => {
      assertInvalid(await api.get("/api/users", { $filter: "name eq 'bob'" }), ["$filter"]);
    });
  });

  describe("groups", () => {
    const callerIds = [{ provider_id: "NzAwNTUxOTA5NzczMTQ4MTYw", caller_id: "5550100", description: "main" }];

    async function createGroup(body: Record<string, unknown> = { name: "Sales" }): Promise<string> {
      const result = await api.post("/api/groups", body);
      assert.equal(result.status, 201, JSON.stringify(result.body));
      return result.body.id;
    }

    it("creates a group with 201 {id} and reads it back", async () => {
      const id = await createGroup({ name: "Sales", description: "Sales floor", outbound_caller_ids: callerIds });
      assert.deepEqual((await api.get(`/api/groups/${id}`)).body, {
        id,
        name: "Sales",
        outbound_caller_ids: callerIds,
        description: "Sales floor",
      });
      assert.deepEqual((await api.get("/api/groups")).body, { count: 1, items: [{ id, name: "Sales", description: "Sales floor" }] });
    });

    it("requires a unique group name and refuses unknown fields", async () => {
      assertInvalid(await api.post("/api/groups", {}), ["name"]);
      assertInvalid(await api.post("/api/groups", { name: "Sales", colour: "red" }), ["colour"]);
      assertInvalid(await api.post("/api/groups", { name: "Sales", outbound_caller_ids: [{ ...callerIds[0], preferred: true }] }), [
        "outbound_caller_ids[0].preferred",
      ]);
      await createGroup();
      assertInvalid(await api.post("/api/groups", { name: "sales" }), ["name"]);
    });

    it("updates a group partially with 204", async () => {
      const id = await createGroup({ name: "Sales", description: "Sales floor" });
      assert.equal((await api.post(`/api/groups/${id}`, { outbound_caller_ids: callerIds })).status, 204);
      const group = (await api.get(`/api/groups/${id}`)).body;
      assert.equal(group.description, "Sales floor");
      assert.deepEqual(group.outbound_caller_ids, callerIds);
    });

    it("adds members by extension number and lists them", async () => {
      const userId = await createUser();
      await createUser({ name: "bob", extension_number: "1002" });
      const id = await createGroup();
      assert.equal((await api.post(`/api/groups/${id}/members/1001`)).status, 204);
      const member = { id: userId, name: "alice", display_name: "Alice Example", extension_number: "1001" };
      assert.deepEqual((await api.get(`/api/groups/${id}/members`)).body, { items: [member] });
      assert.deepEqual((await api.get(`/api/groups/${id}/members/1001`)).body, member);
      assertError(await api.get(`/api/groups/${id}/members/1002`), 404, "NOT_FOUND");
    });

    it("answers 404 when adding an unknown extension and 400 for a malformed one", async () => {
      const id = await createGroup();
      assertError(await api.post(`/api/groups/${id}/members/9999`), 404, "NOT_FOUND");
      assertInvalid(await api.post(`/api/groups/${id}/members/12`), ["extension_number"]);
    });

    it("removes a member with 204, and answers 404 for a non-member", async () => {
      await createUser();
      const id = await createGroup();
      await api.post(`/api/groups/${id}/members/1001`);
      assert.equal((await api.post(`/api/groups/${id}/members/1001/destroy`)).status, 204);
      assertError(await api.get(`/api/groups/${id}/members/1001`), 404, "NOT_FOUND");
      assertError(await api.post(`/api/groups/${id}/members/1001/destroy`), 404, "NOT_FOUND");
    });

    it("lists groups with filter, search, orderby, skip and top; count is the number of matches before paging", async () => {
      await createGroup({ name: "Sales", description: "Sales floor" });
      await createGroup({ name: "Support", description: "Second line" });
      await createGroup({ name: "Billing" });
      const names = (result: HttpResult) => result.body.items.map((group: { name: string }) => group.name);
      assert.deepEqual(names(await api.get("/api/groups", { filter: "name eq 'Support'" })), ["Support"]);
      assert.deepEqual(names(await api.get("/api/groups", { filter: "startswith(name,'S') and description ne 'Sales floor'" })), ["Support"]);
      assert.deepEqual(names(await api.get("/api/groups", { search: "FLOOR" })), ["Sales"]);
      assert.deepEqual(names(await api.get("/api/groups", { orderby: "name desc" })), ["Support", "Sales", "Billing"]);
      const page = await api.get("/api/groups", { orderby: "name", skip: "1", top: "1" });
      assert.deepEqual([page.body.count, names(page)], [3, ["Sales"]]);
      assert.deepEqual((await api.get("/api/groups")).body.items[2], { id: (await api.get("/api/groups", { filter: "name eq 'Billing'" })).body.items[0].id, name: "Billing", description: null });
    });

    it("refuses a malformed list query on groups with 400 naming the parameter", async () => {
      assertInvalid(await api.get("/api/groups", { filter: "colour eq 'red'" }), ["filter"]);
      assertInvalid(await api.get("/api/groups", { orderby: "outbound_caller_ids" }), ["orderby"]);
      assertInvalid(await api.get("/api/groups", { top: "101" }), ["top"]);
      assertInvalid(await api.get("/api/groups", { skip: "-1" }), ["skip"]);
      assertInvalid(await api.get("/api/groups", { $top: "1" }), ["$top"]);
    });

    it("refuses renaming a group to another group's name in any letter case, and accepts its own in another case", async () => {
      await createGroup({ name: "Sales" });
      const id = await createGroup({ name: "Support" });
      assertInvalid(await api.post(`/api/groups/${id}`, { name: "SALES" }), ["name"]);
      assert.equal((await api.post(`/api/groups/${id}`, { name: "SUPPORT" })).status, 204);
      assert.equal((await api.get(`/api/groups/${id}`)).body.name, "SUPPORT");
    });

    it("clears a description set to null, and requires provider_id and caller_id in every caller id", async () => {
      const id = await createGroup({ name: "Sales", description: "Sales floor" });
      assert.equal((await api.post(`/api/groups/${id}`, { description: null })).status, 204);
      assert.equal((await api.get(`/api/groups/${id}`)).body.description, null);
      assertInvalid(await api.post(`/api/groups/${id}`, { outbound_caller_ids: [{ description: "x" }] }), [
        "outbound_caller_ids[0].provider_id",
        "outbound_caller_ids[0].caller_id",
      ]);
    });

    it("adds a member once however often it is added, and lists members without paging", async () => {
      await createUser();
      const id = await createGroup();
      await api.post(`/api/groups/${id}/members/1001`);
      assert.equal((await api.post(`/api/groups/${id}/members/1001`)).status, 204);
      const members = (await api.get(`/api/groups/${id}/members`)).body;
      assert.deepEqual(Object.keys(members), ["items"]);
      assert.deepEqual(members.items.map((m: { extension_number: string }) => m.extension_number), ["1001"]);
    });

    it("checks the extension of every member endpoint against [0-9]{3,64}, and the group first", async () => {
      await createUser();
      const id = await createGroup();
      for (const path of [`/api/groups/${id}/members/10a1`, `/api/groups/${id}/members/${"1".repeat(65)}/destroy`]) {
        assertInvalid(await api.post(path), ["extension_number"]);
      }
      assertInvalid(await api.get(`/api/groups/${id}/members/12`), ["extension_number"]);
      assertError(await api.post("/api/groups/NzAwNTUxOTA5NzczMTQ4MTYw/members/1001"), 404, "NOT_FOUND", /group/);
      assertError(await api.post(`/api/groups/${id}/members/1009/destroy`), 404, "NOT_FOUND", /no user has extension 1009/);
    });

    it("destroys a group with 204, after which every group endpoint answers 404", async () => {
      const id = await createGroup();
      assert.equal((await api.post(`/api/groups/${id}/destroy`)).status, 204);
      assertError(await api.get(`/api/groups/${id}`), 404, "NOT_FOUND");
      assertError(await api.post(`/api/groups/${id}`, { name: "x" }), 404, "NOT_FOUND");
      assertError(await api.get(`/api/groups/${id}/members`), 404, "NOT_FOUND");
      assertError(await api.post(`/api/groups/${id}/destroy`), 404, "NOT_FOUND");
    });
  });

  describe("test hooks on the handle", () => {
    it("state() returns deep copies with secrets and the Microsoft 365 binding", async () => {
      const id = await createUser();
      await api.post(`/api/users/${id}/ms365_binding`, { id: "alice@contoso.com" });
      const snapshot = sim.state();
      assert.equal(snapshot.users[0].extension_password, "alice-Ext-Secret");
      assert.equal(snapshot.users[0].ms365_binding_id, "alice@contoso.com");
      snapshot.users[0].display_name = "Tampered";
      snapshot.roles.length = 0;
      assert.equal(sim.state().users[0].display_name, "Alice Example");
      assert.equal(sim.state().roles.length, 7);
    });

    it("seedUser() applies the POST /api/users rules, returns the id and is not logged", () => {
      assert.throws(() => sim.seedUser(minimalUser({ extension_number: "12" })), /extension_number/);
      const id = sim.seedUser(minimalUser());
      assert.equal(sim.state().users[0].id, id);
      assert.deepEqual(sim.requests(), []);
    });

    it("seedRole() applies the POST /api/roles rules and returns the name", () => {
      assert.throws(() => sim.seedRole({ name: "Admin" }), /built-in/);
      assert.equal(sim.seedRole(supportRole()), "Support");
      assert.equal(sim.state().roles.length, 8);
    });

    it("mutateUser() changes a user as the PBX admin UI would, visible through GET", async () => {
      const id = await createUser({ department: "Support" });
      sim.mutateUser(id, { display_name: "Changed in the UI", department: null, role: "QueueManager" });
      const user = (await api.get(`/api/users/${id}`)).body;
      assert.equal(user.display_name, "Changed in the UI");
      assert.equal(user.department, null);
      assert.equal(user.role, "QueueManager");
      assert.throws(() => sim.mutateUser(id, { voicemail_pin: "123456" }), /voicemail_pin/);
      assert.throws(() => sim.mutateUser("missing", { department: "x" }), /not found/);
    });

    it("reset() brings back only the built-in roles and clears users, groups, log, faults, tokens and latency", async () => {
      const pair = await login();
      await api.post("/api/roles", supportRole());
      await createUser();
      await api.post("/api/groups", { name: "Sales" });
      sim.injectFault({ kind: "status", status: 500 });
      sim.setLatency(300);
      sim.reset();
      const snapshot = sim.state();
      assert.deepEqual(snapshot.roles.map((role) => role.name), BUILT_IN_ROLES);
      assert.deepEqual([snapshot.users, snapshot.groups], [[], []]);
      assert.deepEqual(sim.requests(), []);
      const started = Date.now();
      assert.equal((await api.get("/api/roles")).status, 200, "the fault was cleared");
      assert.ok(Date.now() - started < 250, "the latency was cleared");
      assertError(await clientFor(sim.url, pair.access_token).get("/api/roles"), 401, "UNAUTHORIZED");
    });
  });
});

describe("pulumi-ucaas-sim CLI", () => {
  it("prints one JSON line with the URLs and UCAAS_PBX_* variables, serves requests and exits cleanly on SIGTERM", async () => {
    const cli = await startCli(["--json", "--latency-ms", "1"], 1);
    try {
      const { portsip } = JSON.parse(cli.lines[0]);
      assert.match(portsip.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(portsip.adminUrl, `${portsip.url}/__admin`);
      assert.deepEqual(portsip.env, { UCAAS_PBX_URL: portsip.url, UCAAS_PBX_TOKEN: "portsip-sim-token" });
      const roles = await clientFor(portsip.env.UCAAS_PBX_URL, portsip.env.UCAAS_PBX_TOKEN).get("/api/roles");
      assert.equal(roles.status, 200);
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });

  it("starts the UMP simulator with --ump and prints its API base as UCAAS_UMP_URL, without a token", async () => {
    const cli = await startCli(["--ump", "--json"], 1);
    try {
      const { ump, portsip } = JSON.parse(cli.lines[0]);
      assert.equal(portsip, undefined);
      assert.match(ump.url, /^http:\/\/127\.0\.0\.1:\d+\/sysadmin\/api$/);
      assert.deepEqual(ump.env, { UCAAS_UMP_URL: ump.url });
      assert.equal((await clientFor(`${ump.url}/`).get("license")).status, 200);
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });

  it("prints shell export lines for the provider in text mode", async () => {
    const cli = await startCli(["--portsip"], 4);
    try {
      const url = /^export UCAAS_PBX_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(cli.lines.join("\n"))?.[1];
      assert.ok(url, cli.lines.join("\n"));
      assert.ok(cli.lines.includes("export UCAAS_PBX_TOKEN=portsip-sim-token"));
      assert.ok(cli.lines.includes(`# admin API: ${url}/__admin`));
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });
});
