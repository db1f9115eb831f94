import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startMasergySimulator, type Fault, type SimulatorHandle } from "pulumi-ucaas/simulators";
import { observeAnswers } from "../../provider/http/answer-observer";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { useTeamsSimulator } from "../helpers/teams";
import { useUmpSimulator } from "../helpers/ump";
import { doctor, isReadOnly, lineOf, type DoctorOutput } from "./doctor-run";

const masergyApi = "/apiman-gateway/MasergyUCaaS/provisioning/1.0";
const masergyToken = "/auth/realms/ucaas/protocol/openid-connect/token";
const json = (body: unknown, extra: Partial<Fault> = {}): Fault => ({ kind: "raw", status: 200, contentType: "application/json", body: JSON.stringify(body), ...extra }) as Fault;

/** Values put into the simulators that must never reach a report. */
const personal = {
    pbxUser: { name: "dora", display_name: "Dora Quintessa", email: "dora.quintessa@example.com", extension_number: "4711" },
    pbxSecrets: { password: "dora-Passw0rd-9", extension_password: "dora-Ext-Secret-9", voicemail_pin: "246813" },
    masergyUser: { userId: "quintessa@example.com", firstName: "Quintessa", lastName: "Marlowe", emailAddress: "q.marlowe@example.com", phoneNumber: "+12125550117", extension: "0117" },
    masergySecret: "Portal-Passw0rd-9",
    umpUser: { SipAddress: "sip:zebulon@contoso.com", DisplayName: "Zebulon Farquhar", LineURI: "tel:+311111131" },
};

