import { strict as assert } from "node:assert";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type * as automation from "@pulumi/pulumi/automation";
import { newStack, prepareProgram, type TestStack } from "../helpers/engine";

const user = (name: string, extension: string) => `    - name: ${name}
      displayName: ${name}
      email: ${name}@example.com
      role: StandardUser
      extensionNumber: "${extension}"
      password: { secret: ${name}Password }
      extensionPassword: { secret: ucaas-secrets:${name}Extension }
      voicemailPin: { secret: ${name}VoicemailPin }
`;

/** Colour and style codes (SGR); the CLI's terminal queries (`ESC ] 11;?`, `ESC [6n`) are not colour. */
const colourCodes = /\x1b\[[0-9;]*m/;

const hasScript = (() => {
    try {
        execFileSync("script", ["--version"], { stdio: "ignore" });
        return true;
    } catch {
        return false;
    }
})();

/**
 * What a person sees when `pulumi preview` runs the roster program on a bad roster: the pulumi CLI
 * itself, run as a user runs it, with the whole output compared (the progress line `@ previewing
 * update....` differs in its dots from run to run and is left out).
 */
describe("roster messages in the pulumi CLI", function () {
    this.timeout(5 * 60_000);
    let t: TestStack;
    let workDir: string;

    before(async () => {
        const source = await prepareProgram("roster");
        workDir = fs.mkdtempSync(`${source}-messages-`);
        fs.cpSync(source, workDir, { recursive: true });
        t = await newStack(workDir);
    });

    function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
        return { ...process.env, ...(t.stack.workspace as automation.LocalWorkspace).envVars, ...extra };
    }

    async function preview(roster: string, extra: Record<string, string> = { NO_COLOR: "1" }): Promise<string> {
        fs.writeFileSync(path.join(workDir, "roster.yaml"), roster);
        const result = await promisify(execFile)("pulumi", ["preview", "--stack", "test", "--non-interactive"], { cwd: workDir, env: environment(extra) }).then(
            () => assert.fail("the preview succeeded"),
            (error: { code: number; stdout: string; stderr: string }) => error,
        );
        assert.equal(result.code, 1);
        return `${result.stdout}${result.stderr}`;
    }

    const withoutProgress = (output: string) => output.split("\n").filter((line) => !line.startsWith("@ ")).join("\n");

    it("a bad roster is one block: file:line:column, field path and problem; no stack trace, no colour under NO_COLOR", async () => {
        const roster = `pbx:\n  users:\n${user("alice", "1001").replace('"1001"', '{ import: "1003" }').replace("{ secret: alicePassword }", "{ import: alicePassword }")}ump:\n  endpoints: []\nsections: [pbx.users]\n`;
        const output = await preview(roster);
        assert.equal(
            withoutProgress(output),
            [
                "Previewing update (test):",
                "",
                " +  pulumi:pulumi:Stack ucaas-roster-test create ",
                " +  pulumi:pulumi:Stack ucaas-roster-test create error: roster.yaml: 3 problems; the roster was not deployed:",
                " +  pulumi:pulumi:Stack ucaas-roster-test create 1 error",
                "Diagnostics:",
                "  pulumi:pulumi:Stack (ucaas-roster-test):",
                "    error: roster.yaml: 3 problems; the roster was not deployed:",
                '      roster.yaml:7:24 pbx.users[0].extensionNumber: must be a string, not an object (import:); only secret fields take an object, `{ secret: <stack config key> }`',
                "      roster.yaml:8:17 pbx.users[0].password: must be `{ secret: <stack config key> }`; `import:` is not part of a secret reference",
                "      roster.yaml:12:3 ump.endpoints: is not listed in `sections:` (line 13): add ump.endpoints there if this file manages it",
                "",
                "Resources:",
                "    + 1 to create",
                "    1 errored",
                "",
                "",
            ].join("\n"),
        );
        assert.doesNotMatch(output, /unhandled exception|\n\s+at |RosterError/);
        assert.doesNotMatch(output, colourCodes);
    });

    it("an empty roster is refused before anything is deleted", async () => {
        const output = await preview("# nothing here yet\n");
        assert.match(
            output,
            /\n {4}error: roster\.yaml: 1 problem; the roster was not deployed:\n {6}roster\.yaml:1:1 the roster is empty: deploying it would delete every user, role and number this stack manages\. A roster that manages nothing on purpose says so: `sections: \[\]`\n\n/,
        );
    });

    it("all missing secrets at once, with the `pulumi config set --secret` lines to run", async () => {
        await t.stack.setConfig("bobPassword", { value: "bob-Plaintext-1", secret: true });
        await t.stack.setConfig("ucaas-secrets:bobExtension", { value: "bob-Ext-Plaintext-2", secret: true });
        const output = await preview(`pbx:\n  users:\n${user("alice", "1001")}${user("bob", "1002")}sections: [pbx.users]\n`);
        const diagnostics = output.slice(output.indexOf("Diagnostics:"), output.indexOf("\nResources:"));
        assert.equal(
            diagnostics,
            [
                "Diagnostics:",
                "  pulumi:pulumi:Stack (ucaas-roster-test):",
                '    error: roster.yaml: 4 secrets not set in stack "test"; the roster was not deployed. Set each (the command asks for the value), then run again:',
                "      pulumi config set --secret --stack test alicePassword                 # pbx-user-alice: password",
                "      pulumi config set --secret --stack test ucaas-secrets:aliceExtension  # pbx-user-alice: extensionPassword",
                "      pulumi config set --secret --stack test aliceVoicemailPin             # pbx-user-alice: voicemailPin",
                "      pulumi config set --secret --stack test bobVoicemailPin               # pbx-user-bob: voicemailPin",
                "",
            ].join("\n"),
        );
    });

    it("on a terminal: colour without NO_COLOR, none with it", async function () {
        if (!hasScript) {
            this.skip();
        }
        const roster = `pbx:\n  users:\n${user("alice", "12")}sections: [pbx.users]\n`;
        fs.writeFileSync(path.join(workDir, "roster.yaml"), roster);
        const onTerminal = async (extra: Record<string, string>) => {
            // `script` gives the CLI a pseudo-terminal, as a person's shell would.
            const run = promisify(execFile)("script", ["-qec", "pulumi preview --stack test --non-interactive", "/dev/null"], { cwd: workDir, env: environment(extra) });
            const { stdout } = await run.catch((error: { stdout: string }) => error);
            assert.match(stdout, /roster\.yaml:7:24 pbx\.users\[0\]\.extensionNumber: must be 3 to 64 digits/);
            return stdout;
        };
        assert.match(await onTerminal({}), colourCodes, "the CLI colours its output on a terminal");
        const plain = await onTerminal({ NO_COLOR: "1" });
        assert.doesNotMatch(plain, colourCodes);
        assert.doesNotMatch(plain, /\n\s+at /);
    });
});
