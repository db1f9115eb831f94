import { strict as assert } from "node:assert";
import type * as pulumi from "@pulumi/pulumi";
import { fakeProviderText, providerFor } from "../helpers/providers";
import { pbxUserArgs, masergyUserArgs } from "../helpers/fixtures";
import { usePortSipSimulator } from "../helpers/portsip";
import { useMasergySimulator } from "../helpers/masergy";
import { umpEndpointArgs, useUmpSimulator } from "../helpers/ump";
import { teamsUserArgs, useTeamsSimulator } from "../helpers/teams";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";
import type { ResourceKind } from "pulumi-ucaas";

// The class the dynamic-provider host hands to `configure` (what `pulumi up` passes our provider).
const { Config: HostConfig } = require("@pulumi/pulumi/cmd/dynamic-provider/config") as {
    Config: new (raw: Record<string, string>, project: string) => pulumi.dynamic.Config;
};

/**
 * `check` judges the settings of the resource's vendor before anything is sent: every problem is a
 * resource-level failure (property "", so the engine prints no input value) naming the config key
 * and the variable. The simulators run with valid settings; each test breaks one, and no simulator
 * may see a request.
 */
describe("settings are checked in check, with no request", () => {
    const pbx = usePortSipSimulator();
    const masergy = useMasergySimulator();
    const ump = useUmpSimulator();
    const teams = useTeamsSimulator();
    restoreUcaasVariablesAfterEach();

    const argsOf: Record<ResourceKind, () => Record<string, unknown>> = {
        PbxUser: () => pbxUserArgs(),
        PbxRole: () => ({ name: "Support" }),
        PbxGroup: () => ({ name: "Support team", members: ["1001"] }),
        MasergyUser: () => masergyUserArgs(),
        UmpEndpoint: () => umpEndpointArgs(),
        TeamsEnterpriseUser: () => teamsUserArgs(teams()),
    };

    beforeEach(() => [pbx, masergy, ump, teams].forEach((sim) => sim().clearRequests()));
    afterEach(() => {
        const requests = [pbx, masergy, ump, teams].flatMap((sim) => sim().requests());
        assert.deepEqual(requests, [], "check sent a request");
    });

    /** The reasons of the check's failures; every one is about the resource, not an input. */
    async function settingProblems(kind: ResourceKind): Promise<string[]> {
        const result = await providerFor(kind).check({}, { ...argsOf[kind](), __provider: fakeProviderText });
        const failures = result.failures ?? [];
        assert.deepEqual(failures.map((f) => f.property), failures.map(() => ""));
        return failures.map((f) => f.reason);
    }

    function set(variables: Record<string, string | undefined>): void {
        for (const [name, value] of Object.entries(variables)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    }

    it("passes every resource kind with complete settings", async () => {
        for (const kind of Object.keys(argsOf) as ResourceKind[]) {
            assert.deepEqual(await settingProblems(kind), [], kind);
        }
    });

    describe("URLs", () => {
        it("a URL without a scheme says so and shows the URL to write", async () => {
            set({ UCAAS_PBX_URL: "pbx.example.com:8887" });
            assert.deepEqual(await settingProblems("PbxUser"), [
                'Setting ucaas:pbxUrl / UCAAS_PBX_URL is "pbx.example.com:8887", which has no scheme (http:// or https://): ' +
                    "use https://pbx.example.com:8887 (`pulumi config set ucaas:pbxUrl https://pbx.example.com:8887`).",
            ]);
        });

        it("suggests http:// for a server on this machine", async () => {
            const hostAndPort = new URL(pbx().url).host;
            set({ UCAAS_PBX_URL: hostAndPort });
            const [problem] = await settingProblems("PbxRole");
            assert.ok(problem.includes(`use http://${hostAndPort} (\`pulumi config set ucaas:pbxUrl http://${hostAndPort}\`)`), problem);
        });

        it("a PortSIP URL that ends with /api: the requests add it", async () => {
            set({ UCAAS_PBX_URL: "https://pbx.example.com:8887/api/" });
            assert.deepEqual(await settingProblems("PbxUser"), [
                'Setting ucaas:pbxUrl / UCAAS_PBX_URL is "https://pbx.example.com:8887/api/", which ends with /api ' +
                    "(it is the PBX's address; every request adds /api/...): use https://pbx.example.com:8887 " +
                    "(`pulumi config set ucaas:pbxUrl https://pbx.example.com:8887`).",
            ]);
        });

        it("a UMP URL without its API path is recognised, with the path to add", async () => {
            const server = new URL(ump().url).origin;
            set({ UCAAS_UMP_URL: server });
            assert.deepEqual(await settingProblems("UmpEndpoint"), [
                `Setting ucaas:umpUrl / UCAAS_UMP_URL is "${server}", which does not end with /sysadmin/api ` +
                    `(UMP 365 ENT serves its REST API under /sysadmin/api): use ${server}/sysadmin/api ` +
                    `(\`pulumi config set ucaas:umpUrl ${server}/sysadmin/api\`).`,
            ]);
            set({ UCAAS_UMP_URL: "ump.example.com" });
            assert.deepEqual(await settingProblems("UmpEndpoint"), [
                'Setting ucaas:umpUrl / UCAAS_UMP_URL is "ump.example.com", which has no scheme (http:// or https://), and does not end with /sysadmin/api ' +
                    "(UMP 365 ENT serves its REST API under /sysadmin/api): use https://ump.example.com/sysadmin/api " +
                    "(`pulumi config set ucaas:umpUrl https://ump.example.com/sysadmin/api`).",
            ]);
            set({ UCAAS_UMP_URL: `${server}/sysadmin` });
            assert.match((await settingProblems("UmpEndpoint"))[0], new RegExp(`use ${server}/sysadmin/api \\(`));
        });

        it("another scheme, no host, credentials or a query in the URL; values that may hold secrets are not shown", async () => {
            set({ UCAAS_TEAMS_URL: "ftp://api.connecttoteams.com" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                'Setting ucaas:teamsUrl / UCAAS_TEAMS_URL is "ftp://api.connecttoteams.com", which is not an http(s) URL (ftp://): ' +
                    "use https://api.connecttoteams.com (`pulumi config set ucaas:teamsUrl https://api.connecttoteams.com`).",
            ]);
            set({ UCAAS_TEAMS_URL: "https://" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                'Setting ucaas:teamsUrl / UCAAS_TEAMS_URL is "https://", which is not a valid URL (it needs scheme://host, e.g. https://api.connecttoteams.com).',
            ]);
            set({ UCAAS_TEAMS_URL: "https://admin:hunter22@api.connecttoteams.com" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                'Setting ucaas:teamsUrl / UCAAS_TEAMS_URL is "https://…@api.connecttoteams.com", which holds a user name or password: credentials go in their own settings, never in a URL.',
            ]);
            set({ UCAAS_TEAMS_URL: "admin:hunter22@api.connecttoteams.com" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                'Setting ucaas:teamsUrl / UCAAS_TEAMS_URL is "…@api.connecttoteams.com", which holds a user name or password: credentials go in their own settings, never in a URL.',
            ]);
            set({ UCAAS_TEAMS_URL: "https://api.connecttoteams.com/?key=abc123" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                'Setting ucaas:teamsUrl / UCAAS_TEAMS_URL is "https://api.connecttoteams.com/?…", which has a query or fragment (a base URL has none): ' +
                    "use https://api.connecttoteams.com (`pulumi config set ucaas:teamsUrl https://api.connecttoteams.com`).",
            ]);
        });

        it("refuses plain http to another host unless ucaas:insecureHttp is true", async () => {
            set({ UCAAS_MASERGY_TOKEN_URL: "http://sso.example.com/auth/realms/ucaas/protocol/openid-connect/token" });
            assert.deepEqual(await settingProblems("MasergyUser"), [
                "refusing plain http:// to sso.example.com (ucaas:masergyTokenUrl / UCAAS_MASERGY_TOKEN_URL): credentials would cross the network unencrypted; " +
                    "use https://, or set ucaas:insecureHttp / UCAAS_INSECURE_HTTP=true if this network is trusted.",
            ]);
            set({ UCAAS_INSECURE_HTTP: "true" });
            assert.deepEqual(await settingProblems("MasergyUser"), []);
        });

        it("a URL setting that looks like a secret to the Pulumi CLI is given with --plaintext in the fix", async () => {
            set({ UCAAS_MASERGY_TOKEN_URL: "sso.example.com/token" });
            assert.match((await settingProblems("MasergyUser"))[0], /\(`pulumi config set --plaintext ucaas:masergyTokenUrl https:\/\/sso\.example\.com\/token`\)\.$/);
        });
    });

    describe("credentials", () => {
        it("PortSIP: a token, or a username and a password", async () => {
            set({ UCAAS_PBX_TOKEN: undefined });
            assert.deepEqual(await settingProblems("PbxUser"), [
                "Missing setting ucaas:pbxToken (a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in): " +
                    "run `pulumi config set --secret ucaas:pbxToken <value>` or set the environment variable UCAAS_PBX_TOKEN.",
            ]);
            set({ UCAAS_PBX_USERNAME: "provisioner" });
            assert.deepEqual(await settingProblems("PbxRole"), [
                "Missing setting ucaas:pbxPassword (the password of PortSIP user provisioner): " +
                    "run `pulumi config set --secret ucaas:pbxPassword <value>` or set the environment variable UCAAS_PBX_PASSWORD.",
            ]);
            set({ UCAAS_PBX_USERNAME: undefined, UCAAS_PBX_PASSWORD: "a-password" });
            assert.deepEqual(await settingProblems("PbxRole"), [
                "Missing setting ucaas:pbxUsername (the PortSIP user to log in as with ucaas:pbxPassword, or set ucaas:pbxToken instead): " +
                    "run `pulumi config set ucaas:pbxUsername <value>` or set the environment variable UCAAS_PBX_USERNAME.",
            ]);
            set({ UCAAS_PBX_USERNAME: "provisioner" });
            assert.deepEqual(await settingProblems("PbxRole"), []);
        });

        it("Masergy: the refresh token, or a username and a password", async () => {
            set({ UCAAS_MASERGY_REFRESH_TOKEN: undefined });
            assert.deepEqual(await settingProblems("MasergyUser"), [
                "Missing setting ucaas:masergyRefreshToken (an offline refresh token from `npx pulumi-ucaas masergy-login`, or set ucaas:masergyUsername and ucaas:masergyPassword): " +
                    "run `pulumi config set --secret ucaas:masergyRefreshToken <value>` or set the environment variable UCAAS_MASERGY_REFRESH_TOKEN.",
            ]);
            set({ UCAAS_MASERGY_USERNAME: "provisioner@example.com" });
            assert.deepEqual(await settingProblems("MasergyUser"), [
                "Missing setting ucaas:masergyPassword (the password of Masergy user provisioner@example.com): " +
                    "run `pulumi config set --secret ucaas:masergyPassword <value>` or set the environment variable UCAAS_MASERGY_PASSWORD.",
            ]);
        });

        it("ConnecttoTeams: every missing part of the client and the admin, one line each", async () => {
            set({ UCAAS_TEAMS_CLIENT_SECRET: undefined, UCAAS_TEAMS_PASSWORD: "" });
            assert.deepEqual(await settingProblems("TeamsEnterpriseUser"), [
                "Missing setting ucaas:teamsClientSecret (the ConnecttoTeams OAuth client secret): " +
                    "run `pulumi config set --secret ucaas:teamsClientSecret <value>` or set the environment variable UCAAS_TEAMS_CLIENT_SECRET.",
                "Missing setting ucaas:teamsPassword (the password of the ConnecttoTeams portal admin): " +
                    "run `pulumi config set --secret ucaas:teamsPassword <value>` or set the environment variable UCAAS_TEAMS_PASSWORD.",
            ]);
        });

        it("UMP: the URL, and no token unless the deployment adds one", async () => {
            set({ UCAAS_UMP_URL: undefined, UCAAS_UMP_TOKEN: undefined });
            assert.deepEqual(await settingProblems("UmpEndpoint"), [
                "Missing setting ucaas:umpUrl (the AudioCodes UMP API base, e.g. http://ump.example.com/sysadmin/api): " +
                    "run `pulumi config set ucaas:umpUrl <value>` or set the environment variable UCAAS_UMP_URL.",
            ]);
        });

        it("names a set variable that is a likely typo of the missing one", async () => {
            set({ UCAAS_PBX_TOKEN: undefined, UCAAS_PBX_TOKN: "t0ken" });
            const [problem] = await settingProblems("PbxUser");
            assert.ok(problem.endsWith(" (UCAAS_PBX_TOKN is set: a typo of UCAAS_PBX_TOKEN?)"), problem);
        });
    });

    describe("numbers and booleans", () => {
        it("numbers must be numbers within their range", async () => {
            set({ UCAAS_HTTP_TIMEOUT_SECONDS: "30s" });
            assert.deepEqual(await settingProblems("UmpEndpoint"), [
                'Setting ucaas:httpTimeoutSeconds / UCAAS_HTTP_TIMEOUT_SECONDS is "30s", which is not a number: ' +
                    "use a number of seconds greater than 0 and at most 3600; fractions are allowed (default 30).",
            ]);
            set({ UCAAS_HTTP_TIMEOUT_SECONDS: "0" });
            assert.match((await settingProblems("PbxUser"))[0], /is "0", which is out of range: use a number of seconds greater than 0 and at most 3600/);
            set({ UCAAS_HTTP_TIMEOUT_SECONDS: "2.5", UCAAS_MASERGY_JOB_TIMEOUT_MINUTES: "10080" });
            assert.deepEqual(await settingProblems("MasergyUser"), [
                'Setting ucaas:masergyJobTimeoutMinutes / UCAAS_MASERGY_JOB_TIMEOUT_MINUTES is "10080", which is out of range: ' +
                    "use a number of minutes greater than 0 and at most 1440; fractions are allowed (default 60).",
            ]);
        });

        it("a Masergy poll interval under 10 s is refused unless the API is on this machine", async () => {
            set({ UCAAS_MASERGY_POLL_INTERVAL_SECONDS: "2" });
            assert.deepEqual(await settingProblems("MasergyUser"), [], "the simulator runs on this machine");
            set({ UCAAS_MASERGY_API_URL: "https://api.masergy.com/apiman-gateway/MasergyUCaaS/provisioning/1.0" });
            assert.deepEqual(await settingProblems("MasergyUser"), [
                'Setting ucaas:masergyPollIntervalSeconds / UCAAS_MASERGY_POLL_INTERVAL_SECONDS is "2", which is below 10: ' +
                    "Masergy asks for no more than one poll every 10 seconds, and a shorter interval is allowed only against a simulator on this machine, " +
                    "not api.masergy.com; use 10 or more, or leave it unset.",
            ]);
        });

        it("booleans must be true or false, never silently false", async () => {
            set({ UCAAS_INSECURE_HTTP: "ture", UCAAS_ADOPT_MATCHING: "Yes" });
            assert.deepEqual(await settingProblems("PbxRole"), [
                'Setting ucaas:insecureHttp / UCAAS_INSECURE_HTTP is "ture", which is not true or false (default false).',
            ]);
        });
    });

    it("judges only the resource's own vendor: other vendors' settings do not fail it", async () => {
        set({ UCAAS_PBX_URL: undefined, UCAAS_MASERGY_REFRESH_TOKEN: undefined, UCAAS_TEAMS_CLIENT_ID: undefined });
        assert.deepEqual(await settingProblems("UmpEndpoint"), []);
        assert.equal((await settingProblems("PbxUser")).length, 1);
        assert.equal((await settingProblems("MasergyUser")).length, 1);
        assert.equal((await settingProblems("TeamsEnterpriseUser")).length, 1);
    });

    it("lists settings problems before the input problems, both in one check", async () => {
        set({ UCAAS_PBX_TOKEN: undefined });
        const result = await providerFor("PbxUser").check({}, { ...pbxUserArgs({ email: "not-an-email" }), __provider: fakeProviderText });
        assert.deepEqual(
            result.failures?.map((f) => f.property),
            ["", "email"],
        );
    });

    describe("unknown ucaas:* keys in the stack config (given to configure)", () => {
        const configure = (raw: Record<string, string>) => providerFor("PbxUser").configure({ config: new HostConfig(raw, "ops") });
        afterEach(() => configure({}));

        it("names the closest setting, letter case ignored, on every resource kind", async () => {
            await configure({ "ucaas:pbxURL": pbx().url, "ops:alicePassword": "x", "ucaas-secrets:bob": "y" });
            const expected =
                "Unknown setting ucaas:pbxURL in the stack config: did you mean ucaas:pbxUrl? " +
                "Rename it: `pulumi config rm ucaas:pbxURL`, then `pulumi config set ucaas:pbxUrl <value>`.";
            for (const kind of Object.keys(argsOf) as ResourceKind[]) {
                assert.deepEqual((await settingProblems(kind))[0], expected, kind);
            }
        });

        it("a key far from every setting is told that the namespace is the package's", async () => {
            await configure({ "ucaas:alicePassword": "x" });
            assert.deepEqual(await settingProblems("UmpEndpoint"), [
                "Unknown setting ucaas:alicePassword in the stack config (the closest setting is ucaas:pbxPassword): the ucaas namespace holds only pulumi-ucaas settings; " +
                    'remove it with `pulumi config rm ucaas:alicePassword`, and keep your own values in the project\'s namespace (a key without "ucaas:").',
            ]);
        });

        it("a missing setting whose key is misspelt in the stack config says so", async () => {
            set({ UCAAS_PBX_TOKEN: undefined });
            await configure({ "ucaas:pbxTokn": "t0ken" });
            const problems = await settingProblems("PbxUser");
            assert.equal(problems.length, 2);
            assert.ok(problems[1].endsWith(" (the stack config has ucaas:pbxTokn: a typo of ucaas:pbxToken?)"), problems[1]);
        });

        it("reads settings from the stack config before the variables", async () => {
            await configure({ "ucaas:httpTimeoutSeconds": "forever" });
            assert.match((await settingProblems("PbxRole"))[0], /^Setting ucaas:httpTimeoutSeconds \/ UCAAS_HTTP_TIMEOUT_SECONDS is "forever", which is not a number/);
        });
    });
});
