import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DEFAULT_TEAMS_ADMIN, DEFAULT_TEAMS_CLIENT, startTeamsSimulator, type TeamsSimulatorHandle } from "../../simulators";
import { startCli } from "../helpers/cli";
import { microsoftUsers, msalObject, signInDirectly } from "../helpers/microsoft";
import { call, type CallOptions, type HttpResult } from "../helpers/sim-http";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

/** The smallest valid configureUser body for the default tenant: the six required fields. */
function minimalBody(sim: TeamsSimulatorHandle, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenantID: sim.tenant.tenantId,
    loginID: "jdoe@contoso.com",
    pbxLocation: "pbx-east",
    pbxUserId: "2001",
    sbcGatewayId: sim.tenant.sbcGatewayIds[0],
    teamsUserId: "jdoe@contoso.onmicrosoft.com",
    ...overrides,
  };
}

/** A valid MSAL object: a Teams administrator of the default tenant signed in at the simulated Microsoft. */
let enterpriseAuth: Record<string, unknown> | undefined;

/** Every documented field of configureUser, with valid values. */
function fullBody(sim: TeamsSimulatorHandle, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return minimalBody(sim, {
    authenticationResult: enterpriseAuth,
    callPolicyInfo: { callPolicyCNAM: "CNAM", callPolicyCallerId: "+12025550100", callPolicyName: "Sales", forwardedCallsCallerId: "USER", resellerId: 1001 },
    codecs: "PCMU,PCMA",
    deviceName: "desk",
    deviceType: "SIP",
    email: "jdoe@contoso.com",
    firstName: "John",
    lastName: "Doe",
    linePort: "jdoe_1",
    macAddress: "00:11:22:33:44:55",
    password: "sip-Secret-1",
    rePassword: "sip-Secret-1",
    pbxAuthUserId: "auth2001",
    pbxCallPolicyInfo: { callPolicyCNAM: "OTHER", callPolicyCustomCNAM: "Contoso", callPolicyName: "Sales", forwardedCallsCallerId: "TRANSPARENT", resellerId: 1001 },
    phoneNumber: "+12025550101",
    portalLoginName: "jdoe",
    portalPassword: "portal-Secret-2",
    provisioningPassword: "prov-Secret-3",
    provisioningUsername: "jdoe-prov",
    sipAutoProvisioningEnabled: true,
    useAudioConferenceVRP: false,
    useEnterpriseDialPlan: true,
    useTeamsVoicemail: true,
    userTag: "sales",
    userType: "PBX",
    ...overrides,
  });
}

