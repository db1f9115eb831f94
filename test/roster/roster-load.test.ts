import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
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

const sectionNames = ["masergy.users", "pbx.roles", "pbx.users", "pbx.groups", "ump.endpoints", "teams.users"];

/** The roster with its `sections:` line: every section the text has (whatever their content). */
function declared(text: string): string {
    const data = (parse(text, { uniqueKeys: false }) ?? {}) as Record<string, Record<string, unknown> | null>;
    const present = sectionNames.filter((name) => {
        const [vendor, list] = name.split(".");
        return data[vendor] && typeof data[vendor] === "object" && list in data[vendor]!;
    });
    return `${text}sections: [${present.join(", ")}]\n`;
}

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
            const [problem, ...others] = problemsOf(example.name === "broken YAML indentation" ? example.text : declared(example.text));
            assert.deepEqual(others, [], JSON.stringify(others));
            assert.deepEqual({ line: problem.line, column: problem.column, path: problem.path }, {
                line: example.line, column: example.column, path: example.path,
            }, problem.message);
            assert.match(problem.message, example.message);
        });
    }

    it("reports every problem of a roster at once, in file order", () => {
        const text = `pbx:\n  users:\n${alice.replace('"1001"', '"1"').replace("alice@example.com", "not-an-email")}      colour: blue\n`;
        const problems = problemsOf(declared(text)).map((p) => p.path);
        assert.deepEqual(problems, ["pbx.users[0].email", "pbx.users[0].extensionNumber", "pbx.users[0].colour"]);
    });

    it("names the file in the error message", () => {
        assert.throws(
            () => parseRoster("pbx: { users: [ { name: x } ] }\nsections: [pbx.users]\n", "ops/roster.yaml"),
            /^RosterError: ops\/roster\.yaml: 7 problems; the roster was not deployed:\n(.*\n)* {2}ops\/roster\.yaml:1:\d+ pbx\.users\[0\]\.displayName: is required$/m,
        );
    });

    it("accepts a valid roster and keeps secret references for deploy time", () => {
        const roster = parseRoster(`pbx:\n  roles:\n    - name: Support\n  users:\n${alice}sections: [pbx.roles, pbx.users]\n`, "roster.yaml");
        const [user] = roster.sections.pbx!.users!;
        assert.deepEqual(user.password, { secret: "alicePassword" });
        assert.equal((roster.sections.pbx!.roles![0].permissions as Record<string, unknown>).billing !== undefined, true);
    });
});

