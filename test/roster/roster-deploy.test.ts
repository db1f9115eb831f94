import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { deployRoster, parseRoster } from "pulumi-ucaas";

const user = (name: string, ext: string, role = "Support") => `    - name: ${name}
      displayName: ${name}
      email: ${name}@example.com
      role: ${role}
      extensionNumber: "${ext}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ucaas-test:${name}Ext }
      voicemailPin: { secret: ${name}Pin }
`;

const rosterText = (users: string[]) => `pbx:\n  roles:\n    - name: Support\n  users:\n${users.join("")}`;

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

    it("derives logical names from natural keys, so reordering the file changes nothing", async () => {
        const first = Object.keys(deployRoster(parseRoster(rosterText([user("alice", "1001"), user("bob", "1002"), user("carol", "1003")]))));
        const second = Object.keys(deployRoster(parseRoster(rosterText([user("carol", "1003"), user("alice", "1001"), user("bob", "1002")]))));
        assert.deepEqual(first.sort(), ["pbx-role-Support", "pbx-user-1001", "pbx-user-1002", "pbx-user-1003"]);
        assert.deepEqual(second.sort(), first.sort());
    });

    it("declares custom type tokens and resolves secret references from stack config as secrets", async () => {
        const deployed = deployRoster(parseRoster(rosterText([user("alice", "1001")])));
        await settle();
        const types = new Set(registered.map((r) => r.type));
        assert.deepEqual([...types].sort(), ["pulumi-nodejs:dynamic/ucaas:PbxRole", "pulumi-nodejs:dynamic/ucaas:PbxUser"]);
        const alice = deployed["pbx-user-1001"] as unknown as { password: pulumi.Output<string> };
        assert.equal(await pulumi.isSecret(alice.password), true);
        const inputs = registered.find((r) => r.name === "pbx-user-1001")!.inputs;
        // Sent to the engine as a secret: the signature-wrapped form, not a plain string.
        const wrapped = inputs.extensionPassword as Record<string, string>;
        assert.equal(wrapped.value, "alice-ext-value");
        assert.equal(wrapped["4dabf18193072939515e22adb298388d"], "1b47061264138c4ac30d75fd1eb44270");
    });

    it("makes a user depend on the roster role it names", async () => {
        deployRoster(parseRoster(rosterText([user("alice", "1001"), user("bob", "1002", "StandardUser")])));
        await settle();
        const roleIndex = registered.findIndex((r) => r.name === "pbx-role-Support");
        const aliceIndex = registered.findIndex((r) => r.name === "pbx-user-1001");
        assert.ok(roleIndex >= 0 && aliceIndex > roleIndex, "the role is registered before the user that uses it");
        assert.equal(registered.find((r) => r.name === "pbx-user-1001")!.inputs.role, "Support");
        assert.equal(registered.find((r) => r.name === "pbx-user-1002")!.inputs.role, "StandardUser");
    });
});
