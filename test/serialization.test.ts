import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { resourceKinds, type ResourceKind } from "pulumi-ucaas";
import { providerReference } from "../provider/dynamic/ucaas-resource";
import { checkedAndCreated } from "./helpers/providers";
import { prepareProgram, repoRoot } from "./helpers/engine";
import { usePortSipSimulator } from "./helpers/portsip";
import { masergyUserArgs, pbxRoleArgs, pbxUserArgs } from "./helpers/fixtures";
import { useMasergySimulator } from "./helpers/masergy";
import { seedDirectoryUser, umpEndpointArgs, useUmpSimulator } from "./helpers/ump";
import { teamsUserArgs, useTeamsSimulator } from "./helpers/teams";

type ProviderModule = Record<string, () => Required<pulumi.dynamic.ResourceProvider>>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString: (code: string, filename: string) => ProviderModule = require("require-from-string");

const providerModule = (kind: ResourceKind) => kind.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

/**
 * Serializes each provider in `dir` the way `pulumi.dynamic.Resource` does there: the `__provider`
 * of state written before the resources recorded `providerReference` (which must keep working),
 * in a fresh Node process.
 */
async function serializeIn(dir: string): Promise<Record<string, string>> {
    const script = `
        const pulumi = require("@pulumi/pulumi");
        (async () => {
            const out = {};
            for (const [kind, file] of ${JSON.stringify(resourceKinds.map((k) => [k, providerModule(k)]))}) {
                const provider = require("pulumi-ucaas/providers/" + file);
                out[kind] = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
            }
            process.stdout.write(JSON.stringify(out));
        })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { cwd: dir });
    return JSON.parse(stdout);
}

/** Loads serialized provider text as the provider process does, resolving modules from `dir`. */
function load(text: string, dir: string) {
    const loaded = requireFromString(text, path.join(dir, "serialized-provider.js"));
    return loaded.handler();
}

const sampleArgs: Record<ResourceKind, () => Record<string, unknown>> = {
    PbxRole: () => pbxRoleArgs({ name: "Serialized" }),
    PbxUser: () => pbxUserArgs({ name: "serialized", extensionNumber: "4001" }),
    UmpEndpoint: () => umpEndpointArgs({ identity: "sip:serialized@contoso.com", lineUri: "tel:+311111140" }),
    TeamsEnterpriseUser: () => teamsUserArgs(teamsSim(), { loginId: "serialized@contoso.com" }),
    MasergyUser: () => masergyUserArgs({ userId: "serialized@example.com" }),
    PbxGroup: () => ({ name: "Serialized", description: "A group", members: [] }),
};

/** Vendor objects a kind needs before its create (UMP manages users that already exist in the directory). */
const prerequisites: Partial<Record<ResourceKind, () => void>> = {
    UmpEndpoint: () => void seedDirectoryUser(umpSim(), "sip:serialized@contoso.com"),
};

/**
 * What a read finds after delete: nothing, except for a UMP endpoint, which stays in the directory
 * without its number, and a ConnecttoTeams user, whose vendor has no read endpoint (read keeps the applied state).
 */
const afterDelete: Partial<Record<ResourceKind, (read: pulumi.dynamic.ReadResult) => void>> = {
    UmpEndpoint: (read) => {
        assert.equal(read.id, "sip:serialized@contoso.com");
        assert.equal(read.props?.lineUri, undefined);
        assert.equal(read.props?.enterpriseVoiceEnabled, false);
    },
    TeamsEnterpriseUser: (read) => assert.match(read.id ?? "", /\/serialized@contoso\.com$/),
};

let umpSim: ReturnType<typeof useUmpSimulator>;
let teamsSim: ReturnType<typeof useTeamsSimulator>;

async function exerciseCrud(kind: ResourceKind, provider: Required<pulumi.dynamic.ResourceProvider>) {
    prerequisites[kind]?.();
    const { inputs, ...created } = await checkedAndCreated(provider, sampleArgs[kind]());
    const read = await provider.read(created.id, created.outs);
    assert.equal(read.id, created.id);
    assert.deepEqual(await provider.diff(created.id, read.props!, inputs), { changes: false });
    await provider.delete(created.id, created.outs);
    const gone = await provider.read(created.id, created.outs);
    (afterDelete[kind] ?? ((read) => assert.deepEqual(read, { id: "" })))(gone);
}

describe("serialized providers", function () {
    this.timeout(5 * 60_000);
    const sim = usePortSipSimulator();
    umpSim = useUmpSimulator({ token: "ump-serialization-token" });
    teamsSim = useTeamsSimulator();
    const masergy = useMasergySimulator();
    let consumerDir: string;
    let consumerTexts: Record<string, string>;
    let localTexts: Record<string, string>;

    before(async () => {
        consumerDir = await prepareProgram("pbx");
        consumerTexts = await serializeIn(consumerDir);
        localTexts = await serializeIn(repoRoot);
    });

    for (const kind of resourceKinds) {
        describe(kind, () => {
            it("serializes, as installed from the packed package, to a one-line require with no credential", () => {
                const text = consumerTexts[kind];
                console.log(`      ${kind}: __provider is ${Buffer.byteLength(text)} bytes as installed, ${Buffer.byteLength(localTexts[kind])} bytes from a source checkout`);
                assert.ok(Buffer.byteLength(text) <= 1536, `__provider of ${kind} is ${Buffer.byteLength(text)} bytes`);
                assert.match(text, new RegExp(`require\\("pulumi-ucaas/providers/${providerModule(kind)}"\\)`));
                const credentials = [
                    sim().token, sim().url, umpSim().token!, umpSim().url, teamsSim().url, teamsSim().client.clientSecret,
                    teamsSim().admin.password, masergy().refreshToken, masergy().url,
                ];
                for (const forbidden of [...credentials, "got", "zod", "libphonenumber"]) {
                    assert.equal(text.includes(forbidden), false, `serialized ${kind} contains ${forbidden}`);
                    assert.equal(localTexts[kind].includes(forbidden), false, `serialized ${kind} (source checkout) contains ${forbidden}`);
                }
            });

            it("records a one-line reference by package name, which loads and runs as installed", async () => {
                const text = providerReference(kind);
                assert.equal(text, `exports.handler = () => require("pulumi-ucaas/providers/${providerModule(kind)}");\n`);
                await exerciseCrud(kind, load(text, consumerDir));
            });

            it("checks, creates, reads and deletes after the round trip, as installed", async () => {
                await exerciseCrud(kind, load(consumerTexts[kind], consumerDir));
            });

            it("checks, creates, reads and deletes after the round trip, from a source checkout", async () => {
                // Inside this repository the package's own files are not under node_modules, so the
                // serializer copies the provider object by value; it must still work and stay small.
                assert.ok(Buffer.byteLength(localTexts[kind]) <= 2560);
                await exerciseCrud(kind, load(localTexts[kind], repoRoot));
            });
        });
    }
});
