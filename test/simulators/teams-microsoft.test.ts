import { strict as assert } from "node:assert";
import { DEFAULT_TEAMS_ADMIN, DEFAULT_TEAMS_CLIENT, startTeamsSimulator, type TeamsSimulatorHandle } from "../../simulators";
import { microsoftUsers, msalObject, signInDirectly, teamsAdminScope, trustInThisProcess } from "../helpers/microsoft";
import { call, type HttpResult } from "../helpers/sim-http";

const basic = `Basic ${Buffer.from(`${DEFAULT_TEAMS_CLIENT.clientId}:${DEFAULT_TEAMS_CLIENT.clientSecret}`).toString("base64")}`;
/** An enterprise that has not granted the reseller its Service Provider Consent. */
const NO_CONSENT = { tenantId: "5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91", sbcGatewayIds: [21], domain: "fabrikam" };

function assertAad(result: HttpResult, error: string, code: number): void {
  assert.equal(result.status, 400, JSON.stringify(result.body));
  assert.equal(result.body.error, error);
  assert.deepEqual(result.body.error_codes, [code]);
  assert.match(result.body.error_description, new RegExp(`^AADSTS${code}: `));
  assert.equal(typeof result.body.correlation_id, "string");
}

describe("Microsoft identity emulation and ConnecttoTeams' authenticationResult", () => {
  let sim: TeamsSimulatorHandle;
  let teamsToken: string;
  const ms = () => sim.microsoft;
  const tokenUrl = (tenantId: string) => `/${tenantId}/oauth2/v2.0/token`;
  const grant = (tenantId: string, form: Record<string, string>) => call(ms().url, "POST", tokenUrl(tenantId), { form: { client_id: ms().client.clientId, ...form } });
  const api = (path: string, json: unknown) => call(sim.url, "POST", path, { token: teamsToken, json });
  const userBody = (tenantId: string, overrides: Record<string, unknown> = {}) => ({
    tenantID: tenantId,
    loginID: "jdoe@contoso.com",
    pbxLocation: "pbx-east",
    pbxUserId: "2001",
    sbcGatewayId: tenantId === NO_CONSENT.tenantId ? 21 : 11,
    teamsUserId: "jdoe@contoso.onmicrosoft.com",
    ...overrides,
  });
  async function enterprise(tenantId: string, who: "admin" | "user" = "admin") {
    const username = microsoftUsers(sim, tenantId)[who];
    return msalObject(await signInDirectly(ms(), tenantId, username), tenantId, username);
  }

  before(async () => {
    sim = await startTeamsSimulator({ tenants: [{ tenantId: "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c", sbcGatewayIds: [11], serviceProviderConsent: true, domain: "contoso" }, NO_CONSENT] });
    trustInThisProcess(ms().caCert);
  });
  beforeEach(async () => {
    sim.reset();
    const login = await call(sim.url, "POST", "/oauth/token", {
      headers: { authorization: basic },
      form: { username: DEFAULT_TEAMS_ADMIN.username, password: DEFAULT_TEAMS_ADMIN.password, grant_type: "password" },
    });
    teamsToken = login.body.access_token;
  });
  after(() => sim.stop());

  describe("the identity platform msal-node reaches", () => {
    it("serves https with a certificate signed by its test CA, and the tenant's OpenID discovery document and keys", async () => {
      assert.match(ms().url, /^https:\/\/127\.0\.0\.1:\d+$/);
      assert.match(ms().caCert, /^-----BEGIN CERTIFICATE-----/);
      const discovery = await call(ms().url, "GET", `/${sim.tenant.tenantId}/v2.0/.well-known/openid-configuration`);
      assert.equal(discovery.status, 200);
      assert.equal(discovery.body.issuer, `${ms().url}/${sim.tenant.tenantId}/v2.0`);
      assert.equal(discovery.body.token_endpoint, `${ms().url}${tokenUrl(sim.tenant.tenantId)}`);
      assert.equal(discovery.body.device_authorization_endpoint, `${ms().url}/${sim.tenant.tenantId}/oauth2/v2.0/devicecode`);
      const keys = await call(ms().url, "GET", new URL(discovery.body.jwks_uri).pathname);
      assert.equal(keys.body.keys[0].kty, "RSA");
      assertAad(await call(ms().url, "GET", "/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration"), "invalid_request", 90002);
    });

    it("runs the device-code flow: pending until the person signs in, then the tokens of that user, once", async () => {
      const { admin } = microsoftUsers(sim);
      const started = await call(ms().url, "POST", `/${sim.tenant.tenantId}/oauth2/v2.0/devicecode`, { form: { client_id: ms().client.clientId, scope: `${teamsAdminScope} offline_access` } });
      assert.equal(started.status, 200);
      assert.match(started.body.user_code, /^[A-Z0-9]{9}$/);
      assert.equal(started.body.interval, 5);
      assert.match(started.body.message, new RegExp(`enter the code ${started.body.user_code} to authenticate`));
      const poll = () => grant(sim.tenant.tenantId, { grant_type: "device_code", device_code: started.body.device_code });
      assertAad(await poll(), "authorization_pending", 70016);
      ms().approveDeviceCode(started.body.user_code, admin);
      const tokens = await poll();
      assert.equal(tokens.status, 200);
      assert.deepEqual(Object.keys(tokens.body).sort(), ["access_token", "client_info", "expires_in", "ext_expires_in", "id_token", "refresh_token", "scope", "token_type"]);
      const claims = JSON.parse(Buffer.from(tokens.body.access_token.split(".")[1], "base64url").toString());
      assert.equal(claims.tid, sim.tenant.tenantId);
      assert.equal(claims.upn, admin);
      assert.deepEqual(claims.wids, ["69091246-20e8-4a56-aa4d-066075b2a7a8"], "the Teams Administrator role");
      assert.equal(claims.aud, "48ac35b8-9aa8-4d74-927d-1f4a14a0b239");
      const idClaims = JSON.parse(Buffer.from(tokens.body.id_token.split(".")[1], "base64url").toString());
      assert.deepEqual([idClaims.aud, idClaims.preferred_username], [ms().client.clientId, admin]);
      assert.deepEqual(JSON.parse(Buffer.from(tokens.body.client_info, "base64url").toString()), { uid: claims.oid, utid: sim.tenant.tenantId });
      assertAad(await poll(), "invalid_grant", 54005);
    });

    it("refuses a declined or expired device code, an unknown app and an unsupported grant", async () => {
      const start = async () => (await call(ms().url, "POST", `/${sim.tenant.tenantId}/oauth2/v2.0/devicecode`, { form: { client_id: ms().client.clientId, scope: teamsAdminScope } })).body;
      const declined = await start();
      ms().declineDeviceCode(declined.user_code);
      assertAad(await grant(sim.tenant.tenantId, { grant_type: "device_code", device_code: declined.device_code }), "authorization_declined", 65004);
      const late = await start();
      ms().advanceClock(901);
      assertAad(await grant(sim.tenant.tenantId, { grant_type: "device_code", device_code: late.device_code }), "expired_token", 70019);
      assertAad(await call(ms().url, "POST", tokenUrl(sim.tenant.tenantId), { form: { client_id: "11111111-2222-3333-4444-555555555555", grant_type: "refresh_token", refresh_token: "x", scope: "y" } }), "unauthorized_client", 700016);
      const password = await grant(sim.tenant.tenantId, { grant_type: "password", username: "a", password: "b" });
      assert.equal(password.body.error, "unsupported_grant_type");
    });

    it("redeems a refresh token for new tokens and a new refresh token; refuses it revoked, expired, or at another tenant", async () => {
      const { admin } = microsoftUsers(sim);
      const first = await signInDirectly(ms(), sim.tenant.tenantId, admin);
      const refresh = (token: string, tenantId = sim.tenant.tenantId) => grant(tenantId, { grant_type: "refresh_token", refresh_token: token, scope: teamsAdminScope });
      const second = await refresh(first.refresh_token);
      assert.equal(second.status, 200);
      assert.notEqual(second.body.refresh_token, first.refresh_token, "a new refresh token with every grant");
      assert.equal((await refresh(first.refresh_token)).status, 200, "the old one stays valid, as Microsoft's do");
      assertAad(await refresh(first.refresh_token, NO_CONSENT.tenantId), "invalid_grant", 9002313);
      ms().advanceClock(91 * 24 * 3600);
      assertAad(await refresh(second.body.refresh_token), "invalid_grant", 700082);
      sim.reset();
      const third = await signInDirectly(ms(), sim.tenant.tenantId, admin);
      assert.equal(ms().revokeRefreshTokens(sim.tenant.tenantId), 1);
      assertAad(await refresh(third.refresh_token), "invalid_grant", 50173);
      const log = JSON.stringify(ms().requests());
      assert.equal(log.includes(third.refresh_token), false, "refresh tokens are redacted in the request log");
    });
  });

  describe("configureUser and disableUsers with authenticationResult", () => {
    const user = (tenantId: string) => sim.state().users.find((u) => u.tenantID === tenantId);

    it("without an MSAL object, configures the user and enables calling only where the enterprise granted consent", async () => {
      assert.equal((await api("/enterprise/configureUser", userBody(sim.tenant.tenantId))).body.callingEnabled, true);
      const answer = await api("/enterprise/configureUser", userBody(NO_CONSENT.tenantId));
      assert.equal(answer.status, 200);
      assert.equal(answer.body.callingEnabled, false);
      assert.equal(user(NO_CONSENT.tenantId)?.callingEnabled, false);
    });

    it("with a Teams administrator's MSAL object of the tenant, enables calling even without consent, and keeps no token", async () => {
      const answer = await api("/enterprise/configureUser", userBody(NO_CONSENT.tenantId, { authenticationResult: await enterprise(NO_CONSENT.tenantId) }));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(user(NO_CONSENT.tenantId)?.callingEnabled, true);
      assert.equal(user(NO_CONSENT.tenantId)?.fields.authenticationResult, undefined);
    });

    it("refuses the sign-in of another tenant, a user without an admin role, an expired or forged token, and an empty one", async () => {
      const body = async (auth: unknown) => api("/enterprise/configureUser", userBody(NO_CONSENT.tenantId, { authenticationResult: auth }));
      const other = await body(await enterprise(sim.tenant.tenantId));
      assert.deepEqual([other.status, other.body.code], [403, "TENANT_MISMATCH"]);
      assert.match(other.body.message, new RegExp(`for tenant ${sim.tenant.tenantId}, not for the enterprise's tenant ${NO_CONSENT.tenantId}`));
      const plain = await body(await enterprise(NO_CONSENT.tenantId, "user"));
      assert.deepEqual([plain.status, plain.body.code], [403, "NOT_ENTERPRISE_ADMIN"]);
      const valid = (await enterprise(NO_CONSENT.tenantId)) as { authenticationResult: { accessToken: string } };
      const forged = structuredClone(valid);
      forged.authenticationResult.accessToken = valid.authenticationResult.accessToken.slice(0, -4) + "AAAA";
      assert.deepEqual([(await body(forged)).status, (await body(forged)).body.code], [400, "INVALID_AUTHENTICATION"]);
      const empty = await body({ authenticationResult: { accessToken: "" }, tenantId: NO_CONSENT.tenantId });
      assert.deepEqual([empty.status, empty.body.code], [400, "VALIDATION_FAILED"]);
      ms().advanceClock(3600);
      const expired = await body(valid);
      assert.deepEqual([expired.status, expired.body.code], [400, "AUTHENTICATION_EXPIRED"]);
      assert.deepEqual(sim.state().users, []);
    });

    it("disableUsers as the enterprise disables calling and removes the users, those marked for deletion too", async () => {
      await api("/enterprise/configureUser", userBody(sim.tenant.tenantId));
      await api("/enterprise/configureUser", userBody(sim.tenant.tenantId, { loginID: "bob@contoso.com" }));
      await api("/provisioning/disableUsers", { tenantId: sim.tenant.tenantId, users: ["bob@contoso.com"] });
      assert.equal(sim.state().users.find((u) => u.loginID === "bob@contoso.com")?.status, "MARKED_FOR_DELETION");
      const removed = await api("/provisioning/disableUsers", { authenticationResult: await enterprise(sim.tenant.tenantId), tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com", "bob@contoso.com"] });
      assert.equal(removed.status, 200);
      assert.deepEqual(removed.body, { tenantId: sim.tenant.tenantId, removed: ["jdoe@contoso.com", "bob@contoso.com"] });
      assert.deepEqual(sim.state().users, []);
      const again = await api("/provisioning/disableUsers", { authenticationResult: await enterprise(sim.tenant.tenantId), tenantId: sim.tenant.tenantId, users: ["jdoe@contoso.com"] });
      assert.deepEqual([again.status, again.body.code], [404, "USER_NOT_FOUND"]);
    });

    it("disableUsers by the reseller alone needs the enterprise's consent; granting it through the admin API lets it mark", async () => {
      await api("/enterprise/configureUser", userBody(NO_CONSENT.tenantId));
      const refused = await api("/provisioning/disableUsers", { tenantId: NO_CONSENT.tenantId, users: ["jdoe@contoso.com"] });
      assert.deepEqual([refused.status, refused.body.code], [403, "CONSENT_REQUIRED"]);
      const granted = await call(sim.adminUrl, "POST", "/__admin/consent", { json: { tenantId: NO_CONSENT.tenantId, granted: true } });
      assert.equal(granted.status, 200);
      assert.equal((await api("/provisioning/disableUsers", { tenantId: NO_CONSENT.tenantId, users: ["jdoe@contoso.com"] })).status, 200);
      assert.equal(user(NO_CONSENT.tenantId)?.status, "MARKED_FOR_DELETION");
      sim.reset();
      assert.equal(sim.state().tenants.find((t) => t.tenantId === NO_CONSENT.tenantId)?.serviceProviderConsent, undefined, "a reset restores the initial consent");
    });

    it("completes a device-code sign-in through the admin API, as a person in the browser would", async () => {
      const started = await call(ms().url, "POST", `/${sim.tenant.tenantId}/oauth2/v2.0/devicecode`, { form: { client_id: ms().client.clientId, scope: teamsAdminScope } });
      const approve = (json: unknown) => call(ms().adminUrl, "POST", "/__admin/device-login", { json });
      assert.equal((await approve({ userCode: started.body.user_code, username: "nobody@contoso.onmicrosoft.com" })).status, 400);
      assert.equal((await approve({ userCode: started.body.user_code, username: microsoftUsers(sim).admin })).status, 200);
      assert.equal((await grant(sim.tenant.tenantId, { grant_type: "device_code", device_code: started.body.device_code })).status, 200);
    });
  });
});
