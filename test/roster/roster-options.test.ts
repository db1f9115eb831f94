import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { deployRoster, parseRoster, RosterError } from "pulumi-ucaas";
import { mergedOptions } from "../../provider/roster/entry-options";
import { generateJsonSchemas } from "../../provider/roster/json-schema";

const user = (name: string, ext: string, options = "") => `    - name: ${name}
      displayName: ${name}
      email: ${name}@example.com
      role: Support
      extensionNumber: "${ext}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ${name}Ext }
      voicemailPin: { secret: ${name}Pin }
${options}`;

const roster = (users: string[], roleOptions = "") =>
    `pbx:\n  roles:\n    - name: Support\n${roleOptions}  users:\n${users.join("")}sections: [pbx.roles, pbx.users]\n`;

/** The problems loadRoster reports, as `line:column path: message`. */
function problemsOf(text: string): string[] {
    try {
        parseRoster(text);
    } catch (error) {
        assert.ok(error instanceof RosterError, String(error));
        return error.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    }
    assert.fail("the roster loaded");
}

describe("roster entries' own resource options (options: protect, retainOnDelete, ignoreChanges, dependsOn)", () => {
    it("loads them, and keeps them out of the resource's args", () => {
        const text = roster([
            user("alice", "1001", "      options:\n        protect: true\n        ignoreChanges: [displayName, officeHours.monday]\n"),
            user("bob", "1002", "      options: { retainOnDelete: true, dependsOn: [pbx-user-alice] }\n"),
        ]);
        const loaded = parseRoster(text);
        const [alice, bob] = loaded.sections.pbx!.users!;
        assert.deepEqual(alice.options, { protect: true, ignoreChanges: ["displayName", "officeHours.monday"] });
        assert.deepEqual(bob.options, { retainOnDelete: true, dependsOn: ["pbx-user-alice"] });
    });

    it("refuses an option Pulumi's roster options do not have, at its line and column", () => {
        const text = roster([user("alice", "1001", "      options:\n        protected: true\n")]);
        assert.deepEqual(problemsOf(text), ["14:9 pbx.users[0].options.protected: is not a property of this resource"]);
    });

    it("reports every bad name at once: a property the resource has not, a name no entry has, the entry itself", () => {
        const text = roster([
            user("alice", "1001"),
            user("bob", "1002", "      options:\n        ignoreChanges: [displayname]\n        dependsOn: [alice, pbx-user-bob, pbx-role-Sales]\n"),
        ]);
        assert.deepEqual(problemsOf(text), [
            '22:25 pbx.users[1].options.ignoreChanges[0]: "displayname" is not an argument of PbxUser',
            '23:21 pbx.users[1].options.dependsOn[0]: "alice" is not the logical name of an entry of this roster (did you mean pbx-user-alice?); entries are named as the `managed` output lists them, e.g. pbx-user-alice',
            "23:28 pbx.users[1].options.dependsOn[1]: names this entry itself",
            '23:42 pbx.users[1].options.dependsOn[2]: "pbx-role-Sales" is not the logical name of an entry of this roster; entries are named as the `managed` output lists them, e.g. pbx-user-alice',
        ]);
    });

    it("refuses a cycle of dependencies, also one through a reference (a user's role)", () => {
        const text = roster([user("alice", "1001")], "      options: { dependsOn: [pbx-user-alice] }\n");
        assert.deepEqual(problemsOf(text), [
            "4:30 pbx.roles[0].options.dependsOn[0]: makes a cycle of dependencies: pbx-role-Support -> pbx-user-alice -> pbx-role-Support",
        ]);
    });

    it("refuses a cycle through a group's members: the group waits for its member, which waits for the group", () => {
        const text = roster([user("alice", "1001", "      options: { dependsOn: [pbx-group-Sales] }\n")]).replace(
            "sections: [pbx.roles, pbx.users]",
            "  groups:\n    - name: Sales\n      members: [alice]\nsections: [pbx.roles, pbx.users, pbx.groups]",
        );
        assert.deepEqual(problemsOf(text), [
            "13:30 pbx.users[0].options.dependsOn[0]: makes a cycle of dependencies: pbx-user-alice -> pbx-group-Sales -> pbx-user-alice",
        ]);
    });

    it("reports a cycle at the dependsOn that closes it, also when it is first met through a reference", () => {
        // jane (visited first) waits for alice, who references the role, which waits for the group of alice.
        const jane = [
            "masergy:\n  users:\n    - groupId: SIM-NYC\n      userId: jdoe@example.com\n      firstName: Jane\n      lastName: Doe",
            "      webPortalPassword: { secret: janePortalPassword }\n      extension: \"0101\"\n      mainServicePack: UC-Standard",
            "      addressType: NONE\n      timeZone: America/New_York\n      options: { dependsOn: [pbx-user-alice] }\n",
        ].join("\n");
        const text = jane + roster([user("alice", "1001")], "      options: { dependsOn: [pbx-group-Sales] }\n").replace(
            "sections: [pbx.roles, pbx.users]",
            "  groups:\n    - name: Sales\n      members: [alice]\nsections: [masergy.users, pbx.roles, pbx.users, pbx.groups]",
        );
        assert.deepEqual(problemsOf(text), [
            "16:30 pbx.roles[0].options.dependsOn[0]: makes a cycle of dependencies: pbx-role-Support -> pbx-group-Sales -> pbx-user-alice -> pbx-role-Support",
        ]);
    });

    it("are in the roster's JSON Schema, for editors", () => {
        const schema = generateJsonSchemas()["roster.schema.json"] as {
            properties: { pbx: { properties: { users: { items: { properties: { options: { properties: Record<string, unknown>; additionalProperties: boolean } } } } } } };
        };
        const options = schema.properties.pbx.properties.users.items.properties.options;
        assert.deepEqual(Object.keys(options.properties), ["protect", "retainOnDelete", "ignoreChanges", "dependsOn"]);
        assert.equal(options.additionalProperties, false);
    });

    describe("merged with deployRoster's own options", () => {
        const declared = { "pbx-role-Support": { __pulumiResource: true, name: "role" } as unknown as pulumi.CustomResource };
        const callers = { __pulumiResource: true, name: "caller's" } as unknown as pulumi.CustomResource;

        it("the entry's protect and retainOnDelete win; ignoreChanges and dependsOn add to the caller's", () => {
            const merged = mergedOptions(
                { protect: false, retainOnDelete: false, ignoreChanges: ["email"], dependsOn: [callers], aliases: [{ name: "old" }] },
                { protect: true, retainOnDelete: true, ignoreChanges: ["displayName"], dependsOn: ["pbx-role-Support"] },
                declared,
            );
            assert.equal(merged.protect, true);
            assert.equal(merged.retainOnDelete, true);
            assert.deepEqual(merged.ignoreChanges, ["email", "displayName"]);
            assert.deepEqual(merged.dependsOn, [callers, declared["pbx-role-Support"]]);
            assert.deepEqual(merged.aliases, [{ name: "old" }]);
        });

        it("an entry without options takes the caller's unchanged", () => {
            const opts = { protect: true, dependsOn: callers };
            assert.deepEqual(mergedOptions(opts, {}, declared), opts);
        });

        it("a caller's dependsOn given as one resource or as an Output is kept", async () => {
            assert.deepEqual(mergedOptions({ dependsOn: callers }, { dependsOn: ["pbx-role-Support"] }, declared).dependsOn, [callers, declared["pbx-role-Support"]]);
            const later = mergedOptions({ dependsOn: pulumi.output([callers]) }, { dependsOn: ["pbx-role-Support"] }, declared).dependsOn as pulumi.Output<unknown[]>;
            const resolved = await new Promise<unknown[]>((resolve) => later.apply(resolve));
            assert.deepEqual(resolved, [callers, declared["pbx-role-Support"]]);
        });
    });

    describe("deployRoster (under Pulumi's mocks)", () => {
        const registered: Array<{ name: string; inputs: Record<string, unknown> }> = [];
        before(() => {
            pulumi.runtime.setMocks(
                { newResource: (args) => (registered.push({ name: args.name, inputs: args.inputs }), { id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
                "project",
                "stack",
                false,
            );
            const config = Object.fromEntries(["alice", "bob"].flatMap((name) => [[`project:${name}Password`, "pw-value-1"], [`project:${name}Ext`, "ext-value-1"], [`project:${name}Pin`, "135792"]]));
            pulumi.runtime.setAllConfig(config, Object.keys(config));
        });

        it("declares an entry after the entries it depends on, whatever the file's order, and never sends options as an arg", async () => {
            deployRoster(parseRoster(roster([user("alice", "1001", "      options: { dependsOn: [pbx-user-bob], protect: true }\n"), user("bob", "1002")])));
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.deepEqual(registered.map((r) => r.name), ["pbx-role-Support", "pbx-user-bob", "pbx-user-alice"]);
            assert.ok(registered.every((r) => !("options" in r.inputs)));
        });

        it("declares a group after the users its members name, and a user after the entry its dependsOn names", async () => {
            registered.length = 0;
            const text = roster([user("alice", "1001", "      options: { dependsOn: [pbx-user-bob] }\n"), user("bob", "1002")]).replace(
                "sections: [pbx.roles, pbx.users]",
                "  groups:\n    - name: Sales\n      members: [alice, \"1002\", \"2002\"]\nsections: [pbx.roles, pbx.users, pbx.groups]",
            );
            deployRoster(parseRoster(text));
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.deepEqual(registered.map((r) => r.name), ["pbx-role-Support", "pbx-user-bob", "pbx-user-alice", "pbx-group-Sales"]);
            // Members named by user name or extension became the users' outputs; the mocks echo them back.
            assert.deepEqual(registered.find((r) => r.name === "pbx-group-Sales")!.inputs.members, ["1001", "1002", "2002"]);
        });
    });
});
