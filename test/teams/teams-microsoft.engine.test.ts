import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { DEFAULT_TEAMS_TENANT } from "pulumi-ucaas/simulators";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { microsoftUsers, refreshGrants, runTeamsLogin } from "../helpers/microsoft";
import { teamsRequestsTo, teamsStackConfig, useTeamsSimulator } from "../helpers/teams";

/** An enterprise that has not granted the reseller its Service Provider Consent, and signs in instead. */
const FABRIKAM = { tenantId: "5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91", sbcGatewayIds: [21], domain: "fabrikam" };
const CONTOSO = DEFAULT_TEAMS_TENANT.tenantId;
const secrets: Record<string, string> = {
    alicePassword: "alice-Sip-Plaintext-1",
    alicePortalPassword: "alice-Portal-Plaintext-2",
    bobPassword: "bob-Sip-Plaintext-3",
    bobProvisioningPassword: "bob-Prov-Plaintext-4",
    carolPassword: "carol-Sip-Plaintext-5",
};
/** Every JWT (access and ID tokens) starts with the base64 of `{"typ":"JWT"`. */
const jwtPrefix = "eyJ0eXAiOiJKV1Qi";

describe("examples/teams with an enterprise's Microsoft sign-in, through teams-login and the real Pulumi engine", function () {
    this.timeout(10 * 60_000);
    const sim = useTeamsSimulator({ resetBetweenTests: false, tenants: [DEFAULT_TEAMS_TENANT, FABRIKAM], microsoft: { pollIntervalSeconds: 1 } });
    let t: TestStack;
    let workDir: string;
    /** Everything the CLI and the engine printed, searched for tokens at the end. */
    let printed = "";
    const userNamed = (loginId: string) => sim().state().users.find((u) => u.loginID === loginId);
    const grantsAt = (tenantId: string) => refreshGrants(sim().microsoft, tenantId).length;
    const clearLogs = () => {
        sim().clearRequests();
        sim().microsoft.clearRequests();
    };
    const pulumiEnv = () => (t.stack.workspace as automation.LocalWorkspace).envVars;
    const storedTokens = async (): Promise<Record<string, string>> => {
        const { stdout } = await promisify(execFile)("pulumi", ["config", "get", "ucaas:teamsMicrosoftTokens", "--stack", "test"], { cwd: workDir, env: { ...process.env, ...pulumiEnv() } });
        return JSON.parse(stdout);
    };
    const login = async (tenantId: string) => {
        const result = await runTeamsLogin(sim().microsoft, ["--tenant", tenantId, "--stack", "test"], {
            cwd: workDir,
            env: pulumiEnv(),
            username: microsoftUsers(sim(), tenantId).admin,
        });
        printed += result.stdout + result.stderr;
        return result;
    };
    const up = async () => {
        const result = await t.stack.up();
        printed += result.stdout + result.stderr;
        return result;
    };

    /** The program's copy is shared with teams.engine.test.ts: neither may see the other's stack config. */
    const forgetStackConfig = () => fs.rmSync(path.join(workDir, "Pulumi.test.yaml"), { force: true });

    before(async () => {
        workDir = await prepareProgram("teams");
        forgetStackConfig();
        // NODE_EXTRA_CA_CERTS reaches the provider process through the pulumi CLI, as it would from a CI job's environment.
        t = await newStack(workDir, { NODE_EXTRA_CA_CERTS: sim().microsoft.caFile });
        await t.stack.setAllConfig({
            ...teamsStackConfig(sim()),
            "ucaas:teamsMicrosoftClientId": { value: sim().microsoft.client.clientId },
            "ucaas:teamsMicrosoftAuthority": { value: sim().microsoft.url },
            tenantId: { value: CONTOSO },
            sbcGatewayId: { value: "11" },
            otherTenantId: { value: FABRIKAM.tenantId },
            otherSbcGatewayId: { value: "21" },
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
    });

    after(() => forgetStackConfig());

    it("teams-login shows the device code, and stores the refresh token as a stack secret through pulumi config set --secret", async () => {
        clearLogs();
        const result = await login(FABRIKAM.tenantId);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, new RegExp(`To sign in, use a web browser to open the page ${sim().microsoft.url}/devicelogin and enter the code ${result.userCode} to authenticate\\.`));
        assert.match(result.stderr, /Signed in as teams\.admin@fabrikam\.onmicrosoft\.com\./);
        assert.match(result.stderr, /Stored the refresh token of tenant 5e2d8f14-\S+ in the secret ucaas:teamsMicrosoftTokens of stack test/);
        const stackFile = fs.readFileSync(path.join(workDir, "Pulumi.test.yaml"), "utf8");
        assert.match(stackFile, /ucaas:teamsMicrosoftTokens:\s+secure: /);
        const stored = await storedTokens();
        assert.deepEqual(Object.keys(stored), [FABRIKAM.tenantId]);
        assert.equal(stackFile.includes(stored[FABRIKAM.tenantId]), false, "encrypted in the stack file");
        assert.equal(result.stdout, "");
        assert.equal(result.stderr.includes(stored[FABRIKAM.tenantId]), false, "never printed");
        const paths = sim().microsoft.requests().map((r) => `${r.method} ${r.path.replace(FABRIKAM.tenantId, "{tenant}")}`);
        assert.deepEqual([...new Set(paths)], ["GET /{tenant}/v2.0/.well-known/openid-configuration", "POST /{tenant}/oauth2/v2.0/devicecode", "POST /{tenant}/oauth2/v2.0/token"]);
    });

    it("up: the signed-in tenant's user carries authenticationResult (one token acquisition), the other tenant's the reseller token alone", async () => {
        clearLogs();
        const result = await up();
        assert.equal(result.summary.result, "succeeded");
        assert.equal(result.summary.resourceChanges?.create, 4, "the stack and three users");
        const writes = teamsRequestsTo(sim(), "/enterprise/configureUser").map((r) => r.body as { loginID: string; authenticationResult?: { tenantId: string } });
        assert.deepEqual(writes.map((w) => [w.loginID, w.authenticationResult?.tenantId ?? null]).sort(), [
            ["alice@contoso.com", null],
            ["bob@contoso.com", null],
            ["carol@fabrikam.com", FABRIKAM.tenantId],
        ]);
        assert.equal(grantsAt(FABRIKAM.tenantId), 1);
        assert.equal(grantsAt(CONTOSO), 0);
        assert.equal(userNamed("carol@fabrikam.com")?.callingEnabled, true, "enabled by the enterprise, which gave the reseller no consent");
        assert.equal(userNamed("alice@contoso.com")?.callingEnabled, true, "enabled by the reseller, with Contoso's consent");
        console.log(`      up: ${sim().requests().length} ConnecttoTeams requests, ${sim().microsoft.requests().length} Microsoft requests (${grantsAt(FABRIKAM.tenantId)} token acquisition)`);
    });

    it("preview of the unchanged stack sends nothing to ConnecttoTeams or Microsoft", async () => {
        clearLogs();
        const steps = await t.previewSteps();
        assert.deepEqual([...steps.values()].flat().map((s) => s.op), ["same", "same", "same"]);
        assert.equal(sim().requests().length + sim().microsoft.requests().length, 0);
    });

    it("an in-place change of the signed-in tenant's user: one configureUser with authenticationResult, one token acquisition", async () => {
        await t.stack.setConfig("carolCallPolicy", { value: "Sales" });
        clearLogs();
        const result = await up();
        assert.equal(result.summary.resourceChanges?.update, 1);
        const writes = teamsRequestsTo(sim(), "/enterprise/configureUser");
        assert.equal(writes.length, 1);
        assert.equal((writes[0].body as { authenticationResult?: { tenantId: string } }).authenticationResult?.tenantId, FABRIKAM.tenantId);
        assert.equal((userNamed("carol@fabrikam.com")?.fields.pbxCallPolicyInfo as { callPolicyName: string }).callPolicyName, "Sales");
        assert.equal(grantsAt(FABRIKAM.tenantId), 1);
    });

    it("teams-login for a second tenant keeps the first tenant's token", async () => {
        const before = await storedTokens();
        const result = await login(CONTOSO);
        assert.equal(result.code, 0, result.stderr);
        const after = await storedTokens();
        assert.deepEqual(Object.keys(after).sort(), [CONTOSO, FABRIKAM.tenantId].sort());
        assert.equal(after[FABRIKAM.tenantId], before[FABRIKAM.tenantId]);
    });

    it("keeps every Microsoft token out of the exported state, the checkpoint files and everything printed", async () => {
        const { exported, checkpoint } = await t.exportedState();
        const tokens = Object.values(await storedTokens());
        for (const value of [...tokens, ...Object.values(secrets), jwtPrefix]) {
            assert.equal(exported.includes(value), false, `pulumi stack export contains ${value.slice(0, 12)}`);
            assert.equal(checkpoint.includes(value), false, `the state files contain ${value.slice(0, 12)}`);
            assert.equal(printed.includes(value), false, `the CLI or the engine printed ${value.slice(0, 12)}`);
        }
    });

    it("destroy as the enterprise of both tenants: one token acquisition per tenant, every user disabled and removed", async () => {
        clearLogs();
        // Contoso's sign-in came after the last up: destroy sees it only with the program's config (the saved copy predates it).
        const result = await t.stack.destroy({ runProgram: true });
        printed += result.stdout + result.stderr;
        const disables = teamsRequestsTo(sim(), "/provisioning/disableUsers");
        assert.equal(disables.length, 3);
        assert.ok(disables.every((r) => (r.body as { authenticationResult?: unknown }).authenticationResult !== undefined));
        assert.equal(grantsAt(FABRIKAM.tenantId), 1);
        assert.equal(grantsAt(CONTOSO), 1);
        assert.deepEqual(sim().state().users, [], "removed, with no synchronization needed");
        assert.equal(printed.includes(jwtPrefix), false);
    });
});
