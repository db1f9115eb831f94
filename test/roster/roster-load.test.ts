import { strict as assert } from "node:assert";
import { parseRoster, RosterError, type RosterProblem } from "pulumi-ucaas";

const alice = `    - name: alice
      displayName: Alice
      email: alice@example.com
      role: StandardUser
      extensionNumber: "1001"
      password: { secret: alicePassword }
      extensionPassword: { secret: aliceExtensionPassword }
      voicemailPin: { secret: aliceVoicemailPin }
`;

function problemsOf(text: string): RosterProblem[] {
    try {
        parseRoster(text, "roster.yaml");
    } catch (error) {
        assert.ok(error instanceof RosterError, String(error));
        return [...error.problems];
    }
    assert.fail("the roster was accepted");
}

/** Each malformed roster with the one problem it must report, at its exact position. */
const malformed: Array<{ name: string; text: string; line: number; column: number; path: string; message: RegExp }> = [
    {
        name: "broken YAML indentation",
        text: "pbx:\n  users:\n    - name: a\n   email: x\n",
        line: 4, column: 1, path: "", message: /same column/,
    },
    {
        name: "a duplicate key in an entry",
        text: `pbx:\n  users:\n${alice}      email: again@example.com\n`,
        line: 11, column: 7, path: "", message: /unique/i,
    },
    {
        name: "an unknown vendor section",
        text: `pbxx:\n  users: []\n`,
        line: 1, column: 1, path: "pbxx", message: /not a property/,
    },
    {
        name: "an unknown list in a section",
        text: `pbx:\n  extensions: []\n`,
        line: 2, column: 3, path: "pbx.extensions", message: /not a property/,
    },
    {
        name: "a section that is not a list",
        text: `pbx:\n  users: alice\n`,
        line: 2, column: 10, path: "pbx.users", message: /expected array/,
    },
    {
        name: "an invalid extension number",
        text: `pbx:\n  users:\n${alice.replace('"1001"', '"12"')}`,
        line: 7, column: 24, path: "pbx.users[0].extensionNumber", message: /3 to 64 digits/,
    },
    {
        name: "a missing required field",
        text: `pbx:\n  users:\n${alice.replace("      displayName: Alice\n", "")}`,
        line: 3, column: 7, path: "pbx.users[0].displayName", message: /is required/,
    },
    {
        name: "an unknown field",
        text: `pbx:\n  users:\n${alice}      colour: blue\n`,
        line: 11, column: 7, path: "pbx.users[0].colour", message: /not a property/,
    },
    {
        name: "a plaintext password",
        text: `pbx:\n  users:\n${alice.replace("{ secret: alicePassword }", "hunter22")}`,
        line: 8, column: 17, path: "pbx.users[0].password", message: /pulumi config set --secret/,
    },
    {
        name: "a secret reference without a key",
        text: `pbx:\n  users:\n${alice.replace("{ secret: aliceVoicemailPin }", "{ secret: '' }")}`,
        line: 10, column: 21, path: "pbx.users[0].voicemailPin", message: /secret: <stack config key>/,
    },
    {
        name: "an invalid enum value",
        text: `pbx:\n  users:\n${alice}      sms: SOMETIMES\n`,
        line: 11, column: 12, path: "pbx.users[0].sms", message: /DISABLE/,
    },
    {
        name: "a nested permission flag that does not exist",
        text: `pbx:\n  roles:\n    - name: Support\n      permissions:\n        billing:\n          fullAcess: true\n`,
        line: 6, column: 11, path: "pbx.roles[0].permissions.billing.fullAcess", message: /not a property/,
    },
    {
        name: "a built-in role name",
        text: `pbx:\n  roles:\n    - name: QueueManager\n`,
        line: 3, column: 13, path: "pbx.roles[0].name", message: /built-in/,
    },
    {
        name: "two entries with the same natural key",
        text: `pbx:\n  users:\n${alice}${alice.replace("name: alice", "name: alice2")}`,
        line: 11, column: 7, path: "pbx.users[1]", message: /duplicates pbx\.users\[0\].*"1001"/,
    },
];

describe("loadRoster", () => {
    for (const example of malformed) {
        it(`reports ${example.name} with its line, column and field path`, () => {
            const [problem, ...others] = problemsOf(example.text);
            assert.deepEqual(others, [], JSON.stringify(others));
            assert.deepEqual({ line: problem.line, column: problem.column, path: problem.path }, {
                line: example.line, column: example.column, path: example.path,
            }, problem.message);
            assert.match(problem.message, example.message);
        });
    }

    it("reports every problem of a roster at once, in file order", () => {
        const text = `pbx:\n  users:\n${alice.replace('"1001"', '"1"').replace("alice@example.com", "not-an-email")}      colour: blue\n`;
        const problems = problemsOf(text).map((p) => p.path);
        assert.deepEqual(problems, ["pbx.users[0].email", "pbx.users[0].extensionNumber", "pbx.users[0].colour"]);
    });

    it("names the file in the error message", () => {
        assert.throws(() => parseRoster("pbx: { users: [ { name: x } ] }", "ops/roster.yaml"), /^ {2}ops\/roster\.yaml:1:\d+ pbx\.users\[0\]\.displayName: is required$/m);
    });

    it("accepts a valid roster and keeps secret references for deploy time", () => {
        const roster = parseRoster(`pbx:\n  roles:\n    - name: Support\n  users:\n${alice}`, "roster.yaml");
        const [user] = roster.sections.pbx!.users!;
        assert.deepEqual(user.password, { secret: "alicePassword" });
        assert.equal((roster.sections.pbx!.roles![0].permissions as Record<string, unknown>).billing !== undefined, true);
    });
});
