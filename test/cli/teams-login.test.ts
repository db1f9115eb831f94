import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { microsoftUsers, runTeamsLogin, teamsAdminScope, trustInThisProcess } from "../helpers/microsoft";
import { useTeamsSimulator } from "../helpers/teams";
import { bins, runBin } from "./run";

const FABRIKAM = "5e2d8f14-9a7b-4c3e-b1d0-6f8a2c4e7b91";

describe("pulumi-ucaas teams-login", function () {
    this.timeout(120_000);
    const sim = useTeamsSimulator({ microsoft: { pollIntervalSeconds: 1 } });
    const nowhere = () => fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-nowhere-"));
    const env = (extra: Record<string, string> = {}) => ({
        UCAAS_TEAMS_MICROSOFT_AUTHORITY: sim().microsoft.url,
        UCAAS_TEAMS_MICROSOFT_CLIENT_ID: sim().microsoft.client.clientId,
        NODE_EXTRA_CA_CERTS: sim().microsoft.caFile,
        ...extra,
    });

    it("--print shows the device code on stderr and prints a refresh token that Microsoft redeems", async () => {
        const result = await runTeamsLogin(sim().microsoft, ["--tenant", sim().tenant.tenantId, "--print"], { cwd: nowhere(), env: env(), username: microsoftUsers(sim()).admin });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /Signing in to Microsoft tenant 0b7e3c9a-\S+ as a Teams administrator \(device code\):\nTo sign in, use a web browser to open the page https:\/\/127\.0\.0\.1:\d+\/devicelogin and enter the code [A-Z0-9]{9} to authenticate\.\nSigned in as teams\.admin@contoso\.onmicrosoft\.com\.\n$/);
        const token = result.stdout.trim();
        trustInThisProcess(sim().microsoft.caCert);
        const redeemed = await fetch(`${sim().microsoft.url}/${sim().tenant.tenantId}/oauth2/v2.0/token`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ client_id: sim().microsoft.client.clientId, grant_type: "refresh_token", refresh_token: token, scope: teamsAdminScope }),
        });
        assert.equal(redeemed.status, 200);
    });

    it("a declined sign-in fails with Microsoft's code and says what to do; nothing is printed on stdout", async () => {
        const result = await runTeamsLogin(sim().microsoft, ["--tenant", sim().tenant.tenantId, "--print"], { cwd: nowhere(), env: env(), decline: true });
        assert.equal(result.code, 1);
        assert.match(result.stderr, /pulumi-ucaas teams-login: Microsoft: sign in to tenant 0b7e3c9a-\S+ with a device code failed: HTTP 400 authorization_declined: AADSTS65004: .*Run teams-login again/);
        assert.equal(result.stdout, "");
    });

    it("without the simulator's CA in NODE_EXTRA_CA_CERTS, fails naming the variable", async () => {
        const result = await runBin(bins.ucaas, ["teams-login", "--tenant", sim().tenant.tenantId, "--print"], { cwd: nowhere(), env: env({ NODE_EXTRA_CA_CERTS: "" }) });
        assert.equal(result.code, 1);
        assert.match(result.stderr, /NODE_EXTRA_CA_CERTS/);
    });

    it("refuses a wrong command line with exit 2: a tenant that is not a GUID, no project without --print, no application, an http authority", async () => {
        const badTenant = await runBin(bins.ucaas, ["teams-login", "--tenant", "contoso.onmicrosoft.com", "--print"], { cwd: nowhere(), env: env() });
        assert.equal(badTenant.code, 2);
        assert.match(badTenant.stderr, /--tenant.*a Microsoft tenant id \(a GUID\)/);
        const outside = await runBin(bins.ucaas, ["teams-login", "--tenant", FABRIKAM], { cwd: nowhere(), env: env() });
        assert.equal(outside.code, 2);
        assert.match(outside.stderr, /no Pulumi project here .* pass --print/);
        const noApp = await runBin(bins.ucaas, ["teams-login", "--tenant", FABRIKAM, "--print"], { cwd: nowhere(), env: env({ UCAAS_TEAMS_MICROSOFT_CLIENT_ID: "" }) });
        assert.equal(noApp.code, 2);
        assert.match(noApp.stderr, /pass --client-id, or set the application first: `pulumi config set ucaas:teamsMicrosoftClientId <application id>`/);
        const http = await runBin(bins.ucaas, ["teams-login", "--tenant", FABRIKAM, "--print"], { cwd: nowhere(), env: env({ UCAAS_TEAMS_MICROSOFT_AUTHORITY: "http://127.0.0.1:1" }) });
        assert.equal(http.code, 2);
        assert.match(http.stderr, /is not https:\/\/ \(msal-node/);
        assert.equal(sim().microsoft.requests().length, 0);
    });
});
