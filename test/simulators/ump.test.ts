import { strict as assert } from "node:assert";
import { startUmpSimulator, type UmpSimulatorHandle } from "../../simulators";
import { call, clientFor, type HttpResult } from "../helpers/sim-http";

const ALICE = "sip:alice@contoso.com";
const BOB = "sip:bob@contoso.com";

/** An RFC 7807 problem with this status, its detail matching `detail`. */
function assertProblem(result: HttpResult, status: number, detail?: RegExp): void {
  assert.equal(result.status, status, `expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  assert.equal(result.body?.status, status);
  assert.equal(typeof result.body?.title, "string");
  if (detail) assert.match(result.body.detail, detail);
}

/** A 400 whose `errors` name exactly these attributes. */
function assertInvalid(result: HttpResult, attributes: string[]): void {
  assertProblem(result, 400);
  assert.deepEqual(Object.keys(result.body.errors ?? {}).sort(), [...attributes].sort());
}

describe("AudioCodes UMP 365 simulator", () => {
  let sim: UmpSimulatorHandle;
  let api: ReturnType<typeof clientFor>;
  const script = (sip: string, json: unknown) => api.call("PUT", `proxy/endpoint/${sip}/script`, { json });
  const detail = (sip: string) => api.get(`proxy/endpoint/${sip}`);
  const endpoint = (sip: string) => sim.state().endpoints.find((e) => e.SipAddress === sip)!;
  const onPrem = () => sim.state().numberRanges.find((r) => r.NumberRangeType === "SkypeOnPrem")!;

  before(async () => {
    sim = await startUmpSimulator({ licensedUsers: 3 });
    // Paths relative to the API base, as the seed writes them.
    api = clientFor(`${sim.url}/`);
  });
  beforeEach(() => {
    sim.reset();
    sim.seedEndpoint({ SipAddress: ALICE, DisplayName: "Alice Example" });
    sim.seedEndpoint({ SipAddress: BOB, DisplayName: "Bob Example" });
  });
  after(() => sim.stop());

  describe("server core", () => {
    it("serves the API under /sysadmin/api and the admin API at the server root", async () => {
      assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+\/sysadmin\/api$/);
      assert.equal(sim.adminUrl, `${new URL(sim.url).origin}/__admin`);
      const index = await call(sim.adminUrl, "GET", "/__admin");
      assert.equal(index.body.vendor, "ump");
      assert.ok(index.body.routes.includes("POST /__admin/endpoints"));
    });

    it("answers unknown paths with a 404 problem, including the documented pickup-group path without its slash", async () => {
      assertProblem(await api.get("users"), 404, /\/sysadmin\/api\/users/);
      assertProblem(await api.get("proxy/callpickupgroup/number"), 404);
      assert.equal((await api.get("proxy/callpickupgroup/number/")).status, 200);
    });

    it("answers a wrong method with 405 and an Allow header", async () => {
      const result = await api.call("DELETE", `proxy/endpoint/${ALICE}`);
      assertProblem(result, 405);
      assert.equal(result.headers.get("allow"), "GET");
      assertProblem(await api.get("proxy/endpoint/list"), 404, /was not found/);
    });

    it("refuses a /script body that is not application/json with 415, and malformed JSON with 400", async () => {
      assertProblem(await api.call("PUT", `proxy/endpoint/${ALICE}/script`, { raw: '{"City":"Almere"}', contentType: "text/plain" }), 415, /application\/json/);
      assertProblem(await api.call("PUT", `proxy/endpoint/${ALICE}/script`, { raw: '{"City":', contentType: "application/json" }), 400, /malformed JSON/);
      assert.equal(endpoint(ALICE).City, null);
    });
  });

  describe("system calls", () => {
    it("reports the license with the licensed and the voice users in use", async () => {
      sim.mutateEndpoint(ALICE, { EnterpriseVoiceEnabled: true });
      const license = (await api.get("license")).body;
      assert.equal(license.CBUsers, 3);
      assert.equal(license.InUseCceUsers, 1);
      assert.equal(license.MachineID, "ff480e9e-9eec-4f63-9acc-cad12df3f7fd");
      assert.deepEqual(Object.keys(license).slice(0, 2), ["InUseCceUsers", "Customer"]);
    });

    it("reports system information, registrar pools, call pickup groups and SIP domains in the seed's shapes", async () => {
      assert.equal((await api.get("sysinfo")).body.WebAdminVersion, "8.0.0.413");
      assert.deepEqual((await api.get("proxy/registrarpools")).body[0], { Identity: "acs-s4b.ocshost.nl", ReplicationTicks: 0 });
      assert.deepEqual((await api.get("proxy/callpickupgroup/number/")).body, { rows: [{ Id: 1, Num: "#409", Identity: "training", Value: "409_test" }] });
      assert.deepEqual((await api.get("signindomain")).body, [
        { Text: "audiocodes.com", Value: "audiocodes.com" },
        { Text: "hostlync.com", Value: "hostlync.com" },
      ]);
    });

    it("lists the number ranges with the numbers available in each", async () => {
      const { rows } = (await api.get("numberrange")).body;
      assert.deepEqual(rows.map((r: { Identity: string; NumbersAvailable: number }) => [r.Identity, r.NumbersAvailable]), [
        ["MsPhoneSystem(EMEA-NL-ALL-FL_AL)", 10],
        ["Service:ApplicationServer:m800-fe.ocshost.nl/41258", 21],
      ]);
      assert.equal(Object.keys(rows[1])[0], "NumbersAvailable");
      assert.equal(rows[1].NumberRangeStart, "tel:+311111120");
      assert.equal(rows[0].NumberRangeStart, "");
      assert.equal("numbers" in rows[0], false);
    });
  });

  describe("users", () => {
    it("lists users as {Total, Data} with the seed's padded RegistrarPool", async () => {
      const result = await api.post("proxy/endpoint/list");
      assert.equal(result.status, 200);
      assert.equal(result.body.Total, 2);
      const [alice] = result.body.Data;
      assert.equal(alice.SipAddress, ALICE);
      assert.equal(alice.WebName, "Alice Example");
      assert.equal(alice.RegistrarPool, " sfb-ws2019-fe1.ocshost.nl ");
      assert.equal((await api.post("proxy/endpoint/list", {})).status, 200);
      assertInvalid(await api.post("proxy/endpoint/list", { PageSize: 10 }), ["body"]);
    });

    it("returns a user's detail by SIP address, ignoring case, with the seed's stray space before LineURI", async () => {
      await script(ALICE, { LineURI: "tel:+311111121" });
      const result = await detail("SIP:Alice@Contoso.com");
      assert.equal(result.status, 200);
      assert.equal(result.body.SipAddress, ALICE);
      assert.equal(result.body.LineURI, " tel:+311111121");
      assert.equal(result.body.PrivateLine, "");
      assert.equal(result.body.EnterpriseVoiceEnabled, false);
      assert.equal(result.body.Department, null);
      assert.equal((await api.get(`proxy/endpoint/${encodeURIComponent(ALICE)}`)).status, 200, "an encoded SIP address works too");
    });

    it("answers 404 for a user that is not in the directory, on read and on /script", async () => {
      assertProblem(await detail("sip:nobody@contoso.com"), 404, /sip:nobody@contoso\.com was not found/);
      assertProblem(await script("sip:nobody@contoso.com", { City: "Almere" }), 404);
    });
  });

  describe("PUT /script", () => {
    it("applies every documented attribute in one call", async () => {
      const body = {
        FirstName: "Alice",
        LastName: "Example",
        City: "Almere",
        Department: "R&D",
        Office: "2.14",
        PostalCode: "1312 AB",
        StateOrProvince: "Flevoland",
        StreetAddress: "Stationsplein 1",
        UsageLocation: "NL",
        ClientPolicy: "AbsWebSearchOnly",
        ConferencingPolicy: "Conf-EnterpriseCAL",
        HostedVoiceMail: true,
        PinPolicy: "Pin-Standard",
        ExternalAccessPolicy: "NoFederation",
        HostedVoicemailPolicy: "ACS-O365UM",
        MobilityPolicy: "Mobility-Standard",
        EnterpriseVoiceEnabled: true,
        VoicePolicy: "International",
        DialPlan: "LyncAlmere.activevoice.lan",
        LineURI: "tel:+311111121",
        PrivateLine: "Tel:+311111122;ext=22",
        CallPickupGroup: "#409",
        GroupingId: "ad4376fb-ca3a-418a-ba2a-b848442af2b4",
      };
      const result = await script(ALICE, body);
      assert.equal(result.status, 200);
      const stored = endpoint(ALICE);
      for (const [attribute, value] of Object.entries(body)) assert.equal(stored[attribute], value, attribute);
      const view = (await detail(ALICE)).body;
      assert.equal(view.UsageLocation, "NL");
      assert.equal(view.CallPickupGroup, "#409");
    });

    it("refuses unknown attributes, naming each, and changes nothing", async () => {
      const result = await script(ALICE, { City: "Almere", DisplayName: "Changed", lineUri: "tel:+311111121" });
      assertInvalid(result, ["DisplayName", "lineUri"]);
      assert.match(result.body.errors.DisplayName[0], /unknown field/);
      assert.equal(endpoint(ALICE).City, null, "nothing of a refused request is applied");
    });

    it("refuses malformed values: country codes, numbers, pickup groups, GUIDs, booleans and lengths", async () => {
      const result = await script(ALICE, {
        UsageLocation: "nl",
        LineURI: "+311111121",
        PrivateLine: "tel:311111122",
        CallPickupGroup: "409",
        GroupingId: "not-a-guid",
        EnterpriseVoiceEnabled: "true",
        HostedVoiceMail: null,
        FirstName: "x".repeat(65),
      });
      assertInvalid(result, ["UsageLocation", "LineURI", "PrivateLine", "CallPickupGroup", "GroupingId", "EnterpriseVoiceEnabled", "HostedVoiceMail", "FirstName"]);
      assert.match(result.body.errors.LineURI[0], /E164|E\.164/);
      assertInvalid(await script(ALICE, { UsageLocation: "XX" }), ["UsageLocation"]);
      assertInvalid(await script(ALICE, { LineURI: " tel:+311111121" }), ["LineURI"]);
    });

    it("refuses policy and dial plan names it does not know, listing the known ones", async () => {
      const result = await script(ALICE, { VoicePolicy: "Galactic", DialPlan: "Mars", ClientPolicy: "AbsWebSearchOnly" });
      assertInvalid(result, ["VoicePolicy", "DialPlan"]);
      assert.match(result.body.errors.VoicePolicy[0], /policy "Galactic" does not exist; known: International, National, Local/);
      assert.match(result.body.errors.DialPlan[0], /dial plan "Mars" does not exist/);
      sim.seedPolicy("VoicePolicy", "Galactic");
      assert.equal((await script(ALICE, { VoicePolicy: "Galactic" })).status, 200);
    });

    it("requires a JSON object naming at least one attribute", async () => {
      assertInvalid(await script(ALICE, {}), ["body"]);
      assertInvalid(await script(ALICE, ["City"]), ["body"]);
      assertInvalid(await api.call("PUT", `proxy/endpoint/${ALICE}/script`), ["body"]);
    });

    it("clears attributes with null, and lines with null or an empty string", async () => {
      await script(ALICE, { City: "Almere", LineURI: "tel:+311111121", PrivateLine: "tel:+311111122", VoicePolicy: "International" });
      await script(ALICE, { City: null, LineURI: null, PrivateLine: "", VoicePolicy: null });
      const view = (await detail(ALICE)).body;
      assert.deepEqual([view.City, view.LineURI, view.PrivateLine, view.VoicePolicy], [null, "", "", null]);
    });

    it("refuses a number another user holds as LineURI or PrivateLine with 409, naming the holder", async () => {
      await script(BOB, { LineURI: "tel:+311111121", PrivateLine: "tel:+311111125" });
      const taken = await script(ALICE, { LineURI: "TEL:+311111121", City: "Almere" });
      assertProblem(taken, 409, /tel:\+311111121 is already assigned to another user \(sip:bob@contoso\.com, LineURI\)/);
      assertProblem(await script(ALICE, { PrivateLine: "tel:+311111125" }), 409, /PrivateLine/);
      assert.equal(endpoint(ALICE).City, null);
      assert.equal((await script(ALICE, { LineURI: "tel:+311111121;ext=1" })).status, 200, "another extension of the number is another line");
      assert.equal((await script(BOB, { LineURI: "tel:+311111121" })).status, 200, "re-sending a user's own number is fine");
    });

    it("refuses the same number as LineURI and PrivateLine", async () => {
      assertInvalid(await script(ALICE, { LineURI: "tel:+311111121", PrivateLine: "tel:+311111121" }), ["PrivateLine"]);
    });

    it("refuses to enable Enterprise Voice beyond the licensed user count with 403", async () => {
      sim.seedEndpoint({ SipAddress: "sip:carol@contoso.com", EnterpriseVoiceEnabled: true });
      await script(ALICE, { EnterpriseVoiceEnabled: true });
      await script(BOB, { EnterpriseVoiceEnabled: true });
      sim.seedEndpoint({ SipAddress: "sip:dave@contoso.com" });
      const refused = await script("sip:dave@contoso.com", { EnterpriseVoiceEnabled: true, LineURI: "tel:+311111130" });
      assertProblem(refused, 403, /License limit reached: all 3 licensed voice users are in use/);
      assert.equal(endpoint("sip:dave@contoso.com").LineURI, "");
      assert.equal((await script(ALICE, { EnterpriseVoiceEnabled: true })).status, 200, "a user already enabled stays enabled");
      await script(BOB, { EnterpriseVoiceEnabled: false });
      assert.equal((await script("sip:dave@contoso.com", { EnterpriseVoiceEnabled: true })).status, 200, "a released license is reusable");
    });
  });

  describe("number ranges", () => {
    const available = async () =>
      Object.fromEntries((await api.get("numberrange")).body.rows.map((r: { Identity: string; NumbersAvailable: number }) => [r.Identity, r.NumbersAvailable]));

    it("consumes a number when it is assigned, and gives it back when the user moves or releases it", async () => {
      await script(ALICE, { LineURI: "tel:+311111121" });
      await script(BOB, { LineURI: "tel:+31202000105", PrivateLine: "tel:+311111122" });
      assert.deepEqual(await available(), { "MsPhoneSystem(EMEA-NL-ALL-FL_AL)": 9, "Service:ApplicationServer:m800-fe.ocshost.nl/41258": 19 });
      assert.deepEqual(onPrem().assigned.sort(), ["tel:+311111121", "tel:+311111122"]);

      await script(ALICE, { LineURI: "tel:+311111130" });
      assert.deepEqual(onPrem().assigned.sort(), ["tel:+311111122", "tel:+311111130"]);
      await script(BOB, { LineURI: null, PrivateLine: null });
      assert.deepEqual(await available(), { "MsPhoneSystem(EMEA-NL-ALL-FL_AL)": 10, "Service:ApplicationServer:m800-fe.ocshost.nl/41258": 20 });
    });

    it("counts a number with extensions once, and accepts numbers outside every range without counting them", async () => {
      await script(ALICE, { LineURI: "tel:+311111121;ext=1" });
      await script(BOB, { LineURI: "tel:+311111121;ext=2" });
      assert.equal(onPrem().NumbersAvailable, 20);
      sim.seedEndpoint({ SipAddress: "sip:carol@contoso.com", LineURI: "tel:+4930123456" });
      assert.equal(onPrem().NumbersAvailable, 20);
    });

    it("tracks ranges added through the admin API", async () => {
      const added = await call(sim.adminUrl, "POST", "/__admin/number-ranges", {
        json: { Identity: "Lab", NumberRangeStart: "tel:+3120300000", NumberRangeEnd: "tel:+3120300009" },
      });
      assert.equal(added.status, 200);
      await script(ALICE, { LineURI: "tel:+3120300004" });
      const lab = sim.state().numberRanges.find((r) => r.Identity === "Lab")!;
      assert.deepEqual([lab.NumbersAvailable, lab.assigned], [9, ["tel:+3120300004"]]);
      const bad = await call(sim.adminUrl, "POST", "/__admin/number-ranges", { json: { Identity: "Bad", NumberRangeStart: "tel:+39", NumberRangeEnd: "x" } });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /NumberRangeStart/);
    });
  });

  describe("authentication", () => {
    it("needs no token by default, as the seed documents", async () => {
      assert.equal((await clientFor(`${sim.url}/`).get("license")).status, 200);
      assert.equal(sim.requests().at(-1)?.authorized, true);
    });

    it("requires the configured bearer token when started with one, until it is expired", async () => {
      const guarded = await startUmpSimulator({ token: "ump-token-1" });
      try {
        const anonymous = await clientFor(`${guarded.url}/`).get("license");
        assertProblem(anonymous, 401, /missing Authorization/);
        assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer/);
        assertProblem(await clientFor(`${guarded.url}/`, "wrong").get("license"), 401, /invalid bearer token/);
        assert.equal((await clientFor(`${guarded.url}/`, "ump-token-1").get("license")).status, 200);
        guarded.expireTokens();
        assertProblem(await clientFor(`${guarded.url}/`, "ump-token-1").get("license"), 401, /expired/);
        guarded.reset();
        assert.equal((await clientFor(`${guarded.url}/`, "ump-token-1").get("license")).status, 200);
      } finally {
        await guarded.stop();
      }
    });
  });

  describe("faults, latency and the request log", () => {
    it("answers injected faults as problems and drops connections, then recovers", async () => {
      sim.injectFault({ kind: "status", status: 503, method: "PUT", count: 1 });
      assertProblem(await script(ALICE, { City: "Almere" }), 503, /injected fault/);
      assert.equal((await script(ALICE, { City: "Almere" })).status, 200);
      sim.injectFault({ kind: "drop", pathPrefix: "/sysadmin/api/license" });
      await assert.rejects(api.get("license"));
      assert.equal((await api.get("license")).status, 200);
    });

    it("delays responses by the configured latency", async () => {
      sim.setLatency(60);
      const started = Date.now();
      await api.get("license");
      assert.ok(Date.now() - started >= 55);
    });

    it("logs vendor requests with method, path, status and body, but not admin calls", async () => {
      sim.clearRequests();
      await script(ALICE, { LineURI: "tel:+311111121" });
      await call(sim.adminUrl, "GET", "/__admin/state");
      const [entry] = sim.requests();
      assert.equal(sim.requests().length, 1);
      assert.deepEqual([entry.method, entry.path, entry.status, entry.body], ["PUT", `/sysadmin/api/proxy/endpoint/${ALICE}/script`, 200, { LineURI: "tel:+311111121" }]);
    });
  });

  describe("admin API", () => {
    const admin = (path: string, json?: unknown) => call(sim.adminUrl, "POST", `/__admin/${path}`, json === undefined ? {} : { json });

    it("seeds directory users with the same attribute rules, refusing duplicates and bad values in its own format", async () => {
      const created = await admin("endpoints", { SipAddress: "sip:carol@contoso.com", DisplayName: "Carol", LineURI: "tel:+311111133", EnterpriseVoiceEnabled: true });
      assert.deepEqual([created.status, created.body], [201, { SipAddress: "sip:carol@contoso.com" }]);
      assert.equal(onPrem().NumbersAvailable, 20);
      const duplicate = await admin("endpoints", { SipAddress: "sip:CAROL@contoso.com" });
      assert.equal(duplicate.status, 409);
      assert.match(duplicate.body.error.message, /already exists/);
      const taken = await admin("endpoints", { SipAddress: "sip:dave@contoso.com", LineURI: "tel:+311111133" });
      assert.equal(taken.status, 409);
      const invalid = await admin("endpoints", { SipAddress: "dave", Colour: "blue" });
      assert.equal(invalid.status, 400);
      assert.match(invalid.body.error.message, /Colour: unknown field/);
    });

    it("edits a user out of band, sets the license, adds policies, expires tokens, shows the state and resets", async () => {
      assert.equal((await admin(`endpoints/${ALICE}`, { DialPlan: "NL-Rotterdam", DisplayName: "Alice (renamed)" })).status, 200);
      assert.equal(endpoint(ALICE).DialPlan, "NL-Rotterdam");
      assert.equal((await admin(`endpoints/${ALICE}`, { DialPlan: "Nowhere" })).status, 400);
      await script(BOB, { LineURI: "tel:+311111121" });
      assert.equal((await call(sim.adminUrl, "DELETE", `/__admin/endpoints/${BOB}`)).status, 200);
      assertProblem(await detail(BOB), 404);
      assert.equal(onPrem().NumbersAvailable, 21, "a user leaving the directory frees its number");
      assert.equal((await call(sim.adminUrl, "DELETE", `/__admin/endpoints/${BOB}`)).status, 404);
      assert.equal((await admin("license", { licensedUsers: 7 })).status, 200);
      assert.equal((await api.get("license")).body.CBUsers, 7);
      assert.equal((await admin("license", { licensedUsers: -1 })).status, 400);
      assert.equal((await admin("policies", { attribute: "DialPlan", name: "NL-Utrecht" })).status, 200);
      assert.ok(sim.state().policies.DialPlan.includes("NL-Utrecht"));
      assert.equal((await admin("policies", { attribute: "ColourPolicy", name: "Blue" })).status, 400);
      assert.equal((await admin("expire-tokens")).status, 200);
      const state = (await call(sim.adminUrl, "GET", "/__admin/state")).body;
      assert.deepEqual(state.license, { licensedUsers: 7, voiceUsers: 0 });
      assert.equal(state.endpoints.length, 1);
      assert.equal((await admin("reset", {})).status, 200);
      assert.deepEqual(sim.state().endpoints, []);
      assert.equal(sim.state().license.licensedUsers, 3);
      assert.equal(sim.state().policies.DialPlan.includes("NL-Utrecht"), false);
    });
  });
});
