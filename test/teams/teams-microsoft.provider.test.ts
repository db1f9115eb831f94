import { strict as assert } from "node:assert";
import { DEFAULT_TEAMS_TENANT, type TeamsSimulatorHandle } from "pulumi-ucaas/simulators";
import { microsoftUsers, refreshGrants, signInDirectly, trustInThisProcess } from "../helpers/microsoft";
import { doctor, lineOf } from "../doctor/doctor-run";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { teamsRequestsTo, teamsUserArgs, useTeamsSimulator } from "../helpers/teams";

const provider = providerFor("TeamsEnterpriseUser");
/** An enterprise without the reseller's Service Provider Consent. */
const FABRIKAM = { tenantId: "5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91", sbcGatewayIds: [21], domain: "fabrikam" };
const microsoftVariables = ["UCAAS_TEAMS_MICROSOFT_TOKENS", "UCAAS_TEAMS_MICROSOFT_CLIENT_ID", "UCAAS_TEAMS_MICROSOFT_AUTHORITY"];

/** Points the provider at the simulated Microsoft and restores the variables afterwards. */
function useMicrosoftSettings(sim: () => TeamsSimulatorHandle): void {
    const saved = Object.fromEntries(microsoftVariables.map((name) => [name, process.env[name]]));
    before(() => {
        trustInThisProcess(sim().microsoft.caCert);
        process.env.UCAAS_TEAMS_MICROSOFT_CLIENT_ID = sim().microsoft.client.clientId;
        process.env.UCAAS_TEAMS_MICROSOFT_AUTHORITY = sim().microsoft.url;
    });
    beforeEach(() => delete process.env.UCAAS_TEAMS_MICROSOFT_TOKENS);
    after(() => {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    });
}

/** A Teams administrator signs in to `tenantId` (as teams-login does) and the provider is given the refresh token. */
async function signIn(sim: TeamsSimulatorHandle, ...tenantIds: string[]): Promise<Record<string, string>> {
    const tokens: Record<string, string> = {};
    for (const tenantId of tenantIds) {
        tokens[tenantId] = (await signInDirectly(sim.microsoft, tenantId, microsoftUsers(sim, tenantId).admin)).refresh_token;
    }
    process.env.UCAAS_TEAMS_MICROSOFT_TOKENS = JSON.stringify(tokens);
    sim.microsoft.clearRequests();
    return tokens;
}

async function create(args: Record<string, unknown>) {
    const inputs = await checked(provider, args);
    const created = await provider.create({ ...inputs, __provider: fakeProviderText });
    return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
}

