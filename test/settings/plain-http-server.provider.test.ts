import { strict as assert } from "node:assert";
import { fakeProviderText, providerFor } from "../helpers/providers";
import { pbxUserArgs, masergyUserArgs } from "../helpers/fixtures";
import { usePortSipSimulator } from "../helpers/portsip";
import { useMasergySimulator } from "../helpers/masergy";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";
import { plainHttpServerMessage } from "../../provider/http/transport-guard";

const asHttps = (url: string) => url.replace(/^http:/, "https:");

/**
 * An https:// setting that points at a server speaking plain HTTP (the simulators do): the TLS
 * handshake fails with OpenSSL's "wrong version number", which is said in words with the URL to use.
 */
describe("https:// to a server that speaks plain HTTP", () => {
    restoreUcaasVariablesAfterEach();

    describe("PortSIP", () => {
        const sim = usePortSipSimulator();

        it("says the server speaks plain HTTP and names the setting and the http:// URL to use", async () => {
            process.env.UCAAS_PBX_URL = asHttps(sim().url);
            const host = new URL(sim().url).host;
            const provider = providerFor("PbxUser");
            const checked = await provider.check({}, { ...pbxUserArgs(), __provider: fakeProviderText });
            assert.equal(checked.failures, undefined, "an https URL is well formed");
            await assert.rejects(provider.read("1", { ...pbxUserArgs(), __provider: fakeProviderText }), (error: Error) => {
                assert.match(
                    error.message,
                    new RegExp(
                        `^PortSIP: read user 1 failed: no response \\(EPROTO: the server at ${host} speaks plain HTTP, not HTTPS ` +
                            `\\(TLS: "wrong version number"\\): use http://${host} in ucaas:pbxUrl / UCAAS_PBX_URL\\)$`,
                    ),
                );
                return true;
            });
        });
    });

    describe("Masergy's token endpoint", () => {
        const sim = useMasergySimulator();

        it("names the token URL setting, whose folder is the token client's base", async () => {
            process.env.UCAAS_MASERGY_TOKEN_URL = asHttps(sim().tokenUrl);
            await assert.rejects(
                providerFor("MasergyUser").read("jdoe@example.com", { ...masergyUserArgs(), __provider: fakeProviderText }),
                (error: Error) => {
                    assert.ok(error.message.includes(`use ${sim().tokenUrl} in ucaas:masergyTokenUrl / UCAAS_MASERGY_TOKEN_URL)`), error.message);
                    return true;
                },
            );
        });
    });

    it("for another host, also says that plain http needs ucaas:insecureHttp, and keeps the port that answered", () => {
        const handshake = Object.assign(new Error("write EPROTO 40E8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number"), { code: "EPROTO" });
        process.env.UCAAS_PBX_URL = "https://pbx.example.com";
        assert.equal(
            plainHttpServerMessage(handshake, "https://pbx.example.com"),
            'the server at pbx.example.com:443 speaks plain HTTP, not HTTPS (TLS: "wrong version number"): use http://pbx.example.com:443 in ucaas:pbxUrl / UCAAS_PBX_URL, ' +
                "and set ucaas:insecureHttp / UCAAS_INSECURE_HTTP=true if this network is trusted (credentials would cross it unencrypted)",
        );
        assert.equal(plainHttpServerMessage(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "https://pbx.example.com"), undefined);
    });
});