describe("the sections: declaration (an empty or truncated roster deletes nobody)", () => {
    const example = fs.readFileSync(path.join(__dirname, "..", "..", "examples", "roster", "roster.yaml"), "utf8");

    it("accepts the example roster, which declares its sections last", () => {
        const roster = parseRoster(example, "roster.yaml");
        assert.deepEqual(roster.declared, ["masergy.users", "pbx.roles", "pbx.users", "ump.endpoints", "teams.users"]);
    });

    it("refuses the example roster cut at any point, down to an empty file", () => {
        const complete = example.trimEnd();
        let refused = 0;
        for (let length = 0; length < example.length; length++) {
            const cut = example.slice(0, length);
            if (cut.trimEnd() === complete) {
                continue; // only trailing whitespace is missing: the whole roster
            }
            assert.throws(() => parseRoster(cut, "roster.yaml"), RosterError, `accepted when cut after ${length} characters: ...${JSON.stringify(cut.slice(-40))}`);
            refused++;
        }
        assert.ok(refused > 2000, `${refused} cuts`);
    });

    it("refuses an empty file and says how to manage nothing on purpose", () => {
        for (const text of ["", "\n", "# a roster\n"]) {
            const [problem, ...others] = problemsOf(text);
            assert.deepEqual(others, []);
            assert.deepEqual([problem.line, problem.column, problem.path], [1, 1, ""]);
            assert.match(problem.message, /the roster is empty: deploying it would delete every user.*`sections: \[\]`/);
        }
        assert.deepEqual(parseRoster("sections: []\n").declared, []);
    });

    it("refuses a roster without sections:, pointing at its end", () => {
        const [problem, ...others] = problemsOf(`pbx:\n  users:\n${alice}`);
        assert.deepEqual(others, []);
        assert.deepEqual([problem.line, problem.column, problem.path], [11, 1, "sections"]);
        assert.match(problem.message, /is missing at the end of the roster: .*`sections: \[pbx\.users\]`.*cut short/);
    });

    it("refuses a declared section that is not in the file, and a section that is not declared", () => {
        const problems = problemsOf(`pbx:\n  roles: []\nump:\n  endpoints: []\nsections: [pbx.roles, pbx.users]\n`);
        assert.deepEqual(problems.map((p) => [p.line, p.column, p.path]), [[4, 3, "ump.endpoints"], [5, 23, "sections[1]"]]);
        assert.match(problems[0].message, /is not listed in `sections:` \(line 5\)/);
        assert.match(problems[1].message, /pbx\.users is declared but not in the file.*`users: \[\]` under `pbx:`/);
    });

    it("accepts a declared section that is empty on purpose, and refuses one with nothing after its colon", () => {
        const roster = parseRoster(`pbx:\n  roles: []\n  users: []\nsections: [pbx.roles, pbx.users]\n`);
        assert.deepEqual(roster.sections.pbx, { roles: [], users: [] });
        const [problem] = problemsOf(`pbx:\n  roles: []\n  users:\nsections: [pbx.roles, pbx.users]\n`);
        assert.equal(problem.path, "pbx.users");
        assert.match(problem.message, /has nothing after its colon: write `\[\]` for a list that is empty on purpose/);
    });

    it("refuses sections: anywhere but last, and a section listed twice", () => {
        const problems = problemsOf(`sections: [pbx.roles, pbx.roles]\npbx:\n  roles: []\n`);
        assert.deepEqual(problems.map((p) => [p.line, p.column, p.path]), [[1, 23, "sections[1]"], [2, 1, "pbx"]]);
        assert.match(problems[0].message, /lists pbx\.roles twice/);
        assert.match(problems[1].message, /comes after `sections:`, which must be the roster's last key/);
    });
});

describe("values where the roster expects something else", () => {
    it("an object where a value belongs (`{ import: \"1003\" }`) is a problem, not a crash", () => {
        const problems = problemsOf(declared(`pbx:\n  users:\n${alice.replace('"1001"', '{ import: "1003" }').replace("{ secret: alicePassword }", "{ import: alicePassword }")}`));
        assert.deepEqual(problems.map((p) => [p.path, p.message]), [
            ["pbx.users[0].extensionNumber", "must be a string, not an object (import:); only secret fields take an object, `{ secret: <stack config key> }`"],
            ["pbx.users[0].password", "must be `{ secret: <stack config key> }`; `import:` is not part of a secret reference"],
        ]);
    });

    it("a list where a value belongs", () => {
        const [problem] = problemsOf(declared(`pbx:\n  users:\n${alice.replace("Alice\n", "[Alice]\n")}`));
        assert.deepEqual([problem.path, problem.message], ["pbx.users[0].displayName", "must be a string, not a list; only secret fields take an object, `{ secret: <stack config key> }`"]);
    });
});

describe("teams.tenants: short names for tenants", () => {
    const teamsUser = (tenant: string, login = "alice@contoso.com") =>
        `    - tenantId: ${tenant}\n      loginId: ${login}\n      pbxLocation: pbx-east\n      pbxUserId: "1001"\n      teamsUserId: x\n      sbcGatewayId: 11\n`;
    const guid = "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c";
    const teamsRoster = (tenants: string, users: string) => `teams:\n${tenants}  users:\n${users}sections: [teams.users]\n`;

    it("resolves a short name to its tenant id, and keeps an aliased id as it is", () => {
        const roster = parseRoster(teamsRoster(`  tenants:\n    contoso: ${guid}\n`, teamsUser("contoso") + teamsUser(guid, "bob@contoso.com")));
        assert.deepEqual(roster.sections.teams?.users?.map((u) => u.tenantId), [guid, guid]);
        assert.deepEqual(roster.tenants, { contoso: guid });
        assert.equal("tenants" in roster.sections.teams!, false, "tenants are not a section of resources");
    });

    it("takes any tenant id when no short names are declared", () => {
        assert.equal(parseRoster(teamsRoster("", teamsUser("tenant-two"))).sections.teams?.users?.[0].tenantId, "tenant-two");
    });

    it("refuses an unknown short name and two names for one tenant", () => {
        const problems = problemsOf(teamsRoster(`  tenants:\n    contoso: ${guid}\n    cont: ${guid}\n`, teamsUser("contosso")));
        assert.deepEqual(problems.map((p) => [p.line, p.path]), [[4, "teams.tenants.cont"], [6, "teams.users[0].tenantId"]]);
        assert.match(problems[0].message, /names the same tenant as contoso/);
        assert.match(problems[1].message, /"contosso" is neither a short name in teams\.tenants \(contoso, cont\) nor one of their tenant ids/);
    });

    it("refuses a short name that would not read well in a logical name", () => {
        const [problem, ...others] = problemsOf(teamsRoster(`  tenants:\n    "contoso us": ${guid}\n`, teamsUser(guid)));
        assert.deepEqual(others, []);
        assert.deepEqual([problem.line, problem.path], [3, "teams.tenants.contoso us"]);
        assert.match(problem.message, /1 to 32 letters, digits or '-'/);
    });
});

describe("duplicate identities", () => {
    it("refuses two PBX users with one name, and two with one extension", () => {
        const problems = problemsOf(declared(`pbx:\n  users:\n${alice}${alice.replace('"1001"', '"1002"')}${alice.replace("name: alice", "name: carol")}`));
        assert.deepEqual(problems.map((p) => [p.path, p.message]), [
            ["pbx.users[1]", "duplicates pbx.users[0]: both are named pbx-user-alice"],
            ["pbx.users[2]", 'duplicates pbx.users[0]: both have extension "1001"'],
        ]);
    });

    it("refuses two Teams users with one login in one tenant, however the tenant is written", () => {
        const guid = "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c";
        const user = (tenant: string) => `    - tenantId: ${tenant}\n      loginId: a@contoso.com\n      pbxLocation: x\n      pbxUserId: "1"\n      teamsUserId: x\n      sbcGatewayId: 11\n`;
        const [problem] = problemsOf(`teams:\n  tenants:\n    contoso: ${guid}\n  users:\n${user("contoso")}${user(guid)}sections: [teams.users]\n`);
        assert.deepEqual([problem.path, problem.message], ["teams.users[1]", "duplicates teams.users[0]: both are named teams-user-contoso/a@contoso.com"]);
    });
});

describe("pbx.groups", () => {
    const group = (members: string) => `  groups:\n    - name: Support team\n      members: ${members}\n`;

    it("takes members by user name, by a roster user's extension and by any other extension number", () => {
        const roster = parseRoster(declared(`pbx:\n  users:\n${alice}${group('[alice, "1001", "2002"]')}`));
        assert.deepEqual(roster.sections.pbx?.groups?.[0].members, ["alice", "1001", "2002"]);
        assert.deepEqual(roster.declared, ["pbx.users", "pbx.groups"]);
    });

    it("refuses a member that names no roster user and is not an extension number, at its position", () => {
        const problems = problemsOf(declared(`pbx:\n  users:\n${alice}${group("[alice, bob, \"12\"]")}`));
        assert.deepEqual(problems.map((p) => [p.line, p.column, p.path, p.message]), [
            [13, 24, "pbx.groups[0].members[1]", '"bob" is neither the name nor the extension of a user in pbx.users, nor an extension number (3-64 digits)'],
            [13, 29, "pbx.groups[0].members[2]", '"12" is neither the name nor the extension of a user in pbx.users, nor an extension number (3-64 digits)'],
        ]);
    });

    it("is a section of its own under the sections: rule", () => {
        const text = `pbx:\n  users:\n${alice}${group("[alice]")}sections: [pbx.users]\n`;
        assert.deepEqual(problemsOf(text).map((p) => [p.path, p.message]), [["pbx.groups", "is not listed in `sections:` (line 14): add pbx.groups there if this file manages it"]]);
        const [missing] = problemsOf(`pbx:\n  users:\n${alice}sections: [pbx.users, pbx.groups]\n`);
        assert.match(missing.message, /pbx\.groups is declared but not in the file; .*Write `groups: \[\]` under `pbx:`/);
    });
});
