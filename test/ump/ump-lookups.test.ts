import { strict as assert } from "node:assert";
import { ump } from "pulumi-ucaas";
import { fakeProviderText, providerFor } from "../helpers/providers";
import { assertNamesMissingSetting, restoreUcaasVariablesAfterEach } from "../helpers/settings";
import { seedDirectoryUser, umpEndpointArgs, umpRequests, useUmpSimulator } from "../helpers/ump";

describe("ucaas.ump lookups against the UMP simulator", () => {
    const sim = useUmpSimulator({ licensedUsers: 25 });

    it("numberRanges() lists the ranges in camelCase, trimmed, with the numbers still available", async () => {
        seedDirectoryUser(sim(), "sip:alice@contoso.com", { LineURI: "tel:+311111121", EnterpriseVoiceEnabled: true });
        const ranges = await ump.numberRanges();
        assert.deepEqual(ranges.map((r) => [r.identity, r.numberRangeType, r.numbersAvailable]), [
            ["MsPhoneSystem(EMEA-NL-ALL-FL_AL)", "MsPhoneSystem", 10],
            ["Service:ApplicationServer:m800-fe.ocshost.nl/41258", "SkypeOnPrem", 20],
        ]);
        assert.equal(ranges[1].numberRangeStart, "tel:+311111120");
        assert.equal(ranges[1].announcementServerFqdn, "m800-fe.ocshost.nl");
        assert.deepEqual(umpRequests(sim()).map((r) => [r.method, r.path]), [["GET", "numberrange"]]);
    });

    it("signInDomains(), registrarPools() and license() return UMP's data in camelCase", async () => {
        seedDirectoryUser(sim(), "sip:alice@contoso.com", { EnterpriseVoiceEnabled: true });
        assert.deepEqual(await ump.signInDomains(), [
            { text: "audiocodes.com", value: "audiocodes.com" },
            { text: "hostlync.com", value: "hostlync.com" },
        ]);
        assert.deepEqual((await ump.registrarPools()).map((p) => p.identity), ["acs-s4b.ocshost.nl", "m800-fe.ocshost.nl", "sfb-ws2019-fe1.ocshost.nl"]);
        const license = await ump.license();
        assert.equal(license.cbUsers, 25);
        assert.equal(license.inUseCceUsers, 1);
        assert.equal(license.machineId, "ff480e9e-9eec-4f63-9acc-cad12df3f7fd");
        assert.equal(license.cbstdSysPair, 0);
    });

    it("fails with UMP's message and the operation in words", async () => {
        sim().injectFault({ kind: "status", status: 404, pathPrefix: "/sysadmin/api/license" });
        await assert.rejects(ump.license(), /AudioCodes UMP: read the license failed: HTTP 404 Not Found: injected fault/);
    });
});

describe("UMP settings", () => {
    const provider = providerFor("UmpEndpoint");
    restoreUcaasVariablesAfterEach();

    it("names the config key and the environment variable when the UMP URL is missing, also in an operation that skipped check", async () => {
        delete process.env.UCAAS_UMP_URL;
        await assertNamesMissingSetting(provider.create({ ...umpEndpointArgs(), __provider: fakeProviderText }), "ucaas:umpUrl", "UCAAS_UMP_URL");
        await assertNamesMissingSetting(ump.numberRanges(), "ucaas:umpUrl", "UCAAS_UMP_URL");
    });

    it("refuses plain http to another host unless insecureHttp is set", async () => {
        process.env.UCAAS_UMP_URL = "http://ump.example.com/sysadmin/api";
        await assert.rejects(ump.license(), /refusing plain http:\/\/ to ump\.example\.com.*ucaas:insecureHttp/);
    });
});
