import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import * as automation from "@pulumi/pulumi/automation";
import { parseRoster } from "pulumi-ucaas";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { usePortSipSimulator } from "../helpers/portsip";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";
import { useMasergySimulator } from "../helpers/masergy";
import { masergyUserArgs } from "../helpers/fixtures";
import { clientFor } from "../helpers/sim-http";

describe("brownfield export: export -> up -> preview through the real engine", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    const masergy = useMasergySimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    let initial: ReturnType<ReturnType<typeof pbx>["state"]>;
    let initialUmp: ReturnType<ReturnType<typeof ump>["state"]>;
    let initialMasergy: ReturnType<ReturnType<typeof masergy>["state"]>;

    async function runCli(args: string[]) {
        const env = { ...process.env, ...(t.stack.workspace as automation.LocalWorkspace).envVars };
        const cli = path.join(workDir, "node_modules", "pulumi-ucaas", "dist", "provider", "cli", "main.js");
        return promisify(execFile)(process.execPath, [cli, ...args], { cwd: workDir, env });
    }

    before(async () => {
        // A PBX that was set up by hand: a custom role and users, one of them bound to Microsoft 365.
        pbx().seedRole({ name: "Helpdesk", description: "hand-made", permissions: { general: { meeting: true } } });
        for (const [name, ext, role] of [["dora", "2001", "Helpdesk"], ["eve", "2002", "StandardUser"], ["finn", "2003", "Helpdesk"]]) {
            pbx().seedUser({
                name, display_name: `${name} (hand-made)`, email: `${name}@example.com`, role, extension_number: ext,
                password: `${name}-Passw0rd`, extension_password: `${name}-Ext-Secret`, voicemail_pin: "135792", department: "Ops",
            });
        }
        // A group made by hand, with two of them as members.
        const groups = clientFor(pbx().url, pbx().token);
        const ops = (await groups.post("/api/groups", { name: "Ops", description: "hand-made", outbound_caller_ids: [{ provider_id: "NzAwNTUxOTA5NzczMTQ4MTYw", caller_id: "+12125550100" }] })).body.id;
        for (const ext of ["2002", "2001"]) await groups.post(`/api/groups/${ops}/members/${ext}`);
        pbx().clearRequests();
        // A UMP directory where two users already have numbers and voice settings, and one has none.
        seedDirectoryUser(ump(), "sip:gina@contoso.com", { LineURI: "tel:+311111125", EnterpriseVoiceEnabled: true, VoicePolicy: "International", DialPlan: "NL-Amsterdam", UsageLocation: "NL" });
        seedDirectoryUser(ump(), "sip:hal@contoso.com", { LineURI: "tel:+311111126;ext=126", EnterpriseVoiceEnabled: true });
        seedDirectoryUser(ump(), "sip:ivy@contoso.com");
        // Masergy users made in the portal, with the service settings the export will be told about.
        const services = { voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false };
        masergy().seedUser(masergyUserArgs({ ...services, userId: "kim@example.com", firstName: "Kim", lastName: "Lo", extension: "0201", phoneNumber: "+12125550110" }));
        masergy().seedUser(masergyUserArgs({ ...services, userId: "lee@example.com", firstName: "Lee", lastName: "Park", extension: "0202", phoneNumber: undefined, emailAddress: undefined }));
        initial = pbx().state();
        initialUmp = ump().state();
        initialMasergy = masergy().state();
        const source = await prepareProgram("roster");
        // A separate copy: this test writes its own roster.yaml.
        workDir = fs.mkdtempSync(`${source}-export-`);
        fs.cpSync(source, workDir, { recursive: true });
        t = await newStack(workDir, {
            UCAAS_PBX_URL: "", UCAAS_PBX_TOKEN: "", UCAAS_UMP_URL: "", UCAAS_UMP_TOKEN: "",
            UCAAS_MASERGY_API_URL: "", UCAAS_MASERGY_TOKEN_URL: "", UCAAS_MASERGY_REFRESH_TOKEN: "",
        });
        await t.stack.setConfig("ucaas:pbxUrl", { value: pbx().url });
        await t.stack.setConfig("ucaas:pbxToken", { value: pbx().token, secret: true });
        await t.stack.setConfig("ucaas:umpUrl", { value: ump().url });
        await t.stack.setConfig("ucaas:masergyApiUrl", { value: masergy().apiUrl });
        await t.stack.setConfig("ucaas:masergyTokenUrl", { value: masergy().tokenUrl });
        await t.stack.setConfig("ucaas:masergyRefreshToken", { value: masergy().issueRefreshToken(), secret: true });
        await t.stack.setConfig("ucaas:masergyPollIntervalSeconds", { value: "0.05" });
    });

    it("writes a valid roster that adopts every custom role and user, with secret references", async () => {
        const { stderr } = await runCli([
            "export", "--output", "roster.yaml", "--stack", "test",
            "--masergy-defaults", "mainServicePack=UC-Standard,timeZone=America/New_York,addressType=NONE",
        ]);
        const text = fs.readFileSync(path.join(workDir, "roster.yaml"), "utf8");
        assert.match(text, /^# yaml-language-server: \$schema=/);
        const roster = parseRoster(text);
        assert.deepEqual(roster.declared, ["masergy.users", "pbx.roles", "pbx.users", "pbx.groups", "ump.endpoints"], "the exported roster declares its sections");
        assert.match(text, /\nsections: \[masergy\.users, pbx\.roles, pbx\.users, pbx\.groups, ump\.endpoints\]\n$/);
        // Members by user name, so each becomes the exported user's extension output.
        assert.deepEqual(roster.sections.pbx?.groups, [
            { name: "Ops", description: "hand-made", outboundCallerIds: [{ providerId: "NzAwNTUxOTA5NzczMTQ4MTYw", callerId: "+12125550100" }], members: ["dora", "eve"], adopt: true },
        ]);
        assert.deepEqual(roster.sections.pbx?.roles?.map((r) => [r.name, r.adopt]), [["Helpdesk", true]]);
        assert.deepEqual(roster.sections.pbx?.users?.map((u) => u.extensionNumber), ["2001", "2002", "2003"]);
        assert.deepEqual(roster.sections.pbx?.users?.[0].voicemailPin, { secret: "pbxUser2001VoicemailPin" });
        assert.equal(text.includes("135792"), false, "no secret value in the roster");
        assert.equal(text.includes("Passw0rd"), false);
        assert.deepEqual(roster.sections.ump?.endpoints?.map((e) => [e.identity, e.lineUri]), [
            ["sip:gina@contoso.com", "tel:+311111125"],
            ["sip:hal@contoso.com", "tel:+311111126;ext=126"],
        ]);
        assert.deepEqual(roster.sections.masergy?.users?.map((u) => [u.userId, u.phoneNumber, u.adopt]), [
            ["kim@example.com", "+12125550110", true],
            ["lee@example.com", undefined, true],
        ]);
        assert.match(stderr, /Stored 3 secret\(s\)/);
        assert.match(stderr, /1 UMP directory user\(s\) have no number/);
        const config = await t.stack.getAllConfig();
        assert.equal(config["ucaas-roster:pbxUser2001VoicemailPin"].secret, true);
    });

    it("up adopts everything and changes nothing at any vendor", async () => {
        const up = await t.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 10, "the stack, one role, three PBX users, one group, two UMP endpoints, two Masergy users");
        assert.deepEqual(pbx().state(), initial);
        assert.deepEqual(ump().state(), initialUmp);
        assert.deepEqual(masergy().state(), initialMasergy);
        assert.equal(masergy().tasks().length, 0, "adopting matching users submits no job");
    });

    it("a following preview shows no changes and sends no request", async () => {
        pbx().clearRequests();
        ump().clearRequests();
        masergy().clearRequests();
        const steps = await t.previewSteps();
        assert.deepEqual([...new Set([...steps.values()].flat().map((s) => s.op))], ["same"]);
        assert.equal(pbx().requests().length + ump().requests().length + masergy().requests().length, 0);
    });

    it("destroy deletes the adopted PBX users and group and Masergy users, and releases the adopted numbers", async () => {
        await t.stack.destroy();
        assert.deepEqual(pbx().state().users, []);
        assert.deepEqual(pbx().state().groups, []);
        assert.deepEqual(masergy().state().users, []);
        assert.equal(ump().state().endpoints.some((e) => typeof e.LineURI === "string" && e.LineURI.trim() !== ""), false);
    });
});
