import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { newStack, prepareProgram, repoRoot, type TestStack } from "../helpers/engine";
import { useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { rosterPbxSecrets } from "../helpers/roster-pbx";
import { useTeamsSimulator } from "../helpers/teams";
import { seedDirectoryUser, useUmpSimulator } from "../helpers/ump";

/** The example roster with a PortSIP group added: every resource type of the package. */
function rosterYaml(): string {
    const example = fs.readFileSync(path.join(repoRoot, "examples", "roster", "roster.yaml"), "utf8");
    const groups = "  groups:\n    - name: Support team\n      members: [alice, bob]\n\n";
    return example
        .replace("\nump:\n", `\n${groups}ump:\n`)
        .replace("sections: [masergy.users, pbx.roles, pbx.users, ump.endpoints, teams.users]", "sections: [masergy.users, pbx.roles, pbx.users, pbx.groups, ump.endpoints, teams.users]");
}

/** Both forms of deployRoster from ONE call site, so that both record the same program position. */
const program = `import * as ucaas from "pulumi-ucaas";

const roster = ucaas.loadRoster("roster.yaml");
// From the environment: stack config would be recorded in the state (with the default provider).
const batchSize = Number(process.env.ROSTER_BATCH_SIZE) || undefined;
const deploy = (batchSize ? ucaas.deployRosterAsync : ucaas.deployRoster) as (r: ucaas.Roster, o: object, b: object) => unknown;
const deployed = Promise.resolve(deploy(roster, {}, { batchSize }));
export const managed = deployed.then(() => ucaas.rosterIdentities(roster));
`;
/** Where that call is: line 7, at `deploy(` (the column V8 reports for the call). */
const declaredAt = "project:///index.ts#7,34";

const secrets: Record<string, string> = {
    ...rosterPbxSecrets,
    janePortalPassword: "jane-Portal-Passw0rd",
    aliceTeamsPassword: "alice-Sip-Secret-7",
};

type StateResource = Record<string, unknown> & { urn: string; type: string; id?: string };

/**
 * A deployment's resources as two runs of the same program can compare them: sorted by URN (the
 * engine records them in the order they finish), without timestamps, and with every id replaced
 * by its resource's name (PortSIP, Masergy and the engine's default provider make up new ones).
 */
function comparable(exported: string): StateResource[] {
    const resources = (JSON.parse(exported).deployment.resources as StateResource[]).map(({ created: _c, modified: _m, ...rest }) => rest as StateResource);
    let text = JSON.stringify(resources.sort((a, b) => a.urn.localeCompare(b.urn)));
    for (const resource of resources) {
        const name = resource.urn.split("::").pop()!;
        if (resource.id && !name.includes(resource.id)) text = text.split(resource.id).join(`<id of ${name}>`);
    }
    // The Masergy job that made the user.
    const sorted = (urns: unknown) => (Array.isArray(urns) ? [...urns].sort() : urns);
    // Dependencies are sets: the SDK lists them in the order their URNs resolved.
    return (JSON.parse(text.replace(/"(jobId|taskId)":"[^"]+"/g, '"$1":"<$1>"')) as StateResource[]).map((resource) => ({
        ...resource,
        ...(resource.dependencies ? { dependencies: sorted(resource.dependencies) } : {}),
        ...(resource.propertyDependencies
            ? { propertyDependencies: Object.fromEntries(Object.entries(resource.propertyDependencies).map(([key, urns]) => [key, sorted(urns)])) }
            : {}),
    }));
}

