/**
 * Resources against vendors whose answers something in front of them changed (a proxy's HTML page
 * with 200, a newer vendor version): an answer not understood stops the operation with the state
 * untouched, and "gone" comes only from the vendor's own not-found signal.
 */
import { strict as assert } from "node:assert";
import { echoRequest, useAnswerProxy, type ProxiedAnswer } from "../helpers/answer-proxy";
import { capturingLog } from "../helpers/capture-log";
import { masergyUserArgs, pbxRoleArgs, pbxUserArgs } from "../helpers/fixtures";
import { apiRequests, useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { checkedAndCreated, fakeProviderText, providerFor } from "../helpers/providers";
import { htmlLoginPage } from "../helpers/raw-server";
import { teamsUserArgs, useTeamsSimulator } from "../helpers/teams";
import { seedDirectoryUser, umpEndpointArgs, useUmpSimulator } from "../helpers/ump";

const html = (status = 200) => (): ProxiedAnswer => ({ status, contentType: "text/html", body: htmlLoginPage });
const json = (rewrite: (body: any) => unknown) => (answer: ProxiedAnswer): ProxiedAnswer => ({ ...answer, body: JSON.stringify(rewrite(JSON.parse(answer.body))) }); // eslint-disable-line @typescript-eslint/no-explicit-any

describe("fail closed: PortSIP behind a proxy", () => {
    const sim = usePortSipSimulator();
    const proxy = useAnswerProxy(() => sim().url, "UCAAS_PBX_URL");
    const roles = providerFor("PbxRole");
    const users = providerFor("PbxUser");

    it("PbxRole refresh ignores permission flags and groups it does not know", async () => {
        const { id, outs } = await checkedAndCreated(roles, pbxRoleArgs());
        proxy().rule({
            method: "GET",
            path: /^\/api\/roles\/Support$/,
            rewrite: json((role) => ({ ...role, permissions: { ...role.permissions, general: { ...role.permissions.general, teleport: true }, ai: { agents: true } } })),
        });
        const read = await roles.read(id, outs);
        assert.deepEqual((read.props as typeof outs).permissions, outs.permissions);
    });

    it("PbxRole refresh throws on an HTML page answered 200, so the state keeps its permissions", async () => {
        const { id, outs } = await checkedAndCreated(roles, pbxRoleArgs());
        const before = structuredClone(outs);
        proxy().rule({ method: "GET", path: /^\/api\/roles\//, respond: html() });
        await assert.rejects(roles.read(id, outs), /^VendorAnswerError: PortSIP: read role Support failed: HTTP 200 answer not understood: expected a PortSIP role .*received text\/html/);
        assert.deepEqual(outs, before);
    });

    it("PbxUser refresh throws on an HTML page, and on an answer that leaves out a field it manages", async () => {
        const { id, outs } = await checkedAndCreated(users, pbxUserArgs({ department: "Support" }));
        proxy().rule({ method: "GET", path: /^\/api\/users\//, count: 1, respond: html() });
        await assert.rejects(users.read(id, outs), /PortSIP: read user .* HTTP 200 answer not understood/);
        proxy().rule({ method: "GET", path: /^\/api\/users\//, rewrite: json(({ department: _gone, ...user }) => user) });
        await assert.rejects(users.read(id, outs), /expected a PortSIP user with department \(managed by this PbxUser; null when blank\)/);
    });

    it("a proxy's HTML 404 is not 'already deleted': delete fails and the user stays", async () => {
        const { id, outs } = await checkedAndCreated(users, pbxUserArgs());
        proxy().rule({ method: "POST", path: /\/destroy$/, respond: html(404) });
        await assert.rejects(users.delete(id, outs), /PortSIP: delete user .* HTTP 404: not PortSIP's error format/);
        proxy().rule({ method: "GET", path: /^\/api\/users\//, respond: html(404) });
        await assert.rejects(users.read(id, outs), /HTTP 404: not PortSIP's error format/);
        assert.equal(sim().state().users.length, 1);
    });

    it("an HTML 200 to a create is an unknown outcome, settled by looking again, never a created user", async () => {
        proxy().rule({ method: "POST", path: /^\/api\/users$/, respond: html() });
        await assert.rejects(checkedAndCreated(users, pbxUserArgs()), (error: Error) => {
            assert.match(error.message, /PortSIP: create user alice \(extension 1001\) failed: HTTP 200 answer not understood: expected the created user's \{id\}/);
            assert.match(error.message, /does not exist \(looked again\), so nothing was created/);
            return true;
        });
        assert.deepEqual(sim().state().users, []);
    });

    it("no password or token echoed by the vendor reaches the error", async () => {
        proxy().rule({ method: "POST", path: /^\/api\/users$/, respond: echoRequest(400) });
        const args = pbxUserArgs();
        const error: Error = await checkedAndCreated(users, args).then(() => assert.fail("the echo is a refusal"), (e: Error) => e);
        assert.match(error.message, /PortSIP: create user alice .* HTTP 400 VALIDATE_FAILED: POST \/api\/users/);
        for (const secret of [sim().token, args.password, args.extensionPassword, args.voicemailPin] as string[]) {
            assert.equal(`${error.message}${error.stack}`.includes(secret), false, `${secret} leaked: ${error.message}`);
        }
    });
});

describe("fail closed: Masergy behind a proxy", () => {
    const sim = useMasergySimulator();
    const proxy = useAnswerProxy(() => sim().url, "UCAAS_MASERGY_API_URL", () => new URL(sim().apiUrl).pathname);
    const users = providerFor("MasergyUser");
    const liveUser = () => sim().state().users.find((u) => u.userId === "jdoe@example.com");

    it("destroy never takes an unreadable user/find answer for 'already gone'", async () => {
        const { id, outs } = await checkedAndCreated(users, masergyUserArgs());
        proxy().rule({ method: "GET", path: /\/user\/find$/, respond: html() });
        await assert.rejects(users.delete(id, outs), /Masergy: find user jdoe@example.com failed: HTTP 200 answer not understood: expected a user\/find answer/);
        proxy().clearRules();
        proxy().rule({ method: "GET", path: /\/user\/find$/, rewrite: json((body) => ({ results: body.users })) });
        await assert.rejects(users.delete(id, outs), /\(users: Invalid input: expected array, received undefined\)/);
        assert.ok(liveUser(), "the user still exists");
        assert.equal(apiRequests(sim(), "user/delete").length, 0);
    });

    it("names a task status it does not know at once, keeps waiting, and finishes", async () => {
        proxy().rule({ method: "GET", path: /\/task\/[^/]+\/view$/, count: 3, rewrite: json((view) => ({ ...view, status: "ON_HOLD" })) });
        const { result, lines } = await capturingLog(() => checkedAndCreated(users, masergyUserArgs()));
        assert.ok(result.id);
        const named = lines.filter((line) => line.includes("ON_HOLD"));
        assert.equal(named.length, 1, lines.join("\n"));
        assert.match(named[0], /^Masergy: create user jdoe@example\.com: job \S+ \(task \S+\) reports status "ON_HOLD", which this package does not know; it counts as still running/);
    });

    it("does not take a completed task whose task result is not OK for success", async () => {
        proxy().rule({
            method: "GET",
            path: /\/task\/[^/]+\/view$/,
            rewrite: json((view) => (view.status === "COMPLETED" ? { ...view, taskResult: "PARTIAL" } : view)),
        });
        await assert.rejects(checkedAndCreated(users, masergyUserArgs()), /Masergy: create user jdoe@example\.com failed: task \S+ \(job \S+\) completed with task result "PARTIAL", not "OK"/);
    });
});

describe("fail closed: AudioCodes UMP behind a proxy", () => {
    const sim = useUmpSimulator();
    const proxy = useAnswerProxy(() => new URL(sim().url).origin, "UCAAS_UMP_URL", () => new URL(sim().url).pathname);
    const endpoints = providerFor("UmpEndpoint");

    it("refresh and delete stop on answers they do not understand; the number stays assigned", async () => {
        seedDirectoryUser(sim());
        const { id, outs } = await checkedAndCreated(endpoints, umpEndpointArgs());
        proxy().rule({ method: "GET", path: /\/proxy\/endpoint\//, respond: html() });
        await assert.rejects(endpoints.read(id, outs), /AudioCodes UMP: read endpoint sip:alice@contoso\.com failed: HTTP 200 answer not understood/);
        proxy().clearRules();
        proxy().rule({ method: "PUT", path: /\/script$/, respond: html(404) });
        await assert.rejects(endpoints.delete(id, outs), /HTTP 404: not UMP's problem details/);
        proxy().clearRules();
        proxy().rule({ method: "GET", path: /\/proxy\/endpoint\//, rewrite: json(({ LineURI: _gone, ...user }) => user) });
        await assert.rejects(endpoints.read(id, outs), /expected a UMP user detail with LineURI/);
        assert.equal(sim().state().endpoints.find((e) => e.SipAddress === "sip:alice@contoso.com")?.LineURI, "tel:+311111121");
    });
});

describe("fail closed: ConnecttoTeams behind a proxy", () => {
    const sim = useTeamsSimulator();
    const proxy = useAnswerProxy(() => sim().url, "UCAAS_TEAMS_URL");
    const users = providerFor("TeamsEnterpriseUser");

    it("a proxy's 404 to disableUsers is not 'already gone'; an HTML 200 to configureUser is an error", async () => {
        const { id, outs } = await checkedAndCreated(users, teamsUserArgs(sim()));
        proxy().rule({ method: "POST", path: /^\/provisioning\/disableUsers$/, respond: html(404) });
        await assert.rejects(users.delete(id, { ...outs, __provider: fakeProviderText }), /ConnecttoTeams: disable user .* HTTP 404: not ConnecttoTeams' error format/);
        proxy().rule({ method: "POST", path: /^\/enterprise\/configureUser$/, respond: html() });
        await assert.rejects(users.update(id, outs, { ...outs, firstName: "Jo" }), /configure user .* HTTP 200 answer not understood/);
    });
});