describe("pulumi-ucaas doctor (in process, against the four simulators)", function () {
    this.timeout(60_000);
    const pbx = usePortSipSimulator();
    const masergy = useMasergySimulator();
    const ump = useUmpSimulator();
    const teams = useTeamsSimulator();
    const sims = (): SimulatorHandle[] => [pbx(), masergy(), ump(), teams()];

    // The simulators' hooks set the UCAAS_* variables; tests that change them get them back.
    let variables: Record<string, string | undefined> = {};
    beforeEach(() => (variables = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("UCAAS_")))));
    afterEach(() => {
        for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_"))) delete process.env[key];
        Object.assign(process.env, variables);
    });

    beforeEach(() => {
        pbx().seedRole({ name: "Support", description: "made by hand" });
        pbx().seedUser({ ...personal.pbxUser, ...personal.pbxSecrets, role: "Support" });
        masergy().seedUser({
            groupId: "SIM-NYC", ...personal.masergyUser, webPortalPassword: personal.masergySecret,
            mainServicePack: "UC-Standard", addressType: "NONE", timeZone: "America/New_York",
            voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false,
        });
        ump().seedEndpoint({ ...personal.umpUser, EnterpriseVoiceEnabled: true });
        for (const sim of sims()) sim.clearRequests();
    });

    const statuses = (output: DoctorOutput) => [...new Set(output.lines.map((line) => line.status))];

    it("finds every vendor as we read it: one ok line per check, exit 0, and only reads reach the vendors", async () => {
        const output = await doctor();
        assert.equal(output.code, 0, output.stdout + output.stderr);
        assert.deepEqual(statuses(output), ["ok", "note"], "the note: ConnecttoTeams' consent cannot be read");
        assert.deepEqual(
            output.lines.map((line) => `${line.vendor} ${line.check}`),
            [
                ...["settings", "token", "roles", "role model", "permissions", "users", "user detail"].map((c) => `pbx ${c}`),
                ...["settings", "token", "refresh token reuse", "groups", "user/find", "user/find EXACT", "time zones", "device models", "service packs", "phone numbers"].map((c) => `masergy ${c}`),
                ...["settings", "endpoint list", "endpoint detail", "license", "number ranges", "registrar pools", "sign-in domains"].map((c) => `ump ${c}`),
                ...["settings", "token", "authenticated user", "consent"].map((c) => `teams ${c}`),
            ],
        );
        assert.match(lineOf(output, "pbx", "roles").text, /^8 roles: 7 built-in, 1 custom$/);
        assert.match(lineOf(output, "pbx", "permissions").text, /^8 roles read: the 11 groups with every flag PbxRole manages; no flags beyond ours$/);
        assert.match(lineOf(output, "masergy", "token").text, /access token valid 300 s .* at least once every 30 days/);
        assert.match(lineOf(output, "masergy", "user/find").text, /^1 user in the first group$/);
        assert.match(lineOf(output, "ump", "endpoint detail").text, /one with a number or Enterprise Voice/);
        assert.match(lineOf(output, "teams", "token").text, /access token valid 43199 s \(about 12 h\)/);
        assert.match(lineOf(output, "teams", "authenticated user").text, /"RESELLER", reseller-level/);
        assert.match(lineOf(output, "masergy", "refresh token reuse").text, /works again after a grant: it is not single-use$/);
        assert.match(lineOf(output, "teams", "consent").text, /^not checkable: no documented call reads an enterprise's Service Provider Consent/);
        assert.match(output.stdout, /\n28 checks: 27 ok, 1 note\n$/);
        for (const sim of sims()) {
            const writes = sim.requests().filter((request) => !isReadOnly(request));
            assert.deepEqual(writes, [], `${sim.vendor} got only reads`);
            assert.ok(sim.requests().length > 0, `${sim.vendor} was asked`);
        }
    });

    it("with --masergy-task reads that task's view, and the requests stay reads", async () => {
        const { taskId } = await submitMasergyCreate(masergy());
        for (const sim of sims()) sim.clearRequests();
        const output = await doctor("--masergy-task", taskId);
        assert.equal(output.code, 0, output.stdout);
        assert.match(lineOf(output, "masergy", "task view").text, /^status "(QUEUED|RUNNING|COMPLETED)"/);
        assert.deepEqual(sims().flatMap((sim) => sim.requests().filter((request) => !isReadOnly(request))), []);
    });

    describe("one answer changed per check: the difference is found, with its path, and the exit code is 1", () => {
        interface Case {
            vendor: "pbx" | "masergy" | "ump" | "teams";
            check: string;
            change: () => void | Promise<void>;
            path: string;
            /** What the line says was received. */
            received?: RegExp;
            login?: boolean;
        }
        const cases: Case[] = [
            { vendor: "pbx", check: "token", login: true, change: () => pbx().injectFault(json({ token_type: "Bearer" }, { pathPrefix: "/api/login/oauth/token", count: 2 })), path: "access_token", received: /nothing \(the member is missing\)/ },
            { vendor: "pbx", check: "roles", change: () => pbx().injectFault({ kind: "html", method: "GET", pathPrefix: "/api/roles" }), path: "body", received: /an HTML or XML page, text\/html/ },
            {
                vendor: "pbx", check: "role model",
                change: () => pbx().injectFault(json({ count: 3, items: [{ name: "SystemAdmin" }, { name: "OperationsAdmin" }, { name: "SiteAdmin" }] }, { method: "GET", pathPrefix: "/api/roles" })),
                path: "items[].name", received: /no Replicator, Dealer, Admin, StandardUser, StandardInternationalUser, QueueManager; OperationsAdmin, SiteAdmin instead: v22\.3/,
            },
            {
                vendor: "pbx", check: "permissions",
                change: () => pbx().injectFault(json({ name: "SystemAdmin", permissions: { general: { voicemail_view_only: "yes" } } }, { method: "GET", pathPrefix: "/api/roles/" })),
                path: "permissions.general.voicemail_view_only", received: /a string\(word, 3\)/,
            },
            { vendor: "pbx", check: "users", change: () => pbx().injectFault(json({ count: 1, items: [{ id: 5, name: "x", extension_number: "1" }] }, { method: "GET", pathPrefix: "/api/users" })), path: "items[0].id", received: /a number/ },
            {
                vendor: "pbx", check: "user detail",
                change: () => pbx().injectFault(json({ id: "u1", name: "x", extension_number: "4711", enable_dnd: "no" }, { method: "GET", pathPrefix: "/api/users/" })),
                path: "enable_dnd", received: /a string\(word, 2\)/,
            },
            { vendor: "masergy", check: "token", change: () => masergy().injectFault(json({ access_token: "abcdefgh" }, { pathPrefix: masergyToken })), path: "expires_in" },
            { vendor: "masergy", check: "groups", change: () => masergy().injectFault({ kind: "truncate", pathPrefix: `${masergyApi}/user/available_groups` }), path: "body", received: /malformed JSON/ },
            { vendor: "masergy", check: "user/find", change: () => masergy().injectFault(json({ users: [{ firstName: "x" }] }, { pathPrefix: `${masergyApi}/user/find` })), path: "users[0].userId" },
            {
                vendor: "masergy", check: "user/find EXACT",
                change: () => masergy().injectFault(json({ users: [{ userId: "ghost@example.com", groupId: "SIM-NYC" }] }, { pathPrefix: `${masergyApi}/user/find` })),
                path: "users", received: /no user with that userId/,
            },
            {
                vendor: "masergy", check: "time zones",
                change: () => masergy().injectFault(json({ timeZones: ["Etc/UTC", "Europe/Berlin"] }, { pathPrefix: `${masergyApi}/user/available_time_zones` })),
                path: "timeZones", received: /"Europe\/Berlin", which MasergyUser's timeZone refuses; not "Europe\/London", "Europe\/Paris", "Europe\/Istanbul", and 31 more/,
            },
            { vendor: "masergy", check: "device models", change: () => masergy().injectFault(json({ deviceModels: [7] }, { pathPrefix: `${masergyApi}/user/available_device_models` })), path: "deviceModels[0]", received: /a number/ },
            { vendor: "masergy", check: "service packs", change: () => masergy().injectFault({ kind: "raw", status: 200, pathPrefix: `${masergyApi}/user/available_main_service_packs` }), path: "body", received: /an empty body/ },
            {
                vendor: "masergy", check: "phone numbers",
                change: () => masergy().injectFault(json({ phoneNumbers: ["2125550100"] }, { pathPrefix: `${masergyApi}/user/available_phone_numbers` })),
                path: "phoneNumbers[0]", received: /a string\(digits, 10\)/,
            },
            { vendor: "ump", check: "endpoint list", change: () => ump().injectFault(json({ Total: 184, Data: [] }, { pathPrefix: "/sysadmin/api/proxy/endpoint/list" })), path: "Total", received: /184/ },
            {
                vendor: "ump", check: "endpoint detail",
                change: () => ump().injectFault(json({ SipAddress: "sip:zebulon@contoso.com", EnterpriseVoiceEnabled: "True" }, { method: "GET", pathPrefix: "/sysadmin/api/proxy/endpoint/" })),
                path: "EnterpriseVoiceEnabled", received: /a string\(word, 4\)/,
            },
            { vendor: "ump", check: "license", change: () => ump().injectFault({ kind: "huge", megabytes: 5, pathPrefix: "/sysadmin/api/license" }), path: "body", received: /cut off while it streamed in/ },
            { vendor: "ump", check: "number ranges", change: () => ump().injectFault(json({ rows: [{ Identity: "r1" }] }, { pathPrefix: "/sysadmin/api/numberrange" })), path: "rows[0].NumberRangeType" },
            { vendor: "ump", check: "registrar pools", change: () => ump().injectFault(json({ pools: [] }, { pathPrefix: "/sysadmin/api/proxy/registrarpools" })), path: "body", received: /an object/ },
            { vendor: "ump", check: "sign-in domains", change: () => ump().injectFault({ kind: "html", pathPrefix: "/sysadmin/api/signindomain" }), path: "body" },
            { vendor: "teams", check: "token", change: () => teams().injectFault(json({ token_type: "bearer" }, { pathPrefix: "/oauth/token" })), path: "access_token" },
            {
                vendor: "teams", check: "authenticated user",
                change: () => teams().injectFault(json({ username: "api-admin", type: "ENTERPRISE" }, { pathPrefix: "/reseller/getAuthenticatedUser" })),
                path: "type", received: /"ENTERPRISE"/,
            },
        ];
        for (const c of cases) {
            it(`${c.vendor} ${c.check}: differs at ${c.path}`, async () => {
                if (c.login) {
                    delete process.env.UCAAS_PBX_TOKEN;
                    process.env.UCAAS_PBX_USERNAME = "admin";
                    process.env.UCAAS_PBX_PASSWORD = "admin-sim-password";
                }
                await c.change();
                const output = await doctor("--vendor", c.vendor);
                assert.equal(output.code, 1, output.stdout);
                const line = lineOf(output, c.vendor, c.check);
                assert.equal(line.status, "differs", output.stdout);
                assert.ok(line.text.startsWith(`${c.path}: expected `), line.text);
                if (c.received) assert.match(line.text, c.received);
                const others = output.lines.filter((l) => l !== line && l.status !== "ok" && l.status !== "note");
                assert.ok(others.every((l) => l.status === "unreachable" && l.text.startsWith("not tried: needs what")), output.stdout);
                assert.ok(output.lines.every((l) => l.vendor === c.vendor), "only the vendor named");
            });
        }

        it("masergy task view: a status we do not know (ON_HOLD), and a task result we do not know", async () => {
            masergy().holdNextTask({ status: "ON_HOLD" });
            const held = await submitMasergyCreate(masergy());
            await waitFor(() => masergy().tasks().find((task) => task.taskId === held.taskId)?.status === "ON_HOLD");
            const output = await doctor("--vendor", "masergy", "--masergy-task", held.taskId);
            assert.equal(output.code, 1);
            assert.equal(lineOf(output, "masergy", "task view").text, 'status: expected one of QUEUED, RUNNING, COMPLETED, FAILED (a job waits on any other status as if still running), received "ON_HOLD"');
            masergy().releaseTasks();

            masergy().setNextTaskResult({ taskResult: "PARTIAL" });
            const partial = await submitMasergyCreate(masergy(), "other@example.com", "+12125550118", "0118");
            await waitFor(() => masergy().tasks().find((task) => task.taskId === partial.taskId)?.status === "COMPLETED");
            const after = await doctor("--vendor", "masergy", "--masergy-task", partial.taskId);
            assert.match(lineOf(after, "masergy", "task view").text, /^taskResult: expected OK or FAILED .*, received "PARTIAL"$/);
        });
    });

    it("extra permission flags a newer PBX reports are named in an ok line, not a difference", async () => {
        pbx().setExtraPermissionFlags({ general: { ai_assistant: true }, reporting: { exports: false } });
        const output = await doctor("--vendor", "pbx");
        assert.equal(output.code, 0, output.stdout);
        assert.match(lineOf(output, "pbx", "permissions").text, /flags beyond ours, which PbxRole ignores: general\.ai_assistant, reporting \(a whole group\)$/);
    });

    it("says what the lifetime of a PortSIP login means, and when a grant gives none", async () => {
        delete process.env.UCAAS_PBX_TOKEN;
        process.env.UCAAS_PBX_USERNAME = "admin";
        process.env.UCAAS_PBX_PASSWORD = "admin-sim-password";
        const output = await doctor("--vendor", "pbx,teams");
        assert.equal(output.code, 0, output.stdout);
        assert.match(lineOf(output, "pbx", "token").text, /^password grant: access token valid 1800 s \(30 min\), renewed 30 s before it runs out/);
        teams().injectFault(json({ access_token: "abcdefgh-ijkl" }, { pathPrefix: "/oauth/token" }));
        const noLifetime = await doctor("--vendor", "teams");
        assert.match(lineOf(noLifetime, "teams", "token").text, /no expires_in\): the token is renewed only when the vendor answers 401/);
    });

    describe("which vendors, and settings", () => {
        it("--vendor checks only the vendors named; the others send nothing", async () => {
            const output = await doctor("--vendor", "ump,teams");
            assert.equal(output.code, 0);
            assert.deepEqual([...new Set(output.lines.map((line) => line.vendor))], ["ump", "teams"]);
            assert.equal(pbx().requests().length + masergy().requests().length, 0);
        });

        it("a vendor without settings is skipped (exit 0); named with --vendor it is an error (exit 1)", async () => {
            for (const key of Object.keys(process.env).filter((k) => k.startsWith("UCAAS_TEAMS_"))) delete process.env[key];
            const output = await doctor();
            assert.equal(output.code, 0, output.stdout);
            assert.deepEqual(lineOf(output, "teams", "settings"), { vendor: "teams", check: "settings", status: "not configured", text: "no ucaas:teams* setting is given: not checked" });
            assert.match(output.stdout, /\n24 checks: 24 ok; not configured, so not checked: teams\n$/);

            const named = await doctor("--vendor", "teams");
            assert.equal(named.code, 1);
            assert.deepEqual(named.lines.map((line) => [line.check, line.status]), [["settings", "not configured"]]);
            assert.match(named.lines[0].text, /^Missing setting ucaas:teamsClientId .*UCAAS_TEAMS_CLIENT_ID\.$/);
        });

        it("a vendor with a setting missing is not configured, naming the setting and its variable (exit 1)", async () => {
            delete process.env.UCAAS_PBX_TOKEN;
            const output = await doctor();
            assert.equal(output.code, 1);
            const line = lineOf(output, "pbx", "settings");
            assert.equal(line.status, "not configured");
            assert.match(line.text, /Missing setting ucaas:pbxToken .*UCAAS_PBX_TOKEN/);
            assert.equal(output.lines.filter((l) => l.vendor === "pbx").length, 1, "the vendor's other checks are left out");
            assert.equal(pbx().requests().length, 0);
        });

        it("an unreachable host: the first request's failure, the vendor's other checks not tried (exit 1)", async () => {
            process.env.UCAAS_UMP_URL = "http://127.0.0.1:9/sysadmin/api";
            const output = await doctor("--vendor", "ump");
            assert.equal(output.code, 1);
            assert.match(lineOf(output, "ump", "endpoint list").text, /^AudioCodes UMP: list endpoints failed after 4 attempts: no response \(ECONNREFUSED/);
            assert.deepEqual(output.lines.slice(2).map((line) => line.text), Array(5).fill('not tried: "endpoint list" failed'));
        });

        it("a refused credential: unreachable with the vendor's message, the rest not tried", async () => {
            process.env.UCAAS_PBX_TOKEN = "not-the-token";
            const output = await doctor("--vendor", "pbx");
            assert.equal(output.code, 1);
            assert.match(lineOf(output, "pbx", "roles").text, /^PortSIP: list roles failed: HTTP 401/);
            assert.equal(output.stdout.includes("not-the-token"), false);
        });

        it("a realm whose refresh tokens are single-use: the stored one fails when used again, and doctor says what that means", async () => {
            const rotating = await startMasergySimulator({ rotateRefreshTokens: true });
            try {
                Object.assign(process.env, { UCAAS_MASERGY_API_URL: rotating.apiUrl, UCAAS_MASERGY_TOKEN_URL: rotating.tokenUrl, UCAAS_MASERGY_REFRESH_TOKEN: rotating.refreshToken });
                const output = await doctor("--vendor", "masergy");
                assert.equal(output.code, 1);
                assert.equal(lineOf(output, "masergy", "token").status, "ok");
                assert.match(lineOf(output, "masergy", "refresh token reuse").text, /^refresh_token: expected a refresh token that stays valid when used .*, received invalid_grant after one use: .*Revoke Refresh Token/);
                assert.deepEqual(output.lines.filter((line) => line.status !== "ok").map((line) => line.check), ["refresh token reuse"]);
            } finally {
                await rotating.stop();
            }
        });

        it("--masergy-task with --vendor leaving Masergy out is a usage error (exit 2)", async () => {
            const output = await doctor("--vendor", "pbx", "--masergy-task", "t-1");
            assert.equal(output.code, 2);
            assert.match(output.stderr, /--masergy-task reads a Masergy task: add masergy to --vendor/);
        });

        it("a task Masergy does not know is unreachable with its 404", async () => {
            const output = await doctor("--vendor", "masergy", "--masergy-task", "no-such-task");
            assert.equal(output.code, 1);
            assert.match(lineOf(output, "masergy", "task view").text, /HTTP 404 NOT_FOUND: Task no-such-task not found/);
        });
    });

    describe("--report", () => {
        let dir: string;
        beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-doctor-report-"))));
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

        it("writes every check and the shape of every answer, with no token, credential or personal value in it", async () => {
            const issued: string[] = [];
            const stop = observeAnswers((answer) => {
                const body = /token/.test(answer.path) && answer.text ? JSON.parse(answer.text) : {};
                issued.push(...[body.access_token, body.refresh_token].filter(Boolean));
            });
            const file = path.join(dir, "report.json");
            let output: DoctorOutput;
            try {
                teams().injectFault(json({ username: "api-admin", type: "ENTERPRISE" }, { pathPrefix: "/reseller/getAuthenticatedUser" }));
                output = await doctor("--report", file);
            } finally {
                stop();
            }
            assert.equal(output.code, 1);
            assert.match(output.stderr, /Wrote the report to /);
            const text = fs.readFileSync(file, "utf8");
            const report = JSON.parse(text);
            assert.equal(report.passed, false);
            assert.equal(report.checks.length, output.lines.length);
            assert.deepEqual(report.checks.find((c: { check: string }) => c.check === "authenticated user"), {
                vendor: "teams",
                check: "authenticated user",
                request: "PUT reseller/getAuthenticatedUser (a read)",
                status: "differs",
                summary: 'the token is accepted; the admin is "ENTERPRISE"',
                differences: [{ path: "type", expected: "a reseller-level admin (RESELLER): configureUser without an MSAL object needs a reseller-level token", received: '"ENTERPRISE"' }],
            });
            assert.deepEqual(report.checks.filter((c: { status: string }) => c.status !== "ok" && c.status !== "note").length, 1);
            assert.equal(report.answers.length, sims().reduce((n, sim) => n + sim.requests().length, 0), "every answer, each once");
            const user = report.answers.find((a: { request: string }) => /^GET api\/users\/\{string\(/.test(a.request));
            assert.deepEqual([user?.body.name, user?.body.email, user?.body.voicemail_pin], ["string(word, 4)", "string(email, 26)", "string(digits, 6)"]);
            const detail = report.answers.find((a: { request: string }) => a.request === "GET proxy/endpoint/{string(sip-uri, 23)}");
            assert.equal(detail?.body.DisplayName, "string(text, 16)");
            assert.equal(detail?.body.LineURI, "string(tel-uri, 15, with spaces around it)", "UMP's stray space shows");

            assert.ok(issued.length >= 3, "tokens were issued");
            const secrets = [
                ...issued, pbx().token, teams().client.clientSecret, teams().admin.password, process.env.UCAAS_MASERGY_REFRESH_TOKEN!,
                ...Object.values(personal.pbxSecrets), personal.masergySecret,
            ];
            const values = [...Object.values(personal.pbxUser), ...Object.values(personal.masergyUser), ...Object.values(personal.umpUser), "zebulon", "quintessa", "Dora", "+31311111131"];
            for (const value of [...secrets, ...values]) {
                assert.equal(text.toLowerCase().includes(value.toLowerCase()), false, `the report does not hold ${value.length > 12 ? "a token or credential" : value}`);
            }
        });
    });
});

/** Submits a user/create straight to the simulator (as another tool would) and returns its receipt. */
async function submitMasergyCreate(sim: ReturnType<ReturnType<typeof useMasergySimulator>>, userId = "jobber@example.com", phoneNumber = "+12125550119", extension = "0119") {
    const grant = await fetch(sim.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", client_id: "token-api", refresh_token: sim.issueRefreshToken() }),
    });
    const { access_token } = (await grant.json()) as { access_token: string };
    const created = await fetch(`${sim.apiUrl}/user/create`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
        body: JSON.stringify({
            groupId: "SIM-NYC", userId, firstName: "Job", lastName: "Ber", webPortalPassword: "Portal-Passw0rd-7",
            phoneNumber, extension, mainServicePack: "UC-Standard", addressType: "NONE", timeZone: "America/New_York",
            voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false,
        }),
    });
    return (await created.json()) as { jobId: string; taskId: string };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
    for (const started = Date.now(); !condition(); ) {
        if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
