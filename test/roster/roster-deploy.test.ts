import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { deployRoster, deployRosterAsync, MissingSecretsError, parseRoster } from "pulumi-ucaas";

const user = (name: string, ext: string, role = "Support") => `    - name: ${name}
      displayName: ${name}
      email: ${name}@example.com
      role: ${role}
      extensionNumber: "${ext}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ucaas-test:${name}Ext }
      voicemailPin: { secret: ${name}Pin }
`;

const rosterText = (users: string[]) => `pbx:\n  roles:\n    - name: Support\n  users:\n${users.join("")}sections: [pbx.roles, pbx.users]\n`;

describe("deployRoster (under Pulumi's mocks)", () => {
    const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];

    before(() => {
        pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
        const config: Record<string, string> = {};
        for (const name of ["alice", "bob", "carol"]) {
            config[`project:${name}Password`] = `${name}-pw-value`;
            config[`ucaas-test:${name}Ext`] = `${name}-ext-value`;
            config[`project:${name}Pin`] = "135792";
        }
        pulumi.runtime.setAllConfig(config, Object.keys(config));
    });
    beforeEach(() => registered.splice(0));

    async function settle() {
        await new Promise((resolve) => setTimeout(resolve, 50));
    }

    it("derives logical names from identities, so reordering the file changes nothing", async () => {
        const first = Object.keys(deployRoster(parseRoster(rosterText([user("alice", "1001"), user("bob", "1002"), user("carol", "1003")]))));
        const second = Object.keys(deployRoster(parseRoster(rosterText([user("carol", "1003"), user("alice", "1001"), user("bob", "1002")]))));
        assert.deepEqual(first.sort(), ["pbx-role-Support", "pbx-user-alice", "pbx-user-bob", "pbx-user-carol"]);
        assert.deepEqual(second.sort(), first.sort());
    });

    it("declares custom type tokens and resolves secret references from stack config as secrets", async () => {
        const deployed = deployRoster(parseRoster(rosterText([user("alice", "1001")])));
        await settle();
        const types = new Set(registered.map((r) => r.type));
        assert.deepEqual([...types].sort(), ["pulumi-nodejs:dynamic/ucaas:PbxRole", "pulumi-nodejs:dynamic/ucaas:PbxUser"]);
        const alice = deployed["pbx-user-alice"] as unknown as { password: pulumi.Output<string> };
        assert.equal(await pulumi.isSecret(alice.password), true);
        const inputs = registered.find((r) => r.name === "pbx-user-alice")!.inputs;
        // Sent to the engine as a secret: the signature-wrapped form, not a plain string.
        const wrapped = inputs.extensionPassword as Record<string, string>;
        assert.equal(wrapped.value, "alice-ext-value");
        assert.equal(wrapped["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270");
    });

    it("makes a user depend on the roster role it names", async () => {
        deployRoster(parseRoster(rosterText([user("alice", "1001"), user("bob", "1002", "StandardUser")])));
        await settle();
        const roleIndex = registered.findIndex((r) => r.name === "pbx-role-Support");
        const aliceIndex = registered.findIndex((r) => r.name === "pbx-user-alice");
        assert.ok(roleIndex >= 0 && aliceIndex > roleIndex, "the role is registered before the user that uses it");
        assert.equal(registered.find((r) => r.name === "pbx-user-alice")!.inputs.role, "Support");
        assert.equal(registered.find((r) => r.name === "pbx-user-bob")!.inputs.role, "StandardUser");
    });

    it("makes a group depend on the roster users it names, by name or extension, and passes other extensions as they are", async () => {
        const groups = "  groups:\n    - name: Support team\n      members: [bob, \"1001\", \"2002\"]\n";
        const text = rosterText([user("alice", "1001"), user("bob", "1002")]).replace("sections: [pbx.roles, pbx.users]", `${groups}sections: [pbx.roles, pbx.users, pbx.groups]`);
        deployRoster(parseRoster(text));
        await settle();
        assert.deepEqual(registered.map((r) => r.name), ["pbx-role-Support", "pbx-user-alice", "pbx-user-bob", "pbx-group-Support_team"]);
        const group = registered.find((r) => r.type === "pulumi-nodejs:dynamic/ucaas:PbxGroup")!;
        // bob became bob's extension output (the mock answers with the inputs); the engine test shows the ordering this gives.
        assert.deepEqual(group.inputs.members, ["1002", "1001", "2002"]);
    });

    it("reports every secret the stack lacks at once, with the commands that set them, before declaring anything", () => {
        const roster = parseRoster(rosterText([user("alice", "1001"), user("dave", "1004"), user("erin", "1005")]), "ops/roster.yaml");
        assert.throws(
            () => deployRoster(roster),
            (error: unknown) => {
                assert.ok(error instanceof MissingSecretsError);
                assert.ok(pulumi.RunError.isInstance(error), "a RunError: the engine prints it without a stack trace");
                assert.deepEqual(error.missing.map((m) => m.key), ["davePassword", "ucaas-test:daveExt", "davePin", "erinPassword", "ucaas-test:erinExt", "erinPin"]);
                assert.equal(
                    error.message.split("\n").slice(0, 3).join("\n"),
                    'ops/roster.yaml: 6 secrets not set in stack "stack"; the roster was not deployed. Set each (the command asks for the value), then run again:\n' +
                        "  pulumi config set --secret --stack stack davePassword        # pbx-user-dave: password\n" +
                        "  pulumi config set --secret --stack stack ucaas-test:daveExt  # pbx-user-dave: extensionPassword",
                );
                return true;
            },
        );
        assert.deepEqual(registered, [], "nothing was declared");
    });

    it("names a secret used twice once, with both uses", () => {
        const shared = [user("alice", "1001").replace("alicePin", "sharedPin"), user("bob", "1002").replace("bobPin", "sharedPin")];
        assert.throws(() => deployRoster(parseRoster(rosterText(shared))), /pulumi config set --secret --stack stack sharedPin +# pbx-user-alice: voicemailPin, pbx-user-bob: voicemailPin$/);
    });

    describe("deployRosterAsync", () => {
        const three = () => parseRoster(rosterText([user("alice", "1001"), user("bob", "1002"), user("carol", "1003")]));

        it("declares in batches what deployRoster declares, in its order and with its names", async () => {
            deployRoster(three());
            await settle();
            const synchronous = registered.splice(0).map((r) => r.name);
            const deployed = await deployRosterAsync(three(), {}, { batchSize: 2 });
            await settle();
            assert.deepEqual(registered.map((r) => r.name), synchronous);
            assert.deepEqual(Object.keys(deployed).sort(), [...synchronous].sort());
        });

        it("fails as deployRoster does, at once (a throw, not a later rejection) and before declaring anything, when the stack lacks secrets", async () => {
            const roster = parseRoster(rosterText([user("alice", "1001"), user("dave", "1004")]));
            assert.throws(() => deployRosterAsync(roster, {}, { batchSize: 1 }), MissingSecretsError);
            await settle();
            assert.deepEqual(registered, [], "nothing was declared");
        });

        it("refuses a batch size that is not a whole number of at least 1", () => {
            for (const batchSize of [0, -1, 1.5, Number.NaN]) {
                assert.throws(() => deployRosterAsync(three(), {}, { batchSize }), /batchSize must be a whole number of at least 1/);
            }
        });
    });
});
