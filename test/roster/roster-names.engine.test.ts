import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";
import { usePortSipSimulator } from "../helpers/portsip";
import { rosterPbxSecrets, rosterPbxUser } from "../helpers/roster-pbx";
import { teamsEnvironment, useTeamsSimulator } from "../helpers/teams";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";

/** UCAAS_PBX_URL -> ucaas:pbxUrl */
const settingKey = (variable: string) =>
    `ucaas:${variable.slice("UCAAS_".length).toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;

/** The roster's secrets, a valid value for each. */
const secrets: Record<string, string> = { ...rosterPbxSecrets, aliceTeamsPassword: "alice-Sip-Secret-7" };

const pbxUser = rosterPbxUser;

function rosterYaml(options: { aliceExtension?: string; carol?: boolean } = {}): string {
    return `pbx:
  roles:
    - name: Support
      permissions:
        general: { voicemailFullAccess: true }
  users:
${pbxUser("alice", options.aliceExtension ?? "1001", "Support")}${pbxUser("bob", "1002", "StandardUser")}${options.carol ? pbxUser("carol", "1003", "StandardUser") : ""}
ump:
  endpoints:
    - identity: sip:alice@contoso.com
      enterpriseVoiceEnabled: true
      lineUri: tel:+311111121
teams:
  tenants:
    contoso: 0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c
  users:
    - tenantId: contoso
      loginId: alice@contoso.com
      teamsUserId: alice@contoso.onmicrosoft.com
      pbxLocation: pbx-east
      pbxUserId: "1001"
      sbcGatewayId: 11
      password: { secret: aliceTeamsPassword }
sections: [pbx.roles, pbx.users, ump.endpoints, teams.users]
`;
}

/**
 * The same roster declared as pulumi-ucaas 0.1 named it: after natural keys, `:` and `/` made `_`
 * (pbx-user-1001, ump-endpoint-sip_alice@contoso.com, teams-user-<tenant id>_<login>).
 */
const legacyProgram = `import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

const roster = ucaas.loadRoster("roster.yaml");
const config = new pulumi.Config();
const name = (prefix: string, key: string) => \`\${prefix}-\${key.replace(/[^A-Za-z0-9._@+-]/g, "_")}\`;
function withSecrets(entry: Record<string, unknown>, keys: string[]): any {
    const args: Record<string, unknown> = { ...entry };
    for (const key of keys.filter((k) => args[k])) args[key] = config.requireSecret((args[key] as { secret: string }).secret);
    return args;
}
const roles = new Map(roster.sections.pbx!.roles!.map((r) => [r.name, new ucaas.PbxRole(name("pbx-role", String(r.name)), r as any)]));
for (const user of roster.sections.pbx!.users!) {
    const args = withSecrets(user, ["password", "extensionPassword", "voicemailPin"]);
    new ucaas.PbxUser(name("pbx-user", String(user.extensionNumber)), { ...args, role: roles.get(String(user.role))?.name ?? user.role });
}
for (const endpoint of roster.sections.ump!.endpoints!) {
    new ucaas.UmpEndpoint(name("ump-endpoint", String(endpoint.identity)), endpoint as any);
}
for (const user of roster.sections.teams!.users!) {
    new ucaas.TeamsEnterpriseUser(name("teams-user", \`\${user.tenantId}/\${user.loginId}\`), withSecrets(user, ["password"]));
}
`;

const currentProgram = `import * as ucaas from "pulumi-ucaas";

const roster = ucaas.loadRoster("roster.yaml");
ucaas.deployRoster(roster);
export const managed = ucaas.rosterIdentities(roster);
`;