function assertApiError(result: HttpResult, status: number, code: string, message?: RegExp): void {
  assert.equal(result.status, status, `expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  assert.equal(result.body.status, status);
  assert.equal(result.body.code, code);
  assert.equal(typeof result.body.error, "string");
  assert.equal(typeof result.body.timestamp, "string");
  if (message) assert.match(result.body.message, message);
}

/** A 400 VALIDATION_FAILED naming exactly these fields (any order). */
function assertInvalid(result: HttpResult, fields: string[]): Array<{ field: string; message: string }> {
  assertApiError(result, 400, "VALIDATION_FAILED");
  assert.deepEqual(result.body.errors.map((e: { field: string }) => e.field).sort(), [...fields].sort());
  return result.body.errors;
}

describe("ConnecttoTeams simulator", () => {
  let sim: TeamsSimulatorHandle;
  let token: string;
  const login = (form: Record<string, string> = {}, authorization = basic(DEFAULT_TEAMS_CLIENT.clientId, DEFAULT_TEAMS_CLIENT.clientSecret)) =>
    call(sim.url, "POST", "/oauth/token", {
      headers: { authorization },
      form: { username: DEFAULT_TEAMS_ADMIN.username, password: DEFAULT_TEAMS_ADMIN.password, grant_type: "password", ...form },
    });
  const api = (method: string, path: string, options: CallOptions = {}) => call(sim.url, method, path, { token, ...options });
  const configure = (body: unknown) => api("POST", "/enterprise/configureUser", { json: body });
  const disable = (body: unknown) => api("POST", "/provisioning/disableUsers", { json: body });

  before(async () => {
    sim = await startTeamsSimulator();
    const { admin } = microsoftUsers(sim);
    enterpriseAuth = msalObject(await signInDirectly(sim.microsoft, sim.tenant.tenantId, admin), sim.tenant.tenantId, admin);
  });
  beforeEach(async () => {
    sim.reset();
    token = (await login()).body.access_token;
    sim.clearRequests();
  });
  after(() => sim.stop());

  describe("POST /oauth/token", () => {
    it("issues a bearer token for the API client (HTTP Basic) and a portal admin (password grant)", async () => {
      const result = await login();
      assert.equal(result.status, 200);
      assert.equal(result.body.token_type, "bearer");
      assert.equal(result.body.expires_in, 43199);
      assert.equal(result.body.refresh_token, undefined, "no refresh token is documented");
      assert.equal((await configure(minimalBody(sim))).status, 200);
    });

    it("refuses a wrong or missing client with 401 invalid_client", async () => {
      for (const authorization of [basic(DEFAULT_TEAMS_CLIENT.clientId, "wrong"), basic("someone", DEFAULT_TEAMS_CLIENT.clientSecret), ""]) {
        const result = await login({}, authorization);
        assert.equal(result.status, 401);
        assert.deepEqual(result.body, { error: "invalid_client", error_description: "Bad client credentials" });
      }
    });

    it("refuses a wrong admin with 400 invalid_grant, and other grants and parameters with 400", async () => {
      assert.deepEqual((await login({ password: "wrong" })).body, { error: "invalid_grant", error_description: "Bad credentials" });
      assert.equal((await login({ username: "nobody" })).body.error, "invalid_grant");
      assert.equal((await login({ grant_type: "client_credentials" })).body.error, "unsupported_grant_type");
      assert.equal((await login({ grant_type: "" })).body.error, "invalid_request");
      const extra = await login({ client_secret: "in-the-body" });
      assert.equal(extra.status, 400);
      assert.match(extra.body.error_description, /client_secret/);
    });

    it("takes only a form body", async () => {
      const result = await call(sim.url, "POST", "/oauth/token", {
        headers: { authorization: basic(DEFAULT_TEAMS_CLIENT.clientId, DEFAULT_TEAMS_CLIENT.clientSecret) },
        json: { username: DEFAULT_TEAMS_ADMIN.username, password: DEFAULT_TEAMS_ADMIN.password, grant_type: "password" },
      });
      assertApiError(result, 415, "UNSUPPORTED_MEDIA_TYPE");
    });
  });

  describe("bearer tokens", () => {
    it("answers 401 for a missing, unknown or expired token", async () => {
      const missing = await call(sim.url, "POST", "/enterprise/configureUser", { json: minimalBody(sim) });
      assert.equal(missing.status, 401);
      assert.equal(missing.body.error, "unauthorized");
      const unknown = await call(sim.url, "POST", "/enterprise/configureUser", { token: "made-up", json: minimalBody(sim) });
      assert.deepEqual([unknown.status, unknown.body.error], [401, "invalid_token"]);
      sim.expireTokens();
      const expired = await configure(minimalBody(sim));
      assert.deepEqual([expired.status, expired.body.error_description], [401, "Access token expired"]);
      assert.deepEqual(sim.state().users, []);
    });
  });

  describe("PUT /reseller/getAuthenticatedUser", () => {
    it("returns the admin's type and reseller id for the documented bare body and for a JSON string", async () => {
      for (const raw of ["api-admin", JSON.stringify("api-admin")]) {
        const result = await api("PUT", "/reseller/getAuthenticatedUser", { raw, contentType: "application/json" });
        assert.equal(result.status, 200);
        assert.deepEqual(result.body, { username: "api-admin", type: "RESELLER", resellerId: 1001 });
      }
    });

    it("answers 405 to another method and 415 to another content type", async () => {
      assertApiError(await api("GET", "/reseller/getAuthenticatedUser"), 405, "METHOD_NOT_ALLOWED");
      assertApiError(await api("PUT", "/reseller/getAuthenticatedUser", { raw: "api-admin", contentType: "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
    });
  });

  describe("POST /enterprise/configureUser", () => {
    it("adds a new user with the documented defaults and answers ADD", async () => {
      const result = await configure(minimalBody(sim));
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, { operation: "ADD", tenantID: sim.tenant.tenantId, loginID: "jdoe@contoso.com", userType: "PBX", status: "ACTIVE", callingEnabled: true });
      const [user] = sim.state().users;
      assert.equal(user.status, "ACTIVE");
      assert.equal(user.fields.userType, "PBX");
      assert.deepEqual(user.fields.pbxCallPolicyInfo, { callPolicyCNAM: "TRANSPARENT", callPolicyName: "Global", forwardedCallsCallerId: "USER_CALLER_ID" });
    });

    it("accepts every documented field, keeps all but the MSAL object, and keeps given policy values over defaults", async () => {
      assert.equal((await configure(fullBody(sim))).status, 200);
      const [user] = sim.state().users;
      assert.equal(user.fields.authenticationResult, undefined);
      assert.equal(user.fields.portalPassword, "portal-Secret-2");
      assert.deepEqual(user.fields.pbxCallPolicyInfo, fullBody(sim).pbxCallPolicyInfo);
      assert.equal(user.fields.useAudioConferenceVRP, false);
    });

    it("edits the user when the tenant already has the login id, answering EDIT and replacing its fields", async () => {
      await configure(fullBody(sim));
      const result = await configure(minimalBody(sim, { pbxUserId: "2002" }));
      assert.equal(result.body.operation, "EDIT");
      const users = sim.state().users;
      assert.equal(users.length, 1);
      assert.equal(users[0].fields.pbxUserId, "2002");
      assert.equal(users[0].fields.email, undefined, "fields left out of the edit are cleared");
    });

    it("keeps users of different tenants with the same login id apart", async () => {
      const other = await startTeamsSimulator({ tenants: [sim.tenant, { tenantId: "tenant-two", sbcGatewayIds: [5] }] });
      try {
        const otherToken = (await call(other.url, "POST", "/oauth/token", {
          headers: { authorization: basic(DEFAULT_TEAMS_CLIENT.clientId, DEFAULT_TEAMS_CLIENT.clientSecret) },
          form: { username: DEFAULT_TEAMS_ADMIN.username, password: DEFAULT_TEAMS_ADMIN.password, grant_type: "password" },
        })).body.access_token;
        const send = (body: unknown) => call(other.url, "POST", "/enterprise/configureUser", { token: otherToken, json: body });
        assert.equal((await send(minimalBody(sim))).body.operation, "ADD");
        assert.equal((await send(minimalBody(sim, { tenantID: "tenant-two", sbcGatewayId: 5 }))).body.operation, "ADD");
        assert.equal(other.state().users.length, 2);
      } finally {
        await other.stop();
      }
    });

    it("names every missing or empty required field with the vendor's message", async () => {
      const errors = assertInvalid(await configure({}), ["loginID", "pbxLocation", "pbxUserId", "sbcGatewayId", "teamsUserId", "tenantID"]);
      const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
      assert.equal(byField.loginID, "Login ID - cannot be empty");
      assert.equal(byField.pbxLocation, "PBX ID - cannot be empty");
      assert.equal(byField.sbcGatewayId, "SBC Gateway identifier - value must be greater than 0");
      const empty = await configure(minimalBody(sim, { loginID: "", teamsUserId: " ", tenantID: null, sbcGatewayId: 0 }));
      assertInvalid(empty, ["loginID", "teamsUserId", "tenantID", "sbcGatewayId"]);
      assert.deepEqual(sim.state().users, []);
    });

    it("refuses values outside the documented enums and types, and unknown fields", async () => {
      const result = await configure(
        minimalBody(sim, {
          pbxCallPolicyInfo: { callPolicyCNAM: "CUSTOM", forwardedCallsCallerId: "NONE" },
          sbcGatewayId: "11",
          useTeamsVoicemail: "yes",
          colour: "blue",
        }),
      );
      assertInvalid(result, ["pbxCallPolicyInfo.callPolicyCNAM", "pbxCallPolicyInfo.forwardedCallsCallerId", "sbcGatewayId", "useTeamsVoicemail", "colour"]);
    });

    it("still accepts the deprecated directRouteId and disableTeamsVoicemail", async () => {
      assert.equal((await configure(minimalBody(sim, { directRouteId: 3, disableTeamsVoicemail: true }))).status, 200);
    });

    it("refuses an unknown tenant with 404 and an SBC gateway the enterprise does not have with 400", async () => {
      assertApiError(await configure(minimalBody(sim, { tenantID: "no-such-tenant" })), 404, "TENANT_NOT_FOUND", /no-such-tenant/);
      assertApiError(await configure(minimalBody(sim, { sbcGatewayId: 99 })), 400, "INVALID_SBC_GATEWAY", /SBC Gateway 99/);
      assert.deepEqual(sim.state().users, []);
    });

    it("refuses other content types, malformed JSON, other methods and wrong paths in the vendor's format", async () => {
      assertApiError(await api("POST", "/enterprise/configureUser", { raw: "loginID=x", contentType: "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE");
      assertApiError(await api("POST", "/enterprise/configureUser", { raw: "{", contentType: "application/json" }), 400, "VALIDATION_FAILED", /malformed/);
      assertApiError(await api("PUT", "/enterprise/configureUser", { json: minimalBody(sim) }), 405, "METHOD_NOT_ALLOWED");
      assertApiError(await api("POST", "/enterprise/configureUser/", { json: minimalBody(sim) }), 404, "NOT_FOUND");
      assertApiError(await api("POST", "/enterprise/configureUsers", { json: minimalBody(sim) }), 404, "NOT_FOUND");
    });

    it("logs requests with every password and token redacted", async () => {
      await login();
      await configure(fullBody(sim));
      const log = JSON.stringify(sim.requests());
      const msal = (enterpriseAuth as { authenticationResult: Record<string, string> }).authenticationResult;
      for (const secret of ["sip-Secret-1", "portal-Secret-2", "prov-Secret-3", msal.accessToken, msal.refreshToken, msal.idToken, DEFAULT_TEAMS_ADMIN.password]) {
        assert.equal(log.includes(secret), false, `the request log contains ${secret}`);
      }
    });
  });

  describe("POST /provisioning/disableUsers and synchronization", () => {
    const marked = () => sim.state().users.map((u) => [u.loginID, u.status]);

    it("called by the reseller alone, only marks the user for deletion; a later sync removes it", async () => {
      await configure(minimalBody(sim));
      const result = await disable({ tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com"] });
      assert.equal(result.status, 200);
      assert.deepEqual(result.body, { tenantId: sim.tenant.tenantId, markedForDeletion: ["jdoe@contoso.com"] });
      assert.deepEqual(marked(), [["jdoe@contoso.com", "MARKED_FOR_DELETION"]]);
      assert.ok(sim.state().users[0].markedForDeletionAt);
      assert.equal(sim.sync(), 1);
      assert.deepEqual(sim.state().users, []);
    });

    it("answers 409 for a user already disabled and 404 for an unknown one", async () => {
      await configure(minimalBody(sim));
      await disable({ tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com"] });
      assertApiError(await disable({ tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com"] }), 409, "USER_ALREADY_DISABLED");
      assertApiError(await disable({ tenantId: sim.tenant.tenantId, users: ["nobody@contoso.com"] }), 404, "USER_NOT_FOUND");
      assertApiError(await disable({ tenantId: "no-such-tenant", users: ["jdoe@contoso.com"] }), 404, "TENANT_NOT_FOUND");
    });

    it("marks every active user of the tenant with updateAllUsers, filtered by userType", async () => {
      await configure(minimalBody(sim));
      await configure(minimalBody(sim, { loginID: "svc@contoso.com", userType: "Service" }));
      const result = await disable({ tenantId: sim.tenant.tenantId, updateAllUsers: true, userType: "PBX" });
      assert.deepEqual(result.body.markedForDeletion, ["jdoe@contoso.com"]);
      assert.deepEqual(marked(), [["jdoe@contoso.com", "MARKED_FOR_DELETION"], ["svc@contoso.com", "ACTIVE"]]);
    });

    it("requires a tenant and a user selection, and refuses unknown fields", async () => {
      assertInvalid(await disable({ loginIds: ["x"] }), ["loginIds", "tenantId", "users"]);
      assertInvalid(await disable({ tenantId: sim.tenant.tenantId, users: [] }), ["users"]);
    });

    it("configures a user marked for deletion again, as an edit that clears the mark", async () => {
      await configure(minimalBody(sim));
      await disable({ tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com"] });
      assert.equal((await configure(minimalBody(sim))).body.operation, "EDIT");
      assert.deepEqual(marked(), [["jdoe@contoso.com", "ACTIVE"]]);
      assert.equal(sim.sync(), 0);
    });
  });

  describe("admin API", () => {
    const admin = (method: string, path: string, json?: unknown) => call(sim.adminUrl, method, `/__admin${path}`, json === undefined ? {} : { json });

    it("shows both deletion states, runs a sync and resets", async () => {
      await configure(minimalBody(sim));
      await configure(minimalBody(sim, { loginID: "gone@contoso.com" }));
      await disable({ tenantId: sim.tenant.tenantId, users: ["gone@contoso.com"] });
      const state = await admin("GET", "/state");
      assert.deepEqual(state.body.users.map((u: { status: string }) => u.status), ["ACTIVE", "MARKED_FOR_DELETION"]);
      assert.deepEqual(state.body.tenants, [sim.tenant]);
      assert.deepEqual((await admin("POST", "/sync", { tenantId: sim.tenant.tenantId })).body, { removed: 1 });
      assert.equal((await admin("POST", "/sync", { tenant: 1 })).status, 400);
      assert.equal((await admin("POST", "/reset")).status, 200);
      assert.deepEqual(sim.state().users, []);
      assert.deepEqual(sim.requests(), []);
    });

    it("expires tokens and injects faults rendered in the vendor's format", async () => {
      assert.equal((await admin("POST", "/expire-tokens")).status, 200);
      assert.equal((await configure(minimalBody(sim))).status, 401);
      token = (await login()).body.access_token;
      assert.equal((await admin("POST", "/faults", { kind: "status", status: 503, pathPrefix: "/enterprise" })).status, 201);
      assertApiError(await configure(minimalBody(sim)), 503, "INTERNAL_ERROR", /injected/);
      assert.equal((await configure(minimalBody(sim))).status, 200);
    });
  });

  describe("seedUser", () => {
    it("applies the configureUser rules without being logged", () => {
      assert.equal(sim.seedUser(minimalBody(sim)), "ADD");
      assert.equal(sim.seedUser(minimalBody(sim)), "EDIT");
      assert.throws(() => sim.seedUser({ loginID: "x" }), /PBX ID - cannot be empty/);
      assert.deepEqual(sim.requests(), []);
    });
  });
});

describe("pulumi-ucaas-sim CLI with --teams", () => {
  it("prints the UCAAS_TEAMS_* variables and serves the ConnecttoTeams API", async () => {
    const cli = await startCli(["--teams", "--json"], 1);
    try {
      const { teams, portsip } = JSON.parse(cli.lines[0]);
      assert.equal(portsip, undefined);
      assert.deepEqual(teams.env, {
        UCAAS_TEAMS_URL: teams.url,
        UCAAS_TEAMS_CLIENT_ID: DEFAULT_TEAMS_CLIENT.clientId,
        UCAAS_TEAMS_CLIENT_SECRET: DEFAULT_TEAMS_CLIENT.clientSecret,
        UCAAS_TEAMS_USERNAME: DEFAULT_TEAMS_ADMIN.username,
        UCAAS_TEAMS_PASSWORD: DEFAULT_TEAMS_ADMIN.password,
        UCAAS_TEAMS_MICROSOFT_AUTHORITY: teams.env.UCAAS_TEAMS_MICROSOFT_AUTHORITY,
        UCAAS_TEAMS_MICROSOFT_CLIENT_ID: teams.env.UCAAS_TEAMS_MICROSOFT_CLIENT_ID,
        NODE_EXTRA_CA_CERTS: teams.env.NODE_EXTRA_CA_CERTS,
      });
      assert.match(teams.env.UCAAS_TEAMS_MICROSOFT_AUTHORITY, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.match(fs.readFileSync(teams.env.NODE_EXTRA_CA_CERTS, "utf8"), /^-----BEGIN CERTIFICATE-----/);
      const result = await call(teams.url, "POST", "/oauth/token", {
        headers: { authorization: basic(teams.env.UCAAS_TEAMS_CLIENT_ID, teams.env.UCAAS_TEAMS_CLIENT_SECRET) },
        form: { username: teams.env.UCAAS_TEAMS_USERNAME, password: teams.env.UCAAS_TEAMS_PASSWORD, grant_type: "password" },
      });
      assert.equal(result.status, 200);
    } finally {
      assert.equal(await cli.stop(), 0);
    }
  });
});
