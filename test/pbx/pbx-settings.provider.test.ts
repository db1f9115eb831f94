import { strict as assert } from "node:assert";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { requestsTo, usePortSipSimulator } from "../helpers/portsip";
import { pbxUserArgs } from "../helpers/fixtures";
import { assertNamesMissingSetting, restoreUcaasVariablesAfterEach } from "../helpers/settings";

const provider = providerFor("PbxUser");

describe("PortSIP credentials and endpoint settings", () => {
    describe("with username and password instead of a token", () => {
        const sim = usePortSipSimulator({ login: true, users: [{ username: "provisioner", password: "provisioner-secret" }] });

        it("logs in once for many requests, and once more after the token is revoked", async () => {
            for (const [i, ext] of ["3001", "3002", "3003"].entries()) {
                const inputs = await checked(provider, pbxUserArgs({ name: `user${i}`, extensionNumber: ext }));
                await provider.create({ ...inputs, __provider: fakeProviderText });
            }
            assert.equal(requestsTo(sim(), "/api/login/oauth/token").length, 1);
            sim().expireTokens();
            const [user] = sim().state().users;
            const read = await provider.read(user.id, { name: user.name, extensionNumber: user.extension_number });
            assert.equal(read.id, user.id);
            assert.equal(requestsTo(sim(), "/api/login/oauth/token").length, 2);
            const unauthorized = sim().requests().filter((r) => r.status === 401);
            assert.equal(unauthorized.length, 1, "one 401, then the retried request succeeds");
        });
    });

    describe("when settings are missing or unsafe", () => {
        restoreUcaasVariablesAfterEach();

        // check refuses these first (test/settings); an operation that skipped it (refresh, destroy) is refused the same way.
        it("names the config key and the environment variable of a missing setting in one line", async () => {
            delete process.env.UCAAS_PBX_URL;
            process.env.UCAAS_PBX_TOKEN = "t0ken-value";
            await assertNamesMissingSetting(provider.create({ ...pbxUserArgs(), __provider: fakeProviderText }), "ucaas:pbxUrl", "UCAAS_PBX_URL");
        });

        it("refuses plain http to a host other than this machine unless insecureHttp is set", async () => {
            process.env.UCAAS_PBX_URL = "http://pbx.example.com:8887";
            process.env.UCAAS_PBX_TOKEN = "t0ken-value";
            await assert.rejects(provider.create({ ...pbxUserArgs(), __provider: fakeProviderText }), /refusing plain http:\/\/ to pbx\.example\.com:8887.*ucaas:insecureHttp/);
        });
    });
});
