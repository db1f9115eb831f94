/**
 * The UMP simulator's own reading of the seed (audiocodes-ump365-rest-api.txt), fact by fact:
 * telephone lines (simulators/ump/line-uri.ts) and usage locations (simulators/ump/usage-location.ts).
 * Each test names the seed lines it checks; "reading" marks what the seed leaves open.
 */
import { strict as assert } from "node:assert";
import { startUmpSimulator, type UmpSimulatorHandle } from "../../simulators";
import { canonicalLine, e164Of, readLine } from "../../simulators/ump/line-uri";
import { assignedCountryCodes, isAssignedCountryCode } from "../../simulators/ump/usage-location";
import { call } from "../helpers/sim-http";

const ALICE = "sip:alice@contoso.com";

describe("UMP simulator: its own reading of the seed", () => {
  describe("telephone lines (LineURI, PrivateLine)", () => {
    it("seed 443-447: E.164 preceded by Tel:, e.g. Tel:+31365461212", () => {
      assert.deepEqual(readLine("Tel:+31365461212"), { e164: "+31365461212" });
    });

    it("seed 459: the prefix also written tel: (any letter case, as URI schemes)", () => {
      assert.deepEqual(readLine("tel:+3100000102"), { e164: "+3100000102" });
      assert.equal(canonicalLine("TEL:+3100000201"), "tel:+3100000201");
    });

    it("seed 340: a stored value with UMP's stray leading space is the same line", () => {
      assert.equal(canonicalLine(" tel:+31365461212"), "tel:+31365461212");
      assert.equal(e164Of(" tel:+31365461212"), "+31365461212");
    });

    it("seed 443-447: no prefix, no plus, or not E.164 is not a line", () => {
      for (const text of ["+31365461212", "tel:31365461212", "tel:+0365461212", "tel:+1234567890123456", "tel:+123456", "tel: +31365461212", "sip:+31365461212"]) {
        assert.equal(readLine(text), undefined, text);
      }
    });

    it("reading (seed silent): an extension as ;ext=<digits>, the same number of a range", () => {
      assert.deepEqual(readLine("tel:+311111121;ext=1212"), { e164: "+311111121", ext: "1212" });
      assert.equal(canonicalLine("Tel:+311111121;EXT=12"), "tel:+311111121;ext=12");
      assert.equal(e164Of("tel:+311111121;ext=12"), "+311111121");
      for (const text of ["tel:+311111121;ext=", "tel:+311111121;ext=12a", "tel:+311111121;phone-context=x", "tel:+311111121;ext=1;ext=2"]) {
        assert.equal(readLine(text), undefined, text);
      }
    });
  });

  describe("usage location", () => {
    it("seed 419-421: ISO 3166-1 alpha-2, e.g. US and FR", () => {
      assert.ok(isAssignedCountryCode("US") && isAssignedCountryCode("FR"));
    });

    it("seed 419 (ISO 3166-1 alpha-2): the 249 assigned codes, each a region CLDR names; not lower case, not reserved codes", () => {
      const codes = assignedCountryCodes();
      assert.equal(new Set(codes).size, 249);
      const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
      assert.deepEqual(codes.filter((code) => !names.of(code)), [], "every code names a region");
      for (const code of ["us", "Us", "UK", "EU", "XK", "AC", "SU", "YU", "ZZ", "U", "USA", ""]) assert.equal(isAssignedCountryCode(code), false, code);
    });
  });

  describe("over HTTP", () => {
    let sim: UmpSimulatorHandle;
    const script = (json: unknown) => call(sim.url, "PUT", `/sysadmin/api/proxy/endpoint/${ALICE}/script`, { json });

    before(async () => {
      sim = await startUmpSimulator();
    });
    beforeEach(() => {
      sim.reset();
      sim.seedEndpoint({ SipAddress: ALICE });
    });
    after(() => sim.stop());

    it("seed 443-447, 419-421: /script takes Tel: lines and assigned codes, and refuses what it cannot read", async () => {
      assert.equal((await script({ LineURI: "Tel:+31365461212", PrivateLine: "tel:+31365461213;ext=13", UsageLocation: "FR" })).status, 200);
      const refused = await script({ LineURI: "tel:+1234567890123456", UsageLocation: "UK" });
      assert.equal(refused.status, 400);
      assert.deepEqual(Object.keys(refused.body.errors).sort(), ["LineURI", "UsageLocation"]);
    });

    it("seed 340 and 290: the detail answers LineURI with a leading space, the list without", async () => {
      await script({ LineURI: "tel:+31365461212" });
      assert.equal((await call(sim.url, "GET", `/sysadmin/api/proxy/endpoint/${ALICE}`)).body.LineURI, " tel:+31365461212");
      assert.equal((await call(sim.url, "POST", "/sysadmin/api/proxy/endpoint/list")).body.Data[0].LineURI, "tel:+31365461212");
    });
  });
});
