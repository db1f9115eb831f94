/**
 * Issue 10's fault rows for AudioCodes UMP, provider methods called directly over HTTP against the
 * simulator: answer faults on refresh, on the create's `/script` and on the release; a lost
 * `/script` answer; `/script` answered "Success" and ignored; taking an endpoint in use over. Each
 * fails naming UMP and the operation, or settles itself; the rerun converges (the endpoint as
 * declared, the number assigned once, the recorded state what UMP holds).
 */
import { strict as assert } from "node:assert";
import { answerFaults, failureOf } from "../helpers/faults";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { onPremRange, seedDirectoryUser, umpEndpointArgs, umpRequests, useUmpSimulator } from "../helpers/ump";

const provider = providerFor("UmpEndpoint");
const ALICE = "sip:alice@contoso.com";
const SCRIPT = `/sysadmin/api/proxy/endpoint/${ALICE}/script`;

describe("AudioCodes UMP faults: each fails naming vendor and operation, or settles itself; the rerun converges", () => {
    const sim = useUmpSimulator({ licensedUsers: 5 });
    const live = () => sim().state().endpoints.find((e) => e.SipAddress === ALICE)!;
    const sent = () => umpRequests(sim()).map((r) => `${r.method} ${r.path.replace(ALICE, "{sip}")}`);
    afterEach(() => void delete process.env.UCAAS_ADOPT_MATCHING);

    async function create(overrides: Record<string, unknown> = {}) {
        const inputs = await checked(provider, umpEndpointArgs(overrides));
        const created = await provider.create({ ...inputs, __provider: fakeProviderText });
        return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
    }

    /** UMP holds the declared endpoint, its number once, and the next refresh and up find nothing to do. */
    async function assertConverged(inputs: Record<string, unknown>, recorded: Record<string, unknown>) {
        assert.deepEqual([live().LineURI, live().EnterpriseVoiceEnabled, live().DialPlan], [inputs.lineUri, true, inputs.dialPlan]);
        assert.deepEqual(onPremRange(sim()).assigned, ["tel:+311111121"]);
        const read = await provider.read(ALICE, recorded);
        assert.deepEqual(await provider.diff(ALICE, read.props!, inputs), { changes: false });
    }

    /** The engine's next `up` after a partial failure: update from the recorded properties. */
    const rerun = (recorded: Record<string, unknown>, inputs: Record<string, unknown>) =>
        provider.update(ALICE, recorded, { ...inputs, __provider: fakeProviderText }).then((r) => r.outs as Record<string, unknown>);

    /** An endpoint released to nothing: number back in its range, Enterprise Voice off. */
    const assertReleased = () => {
        assert.deepEqual([live().LineURI, live().PrivateLine, live().EnterpriseVoiceEnabled], ["", "", false]);
        assert.deepEqual(onPremRange(sim()).assigned, []);
    };

    for (const { row, fault } of answerFaults) {
        describe(row, () => {
            it("on refresh: fails naming UMP and the read, state untouched; the next refresh converges", async () => {
                seedDirectoryUser(sim());
                const { inputs, outs } = await create();
                sim().injectFault({ ...fault, method: "GET" });
                const error = await failureOf(provider.read(ALICE, outs));
                assert.match(error.message, /^AudioCodes UMP: read endpoint sip:alice@contoso\.com failed: HTTP 200 answer not understood/);
                await assertConverged(inputs, outs);
            });

            it("on the create's /script: settles by reading the endpoint back, or records what UMP holds; the next up converges", async () => {
                seedDirectoryUser(sim());
                sim().injectFault({ ...fault, method: "PUT", pathPrefix: SCRIPT });
                const inputs = await checked(provider, umpEndpointArgs());
                const creating = provider.create({ ...inputs, __provider: fakeProviderText });
                if (fault.kind === "truncate") {
                    // UMP ran the script and its answer was cut: the read-back shows it applied.
                    const { outs } = await creating;
                    await assertConverged(inputs, outs as Record<string, unknown>);
                    return;
                }
                const error = await failureOf(creating);
                assert.match(
                    error.message,
                    fault.kind === "html" || fault.kind === "huge"
                        ? /^AudioCodes UMP: update endpoint sip:alice@contoso\.com \(UsageLocation, EnterpriseVoiceEnabled, VoicePolicy, DialPlan, LineURI\) failed: HTTP 200 answer not understood.*Read back, the endpoint shows usageLocation, enterpriseVoiceEnabled, voicePolicy, dialPlan, lineUri not as declared/
                        : /^AudioCodes UMP: update endpoint sip:alice@contoso\.com \(.*\) answered as done, but reading the endpoint sip:alice@contoso\.com back shows usageLocation, .*lineUri not as declared/,
                );
                assert.equal(error.id, ALICE, "recorded: the endpoint was free, so it is this resource's");
                assert.equal(error.properties?.lineUri, undefined, "the state records that UMP holds no number yet");
                await assertConverged(inputs, await rerun(error.properties!, inputs));
            });

            it("on the release (delete): settles by reading back, or fails with the endpoint kept; the next destroy converges", async () => {
                seedDirectoryUser(sim());
                const { outs } = await create();
                sim().injectFault({ ...fault, method: "PUT", pathPrefix: SCRIPT });
                if (fault.kind === "truncate") {
                    await provider.delete(ALICE, outs);
                    assertReleased();
                    return;
                }
                const error = await failureOf(provider.delete(ALICE, outs));
                assert.match(
                    error.message,
                    fault.kind === "html" || fault.kind === "huge"
                        ? /^AudioCodes UMP: release the number of endpoint sip:alice@contoso\.com failed: HTTP 200 answer not understood.*Read back, the endpoint still has the number tel:\+311111121 and Enterprise Voice; it stays in the state/
                        : /^AudioCodes UMP: release the number of endpoint sip:alice@contoso\.com answered as done, but reading the endpoint back shows the number tel:\+311111121 and Enterprise Voice/,
                );
                assert.equal(live().LineURI, "tel:+311111121", "the number is still assigned, and said so");
                await provider.delete(ALICE, outs);
                assertReleased();
            });
        });
    }

    it("lost create response: the /script is absolute, so it is sent again, then read back (settles itself)", async () => {
        seedDirectoryUser(sim());
        sim().injectFault({ kind: "lost", method: "PUT", pathPrefix: SCRIPT });
        const { inputs, outs } = await create();
        assert.deepEqual(sent(), ["GET proxy/endpoint/{sip}", "PUT proxy/endpoint/{sip}/script", "PUT proxy/endpoint/{sip}/script", "GET proxy/endpoint/{sip}"]);
        await assertConverged(inputs, outs);
    });

    describe("vendor ignoring a write", () => {
        it("an update UMP answers Success and ignores names the attributes, records what UMP holds; the next up converges", async () => {
            seedDirectoryUser(sim());
            const { outs } = await create();
            const news = await checked(provider, umpEndpointArgs({ dialPlan: "NL-Rotterdam", lineUri: "tel:+311111125" }));
            sim().injectFault({ kind: "ignore", method: "PUT", pathPrefix: SCRIPT });
            sim().clearRequests();
            const error = await failureOf(provider.update(ALICE, outs, { ...news, __provider: fakeProviderText }));
            assert.equal(
                error.message,
                "AudioCodes UMP: update endpoint sip:alice@contoso.com (DialPlan, LineURI) answered as done, but reading the endpoint sip:alice@contoso.com back shows " +
                    "dialPlan, lineUri not as declared: AudioCodes UMP ignored or undid the write. The state records what AudioCodes UMP holds, so the next `pulumi up` writes it again.",
            );
            assert.deepEqual([error.properties?.dialPlan, error.properties?.lineUri], ["NL-Amsterdam", "tel:+311111121"]);
            assert.deepEqual(sent(), ["PUT proxy/endpoint/{sip}/script", "GET proxy/endpoint/{sip}"]);
            await rerun(error.properties!, news);
            assert.deepEqual([live().DialPlan, live().LineURI], ["NL-Rotterdam", "tel:+311111125"]);
        });

        it("a release UMP ignores is an error, the endpoint stays in the state; the next destroy confirms it released", async () => {
            seedDirectoryUser(sim());
            const { outs } = await create({ privateLine: "tel:+311111122" });
            sim().injectFault({ kind: "ignore", method: "PUT", pathPrefix: SCRIPT });
            await assert.rejects(provider.delete(ALICE, outs), /the number tel:\+311111121 and the private line tel:\+311111122 and Enterprise Voice/);
            sim().clearRequests();
            await provider.delete(ALICE, outs);
            assert.deepEqual(sent(), ["PUT proxy/endpoint/{sip}/script", "GET proxy/endpoint/{sip}"]);
            assertReleased();
        });
    });

    describe("taking an endpoint in use over", () => {
        it("ucaas:adoptMatching takes over an endpoint that matches every declared attribute with one read and no write", async () => {
            seedDirectoryUser(sim(), ALICE, { LineURI: "tel:+311111121", EnterpriseVoiceEnabled: true, VoicePolicy: "International", DialPlan: "NL-Amsterdam", UsageLocation: "NL" });
            process.env.UCAAS_ADOPT_MATCHING = "true";
            sim().clearRequests();
            const { inputs, outs } = await create();
            assert.deepEqual(sent(), ["GET proxy/endpoint/{sip}"]);
            assert.equal(outs.displayName, "Alice Example");
            await assertConverged(inputs, outs);
        });

        it("ucaas:adoptMatching refuses an endpoint that differs, naming the attributes; nothing is written", async () => {
            seedDirectoryUser(sim(), ALICE, { LineURI: "tel:+311111121", EnterpriseVoiceEnabled: true, VoicePolicy: "International", DialPlan: "NL-Rotterdam", UsageLocation: "NL" });
            process.env.UCAAS_ADOPT_MATCHING = "true";
            await assert.rejects(create(), /AudioCodes UMP endpoint sip:alice@contoso\.com \(in use: the number tel:\+311111121 and Enterprise Voice\) already exists and differs from this UmpEndpoint in dialPlan/);
            assert.deepEqual(umpRequests(sim(), "PUT"), []);
        });
    });
});