describe("roster logical names through the real engine", function () {
    this.timeout(10 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    const teams = useTeamsSimulator({ resetBetweenTests: false });
    let t: TestStack;
    let workDir: string;
    const write = (file: string, text: string) => fs.writeFileSync(path.join(workDir, file), text);
    const pbxUsers = () => pbx().state().users.map((u: { name: string; extension_number: string; id: string }) => [u.name, u.extension_number, u.id]);
    const vendorWrites = () =>
        [...pbx().requests(), ...ump().requests(), ...teams().requests()].filter((r) => r.method !== "GET" && !/token/.test(r.path));
    const opsOf = (steps: Map<string, Array<{ op: string }>>) => Object.fromEntries([...steps].map(([name, s]) => [name, s.map((step) => step.op).join(",")]));

    before(async () => {
        seedDirectoryUser(ump(), "sip:alice@contoso.com");
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-names-`);
        fs.cpSync(source, workDir, { recursive: true });
        t = await newStack(workDir);
        // In stack config, not only UCAAS_* variables: the final destroy runs after the simulator hooks restore them.
        const settings = { ...teamsEnvironment(teams()), UCAAS_PBX_URL: pbx().url, UCAAS_PBX_TOKEN: pbx().token, UCAAS_UMP_URL: ump().url };
        await t.stack.setAllConfig({
            ...Object.fromEntries(Object.entries(settings).map(([variable, value]) => [settingKey(variable), { value, secret: /TOKEN|SECRET|PASSWORD/.test(variable) }])),
            ...Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])),
        });
    });

    it("a stack deployed with the old names keeps every resource under the new ones (aliases: no create, delete or replace)", async () => {
        write("roster.yaml", rosterYaml());
        write("index.ts", legacyProgram);
        const first = await t.stack.up();
        assert.equal(first.summary.resourceChanges?.create, 6, "the stack, one role, two PBX users, one UMP endpoint, one Teams user");
        const before = pbxUsers();

        write("index.ts", currentProgram);
        for (const vendor of [pbx(), ump(), teams()]) vendor.clearRequests();
        const steps = opsOf(await t.previewSteps());
        assert.deepEqual(steps, {
            "pbx-role-Support": "same",
            "pbx-user-alice": "same",
            "pbx-user-bob": "same",
            "ump-endpoint-alice@contoso.com": "same",
            "teams-user-contoso/alice@contoso.com": "same",
        });
        const up = await t.stack.up();
        assert.deepEqual(up.summary.resourceChanges, { same: 6 }, "the stack and five resources, all the same");
        assert.deepEqual(vendorWrites(), [], "no vendor object was written");
        assert.deepEqual(pbxUsers(), before, "the same PBX users, with the same ids");
        const { deployment } = JSON.parse((await t.exportedState()).exported) as { deployment: { resources: Array<{ urn: string }> } };
        const names = deployment.resources.map((r) => r.urn.split("::").pop()).filter((n) => !/^(ucaas-roster-test|default)/.test(n!));
        assert.deepEqual(names.sort(), ["pbx-role-Support", "pbx-user-alice", "pbx-user-bob", "teams-user-contoso/alice@contoso.com", "ump-endpoint-alice@contoso.com"]);
    });

    it("managed is a map: adding a user adds one entry to the preview's diff", async () => {
        const outputs = await t.stack.outputs();
        assert.deepEqual(outputs.managed.value, {
            "pbx-role-Support": "Support",
            "pbx-user-alice": "alice (extension 1001)",
            "pbx-user-bob": "bob (extension 1002)",
            "ump-endpoint-alice@contoso.com": "sip:alice@contoso.com",
            "teams-user-contoso/alice@contoso.com": "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c/alice@contoso.com",
        });
        write("roster.yaml", rosterYaml({ carol: true }));
        const { stdout } = await t.stack.preview({ diff: true });
        const outputsDiff = stdout.slice(stdout.indexOf("--outputs:--"), stdout.indexOf("\nResources:"));
        const changed = outputsDiff.split("\n").filter((line) => /^\s*[-+~] /.test(line) && !/^\s*~ managed: \{$/.test(line));
        assert.deepEqual(changed.map((line) => line.trim().replace(/\s+:/, ":")), ['+ pbx-user-carol: "carol (extension 1003)"'], outputsDiff);
        write("roster.yaml", rosterYaml());
    });

    it("an extension change (1001 -> 1004) replaces the same resource, deleting the old user first", async () => {
        write("roster.yaml", rosterYaml({ aliceExtension: "1004" }));
        const steps = await t.previewSteps();
        assert.deepEqual(opsOf(steps)["pbx-user-alice"], "delete-replaced,replace,create-replacement");
        assert.deepEqual(steps.get("pbx-user-alice")?.find((s) => s.op === "replace")?.keys, ["extensionNumber"]);
        assert.deepEqual(Object.values(opsOf(steps)).filter((ops) => ops !== "same"), ["delete-replaced,replace,create-replacement"], "nothing else changes");
        const up = await t.stack.up();
        assert.equal(up.summary.result, "succeeded");
        assert.deepEqual(pbxUsers().map(([name, extension]) => [name, extension]).sort(), [["alice", "1004"], ["bob", "1002"]]);
        assert.equal(up.outputs.managed.value["pbx-user-alice"], "alice (extension 1004)");
    });

    it("destroy removes what the roster declared", async () => {
        await t.stack.destroy();
        assert.deepEqual(pbxUsers(), []);
        assert.equal(teams().state().users.filter((u: { status: string }) => u.status === "ACTIVE").length, 0);
    });
});
