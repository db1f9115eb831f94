import { strict as assert } from "node:assert";
import { masergy, MasergyApiError } from "pulumi-ucaas";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { apiRequests, tokenRequests, useMasergySimulator } from "../helpers/masergy";
import { masergyJobTiming } from "../../provider/masergy/client";
import { masergyUserArgs } from "../helpers/fixtures";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";

const provider = providerFor("MasergyUser");

async function create(index: number) {
    const inputs = await checked(
        provider,
        masergyUserArgs({ userId: `user${index}@example.com`, extension: `02${index}0`, phoneNumber: `+1212555011${index}` }),
    );
    return provider.create({ ...inputs, __provider: fakeProviderText });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Masergy tokens and settings", () => {
    describe("with the offline refresh token", () => {
        const sim = useMasergySimulator();

        it("gets one access token with the refresh grant for every resource of the run, even when they start together", async () => {
            await Promise.all([1, 2, 3].map(create));
            const tokens = tokenRequests(sim());
            assert.equal(tokens.length, 1);
            assert.deepEqual(tokens[0].body, { grant_type: "refresh_token", refresh_token: "[REDACTED]", client_id: "token-api" });
            assert.equal(sim().state().users.length, 3);
        });

        it("shares one poll budget among parallel creates: never two task polls closer than the interval", async () => {
            await Promise.all([1, 2, 3].map(create));
            const polls = sim().requests().filter((r) => /\/task\/[^/]+\/view$/.test(r.path)).map((r) => r.at);
            const interval = Number(process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS) * 1000;
            assert.ok(polls.length >= 3);
            // Arrival times carry a few ms of request set-up jitter; over the run the polls keep to the interval.
            assert.ok(polls.slice(1).every((at, i) => at - polls[i] >= interval * 0.5), `polls at ${polls.map((at) => at - polls[0]).join(", ")} ms`);
            assert.ok((polls.length - 1) * interval <= polls.at(-1)! - polls[0] + interval, `${polls.length} polls in ${polls.at(-1)! - polls[0]} ms`);
            assert.equal(apiRequests(sim(), "user/create", "POST").length, 3);
        });

        it("fetches a new token once after a 401 and repeats the request", async () => {
            const { id, outs } = await create(1);
            sim().expireTokens();
            assert.equal((await provider.read(id, outs!)).id, id);
            assert.equal(tokenRequests(sim()).length, 2);
            assert.equal(sim().requests().filter((r) => r.status === 401).length, 1);
        });

        it("says the refresh token expired or was revoked, and how to mint a new one, on invalid_grant", async () => {
            sim().revokeRefreshTokens();
            await assert.rejects(create(1), (error: MasergyApiError) => {
                assert.ok(error instanceof MasergyApiError);
                assert.equal(error.statusCode, 400);
                assert.equal(error.vendorCode, "invalid_grant");
                assert.match(error.message, /^Masergy: get an access token with the offline refresh token failed: HTTP 400 invalid_grant: Invalid refresh token\./);
                assert.match(error.message, /expired or was revoked.*30 days.*npx pulumi-ucaas masergy-login/);
                assert.equal(error.message.includes(process.env.UCAAS_MASERGY_REFRESH_TOKEN!), false);
                return true;
            });
            assert.equal(sim().tasks().length, 0);
        });

        it("runs the lookups in the program with the same settings", async () => {
            assert.deepEqual((await masergy.availableGroups()).map((g) => g.groupId), ["SIM-NYC", "SIM-LON"]);
            assert.ok((await masergy.availableTimeZones()).includes("America/New_York"));
            assert.ok((await masergy.availableDeviceModels()).includes("Polycom VVX 450"));
            assert.deepEqual(await masergy.availableMainServicePacks({ groupId: "SIM-LON" }), ["UC-Standard", "UC-Premium"]);
            await create(1);
            const numbers = await masergy.availablePhoneNumbers({ groupId: "SIM-NYC" });
            assert.equal(numbers.length, 19);
            assert.equal(numbers.includes("+12125550111"), false, "the number user1 took is gone");
        });
    });

    describe("when Keycloak makes refresh tokens single-use and access tokens short-lived", () => {
        // 31 s tokens are renewed 30 s before they expire, i.e. after about a second.
        const sim = useMasergySimulator({ rotateRefreshTokens: true, accessTokenTtlSeconds: 31 });

        it("reuses the access token while it is fresh, then renews it with the newest refresh token", async () => {
            await create(1);
            await create(2);
            assert.equal(tokenRequests(sim()).length, 1);
            await sleep(1_100);
            await create(3);
            const tokens = tokenRequests(sim());
            assert.deepEqual(tokens.map((r) => r.status), [200, 200]);
        });
    });

    describe("with username and password", () => {
        const sim = useMasergySimulator({ login: true });

        it("logs in once per run with the password grant and scope=offline_access", async () => {
            await create(1);
            await create(2);
            const tokens = tokenRequests(sim());
            assert.equal(tokens.length, 1);
            assert.deepEqual(tokens[0].body, {
                grant_type: "password",
                username: sim().account.username,
                password: "[REDACTED]",
                scope: "offline_access",
                client_id: "token-api",
            });
        });

        it("names the settings to check when the password is wrong, without the password", async () => {
            process.env.UCAAS_MASERGY_PASSWORD = "wrong-password";
            await assert.rejects(create(1), (error: Error) => {
                assert.match(error.message, /^Masergy: log in to Masergy as provisioner@example\.com failed: HTTP 401 invalid_grant: Invalid user credentials\. Check ucaas:masergyUsername/);
                assert.equal(error.message.includes("wrong-password"), false);
                return true;
            });
        });
    });

    describe("when settings are missing or unsafe", () => {
        restoreUcaasVariablesAfterEach();

        it("names the refresh token setting, its variable and the login command in one line", async () => {
            process.env.UCAAS_MASERGY_API_URL = "http://127.0.0.1:9/api";
            delete process.env.UCAAS_MASERGY_REFRESH_TOKEN;
            delete process.env.UCAAS_MASERGY_USERNAME;
            // check refuses it first (test/settings); an operation that skipped check is refused the same way.
            await assert.rejects(provider.read("jdoe@example.com", { ...masergyUserArgs(), __provider: fakeProviderText }), (error: Error) => {
                assert.match(error.message, /ucaas:masergyRefreshToken.*masergy-login.*UCAAS_MASERGY_REFRESH_TOKEN/);
                assert.equal(error.message.includes("\n"), false);
                return true;
            });
        });

        it("refuses a poll interval below Masergy's 10 seconds for any host but this machine, naming the setting, before sending anything", async () => {
            process.env.UCAAS_MASERGY_API_URL = "https://api.masergy.example/apiman-gateway/MasergyUCaaS/provisioning/1.0";
            process.env.UCAAS_MASERGY_TOKEN_URL = "https://sso.masergy.example/auth/realms/ucaas/protocol/openid-connect/token";
            process.env.UCAAS_MASERGY_REFRESH_TOKEN = "some-refresh-token";
            process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "2";
            await assert.rejects(
                create(1),
                /Setting ucaas:masergyPollIntervalSeconds \/ UCAAS_MASERGY_POLL_INTERVAL_SECONDS is \\"2\\", which is below 10: Masergy asks for no more than one poll every 10 seconds, and a shorter interval is allowed only against a simulator on this machine, not api\.masergy\.example/,
            );
            process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "10";
            assert.deepEqual(masergyJobTiming(), { intervalMs: 10_000, timeoutMs: 3_600_000 });
            process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "2";
            assert.throws(() => masergyJobTiming(), /is "2", which is below 10/, "an operation that skipped check is refused the same way");
            process.env.UCAAS_MASERGY_API_URL = "http://127.0.0.1:9/apiman-gateway/MasergyUCaaS/provisioning/1.0";
            process.env.UCAAS_MASERGY_POLL_INTERVAL_SECONDS = "0.05";
            assert.equal(masergyJobTiming().intervalMs, 50, "a simulator on this machine may be polled faster");
        });

        it("refuses plain http to a token endpoint other than this machine", async () => {
            process.env.UCAAS_MASERGY_API_URL = "https://api.example.com/provisioning/1.0";
            process.env.UCAAS_MASERGY_TOKEN_URL = "http://sso.example.com/auth/realms/ucaas/protocol/openid-connect/token";
            process.env.UCAAS_MASERGY_REFRESH_TOKEN = "some-refresh-token";
            await assert.rejects(
                provider.read("jdoe@example.com", { ...masergyUserArgs(), __provider: fakeProviderText }),
                /refusing plain http:\/\/ to sso\.example\.com \(ucaas:masergyTokenUrl \/ UCAAS_MASERGY_TOKEN_URL\)/,
            );
        });
    });
});