describe("TeamsEnterpriseUser in both models, called directly against the ConnecttoTeams and Microsoft simulators", () => {
    const sim = useTeamsSimulator({ tenants: [DEFAULT_TEAMS_TENANT, FABRIKAM] });
    useMicrosoftSettings(sim);
    const userIn = (tenantId: string, loginId = "jdoe@contoso.com") => sim().state().users.find((u) => u.tenantID === tenantId && u.loginID === loginId);
    const fabrikamArgs = (overrides: Record<string, unknown> = {}) => teamsUserArgs(sim(), { tenantId: FABRIKAM.tenantId, sbcGatewayId: 21, ...overrides });

    it("a tenant without a sign-in acts with the reseller token: no authenticationResult, calling only with consent, delete refused without it", async () => {
        await signIn(sim(), DEFAULT_TEAMS_TENANT.tenantId); // another tenant's sign-in changes nothing for Fabrikam
        const { id, outs } = await create(fabrikamArgs());
        const [body] = teamsRequestsTo(sim(), "/enterprise/configureUser").map((r) => r.body as Record<string, unknown>);
        assert.equal(body.authenticationResult, undefined);
        assert.equal(userIn(FABRIKAM.tenantId)?.callingEnabled, false, "no consent: configured, calling not enabled");
        await assert.rejects(provider.delete(id, outs), (error: Error) => {
            assert.match(error.message, /ConnecttoTeams: disable user jdoe@contoso.com in tenant 5e2d8f14-\S+ failed: HTTP 403 CONSENT_REQUIRED: .*Service Provider Consent/);
            return true;
        });
        assert.equal(refreshGrants(sim().microsoft).length, 0, "no Microsoft token for a tenant that did not sign in");
    });

    it("a signed-in tenant acts as the enterprise: calling enabled without consent, one token acquisition for the whole run, delete removes the user", async () => {
        const tokens = await signIn(sim(), FABRIKAM.tenantId);
        const alice = await create(fabrikamArgs({ loginId: "alice@fabrikam.com" }));
        const bob = await create(fabrikamArgs({ loginId: "bob@fabrikam.com" }));
        const news = await checked(provider, fabrikamArgs({ loginId: "alice@fabrikam.com", userTag: "sales" }));
        await provider.update(alice.id, alice.inputs, { ...news, __provider: fakeProviderText });
        for (const loginId of ["alice@fabrikam.com", "bob@fabrikam.com"]) assert.equal(userIn(FABRIKAM.tenantId, loginId)?.callingEnabled, true);

        const [first] = teamsRequestsTo(sim(), "/enterprise/configureUser").map((r) => r.body as { authenticationResult: { authenticationResult: Record<string, unknown>; tenantId: string } });
        const msal = first.authenticationResult.authenticationResult;
        assert.equal(first.authenticationResult.tenantId, FABRIKAM.tenantId);
        assert.deepEqual(msal.userInfo, { displayableId: microsoftUsers(sim(), FABRIKAM.tenantId).admin, identityProvider: `${sim().microsoft.url}/${FABRIKAM.tenantId}/v2.0`, tenantId: FABRIKAM.tenantId });
        assert.equal(msal.accessTokenType, "Bearer");
        assert.equal(msal.accessToken, "[REDACTED]", "sent, and redacted in the vendor's request log");
        assert.equal(typeof msal.expiresOn, "number");
        assert.ok((msal.expiresAfter as number) > 3000 && (msal.expiresAfter as number) <= 3599);
        assert.equal(new Date(msal.expiresOnDate as string).getTime() / 1000, msal.expiresOn);

        await provider.delete(bob.id, bob.outs);
        assert.equal(userIn(FABRIKAM.tenantId, "bob@fabrikam.com"), undefined, "disabled and removed, not only marked");
        const [disable] = teamsRequestsTo(sim(), "/provisioning/disableUsers");
        assert.equal((disable.body as { authenticationResult?: unknown }).authenticationResult !== undefined, true);
        assert.equal(refreshGrants(sim().microsoft, FABRIKAM.tenantId).length, 1, "one acquisition for three writes and a delete");
        const grant = refreshGrants(sim().microsoft)[0].body as Record<string, string>;
        assert.equal(grant.refresh_token, "[REDACTED]");
        assert.notEqual(tokens[FABRIKAM.tenantId], undefined);
    });

    it("an expired or revoked sign-in fails the write, says to run teams-login for that tenant, and shows no token", async () => {
        const tokens = await signIn(sim(), FABRIKAM.tenantId);
        sim().microsoft.revokeRefreshTokens(FABRIKAM.tenantId);
        const inputs = await checked(provider, fabrikamArgs({ loginId: "carol@fabrikam.com" }));
        const error: Error = await provider.create({ ...inputs, __provider: fakeProviderText }).then(
            () => assert.fail("created"),
            (e: Error) => e,
        );
        assert.match(error.message, /^Microsoft: get an access token for tenant 5e2d8f14-\S+ with its stored sign-in \(ucaas:teamsMicrosoftTokens\) failed: HTTP 400 invalid_grant: AADSTS50173:/);
        assert.match(error.message, /run `npx pulumi-ucaas teams-login --tenant 5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91` in this project/);
        assert.equal(error.message.includes(tokens[FABRIKAM.tenantId]), false);
        assert.equal(teamsRequestsTo(sim(), "/enterprise/configureUser").length, 0, "nothing is sent to ConnecttoTeams");
    });

    it("check refuses a malformed ucaas:teamsMicrosoftTokens without showing it, and asks for the application it was issued to", async () => {
        const secret = "1.not-json-but-a-token-SECRET";
        process.env.UCAAS_TEAMS_MICROSOFT_TOKENS = secret;
        const malformed = await provider.check({}, { ...fabrikamArgs(), __provider: fakeProviderText });
        const reasons = (malformed.failures ?? []).map((f) => f.reason).join("\n");
        assert.match(reasons, /Setting ucaas:teamsMicrosoftTokens \/ UCAAS_TEAMS_MICROSOFT_TOKENS is not JSON: .*teams-login --tenant/);
        assert.equal(reasons.includes(secret), false);
        process.env.UCAAS_TEAMS_MICROSOFT_TOKENS = JSON.stringify({ [FABRIKAM.tenantId]: "1.some-token" });
        const clientId = process.env.UCAAS_TEAMS_MICROSOFT_CLIENT_ID;
        delete process.env.UCAAS_TEAMS_MICROSOFT_CLIENT_ID;
        try {
            const missing = await provider.check({}, { ...fabrikamArgs(), __provider: fakeProviderText });
            assert.match((missing.failures ?? []).map((f) => f.reason).join("\n"), /Missing setting ucaas:teamsMicrosoftClientId \(the Microsoft application \(client\) id/);
        } finally {
            process.env.UCAAS_TEAMS_MICROSOFT_CLIENT_ID = clientId;
        }
        process.env.UCAAS_TEAMS_MICROSOFT_AUTHORITY = sim().microsoft.url.replace("https:", "http:") + "/" + FABRIKAM.tenantId;
        try {
            const authority = await provider.check({}, { ...fabrikamArgs(), __provider: fakeProviderText });
            assert.match((authority.failures ?? []).map((f) => f.reason).join("\n"), /ucaas:teamsMicrosoftAuthority .* is not https:\/\//);
        } finally {
            process.env.UCAAS_TEAMS_MICROSOFT_AUTHORITY = sim().microsoft.url;
        }
        assert.equal(sim().requests().length + sim().microsoft.requests().length, 0, "check sends nothing");
    });
});

describe("pulumi-ucaas doctor with a tenant signed in with teams-login", () => {
    const sim = useTeamsSimulator({ tenants: [DEFAULT_TEAMS_TENANT, FABRIKAM] });
    useMicrosoftSettings(sim);

    it("tries the signed-in tenant's token acquisition (a grant, no write), and notes the consent it cannot check", async () => {
        await signIn(sim(), FABRIKAM.tenantId);
        const output = await doctor("--vendor", "teams");
        assert.equal(output.code, 0, output.stdout + output.stderr);
        assert.match(lineOf(output, "teams", "consent").text, /lists 1 tenant\)/);
        assert.equal(lineOf(output, "teams", "consent").status, "note");
        assert.match(lineOf(output, "teams", "microsoft sign-in").text, /^1 tenant signed in: each stored refresh token gave an access token for its own tenant/);
        assert.equal(refreshGrants(sim().microsoft).length, 1);
        assert.deepEqual(teamsRequestsTo(sim(), "/enterprise/configureUser"), []);
        sim().microsoft.revokeRefreshTokens();
        await signIn(sim(), FABRIKAM.tenantId).then(() => sim().microsoft.revokeRefreshTokens());
        const revoked = await doctor("--vendor", "teams");
        assert.equal(revoked.code, 1);
        const line = lineOf(revoked, "teams", "microsoft sign-in");
        assert.equal(line.status, "unreachable");
        assert.match(line.text, /invalid_grant: AADSTS50173: .*teams-login --tenant 5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91/);
    });
});

describe("TeamsEnterpriseUser with Microsoft token rotation", () => {
    // Access tokens shorter than the 5 minutes a token is renewed before it expires: every write acquires one.
    const sim = useTeamsSimulator({ tenants: [FABRIKAM], microsoft: { accessTokenSeconds: 120, singleUseRefreshTokens: true } });
    useMicrosoftSettings(sim);

    it("renews with the newest refresh token Microsoft issued in the run, not the stored one", async () => {
        await signIn(sim(), FABRIKAM.tenantId);
        const args = (loginId: string) => teamsUserArgs(sim(), { tenantId: FABRIKAM.tenantId, sbcGatewayId: 21, loginId });
        await create(args("dave@fabrikam.com"));
        await create(args("erin@fabrikam.com"));
        assert.equal(refreshGrants(sim().microsoft).length, 2);
        assert.deepEqual(refreshGrants(sim().microsoft).map((r) => r.status), [200, 200], "the stored token is single-use here: the second grant used the rotated one");
        assert.equal(sim().state().users.filter((u) => u.callingEnabled).length, 2);
    });
});