describe("declaring a roster: what the state records (real engine)", function () {
    this.timeout(15 * 60_000);
    const pbx = usePortSipSimulator({ resetBetweenTests: false });
    const masergy = useMasergySimulator({ resetBetweenTests: false });
    const ump = useUmpSimulator({ resetBetweenTests: false });
    const teams = useTeamsSimulator({ resetBetweenTests: false });
    let workDir: string;
    const states = new Map<string, { stack: TestStack; exported: string; checkpointFile: string }>();

    /** A fresh `up` of the roster on a fresh stack and freshly reset vendors; its state (secrets shown, to compare values). */
    async function deploy(label: string, envVars: Record<string, string> = {}) {
        for (const sim of [pbx(), ump(), teams(), masergy()]) sim.reset();
        process.env.UCAAS_MASERGY_REFRESH_TOKEN = masergy().issueRefreshToken();
        seedDirectoryUser(ump(), "sip:alice@contoso.com");
        const stack = await newStack(workDir, envVars);
        await stack.stack.setAllConfig(Object.fromEntries(Object.entries(secrets).map(([key, value]) => [key, { value, secret: true }])));
        const up = await stack.stack.up();
        assert.equal(up.summary.resourceChanges?.create, 8, `${label}: ${JSON.stringify(up.summary.resourceChanges)}`);
        const env = { ...process.env, ...(stack.stack.workspace as automation.LocalWorkspace).envVars };
        const { stdout } = await promisify(execFile)("pulumi", ["stack", "export", "--show-secrets", "--stack", "test"], { cwd: workDir, env, maxBuffer: 64 << 20 });
        const checkpoint = path.join(stack.backendDir, ".pulumi", "stacks", "ucaas-roster", "test.json");
        states.set(label, { stack, exported: stdout, checkpointFile: checkpoint });
        return states.get(label)!;
    }

    before(async () => {
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-declaration-`);
        fs.cpSync(source, workDir, { recursive: true });
        fs.writeFileSync(path.join(workDir, "roster.yaml"), rosterYaml());
        fs.writeFileSync(path.join(workDir, "index.ts"), program);
        await deploy("deployRoster");
    });

    after(() => {
        for (const { stack } of states.values()) fs.rmSync(stack.backendDir, { recursive: true, force: true });
    });

    it("deployRosterAsync in batches declares what deployRoster does: the same URNs and the same state", async () => {
        const { exported } = await deploy("deployRosterAsync", { ROSTER_BATCH_SIZE: "2" });
        const asynchronous = comparable(exported);
        const synchronous = comparable(states.get("deployRoster")!.exported);
        assert.deepEqual(
            asynchronous.map((r) => r.urn),
            synchronous.map((r) => r.urn),
        );
        assert.deepEqual(asynchronous, synchronous);
    });

    it("the stack-trace guard changes nothing in the state (the same up with it off: PULUMI_DEBUG_PROMISE_LEAKS)", async () => {
        const { exported } = await deploy("guard off", { PULUMI_DEBUG_PROMISE_LEAKS: "1" });
        assert.deepEqual(comparable(exported), comparable(states.get("deployRoster")!.exported));
    });

    it("records where the program declared each resource, and only the program's frames", () => {
        const resources = comparable(states.get("deployRoster")!.exported).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/ucaas:"));
        assert.deepEqual(
            [...new Set(resources.map((r) => r.type.split(":").pop()))].sort(),
            ["MasergyUser", "PbxGroup", "PbxRole", "PbxUser", "TeamsEnterpriseUser", "UmpEndpoint"],
        );
        for (const resource of resources) {
            assert.equal(resource.sourcePosition, declaredAt, resource.urn);
            assert.deepEqual(resource.stackTrace, [{ sourcePosition: declaredAt }], resource.urn);
        }
    });

    it("keeps each resource at most 2.5 KB of checkpoint on average, with the short __provider (state-size regression)", () => {
        // The checkpoint file as the backend writes it (compact JSON); the stack and the default
        // provider (which holds the stack's config) are a fixed cost per stack, not per resource.
        const { checkpoint } = JSON.parse(fs.readFileSync(states.get("deployRoster")!.checkpointFile, "utf8"));
        const resources = (checkpoint.latest.resources as StateResource[]).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/ucaas:"));
        const bytes = resources.map((r) => Buffer.byteLength(JSON.stringify(r)));
        const average = bytes.reduce((a, b) => a + b, 0) / resources.length;
        assert.ok(average <= 2560, `${Math.round(average)} bytes per resource: ${bytes.join(", ")}`);
        for (const resource of resources) {
            const kind = resource.type.split(":").pop()!;
            const reference = `exports.handler = () => require("pulumi-ucaas/providers/${kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}");\n`;
            for (const bag of ["inputs", "outputs"] as const) assert.equal((resource[bag] as Record<string, unknown>).__provider, reference, `${resource.urn} ${bag}`);
        }
    });
});
