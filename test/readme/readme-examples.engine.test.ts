import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    DEMO_UMP_DIRECTORY,
    startMasergySimulator,
    startPortSipSimulator,
    startTeamsSimulator,
    startUmpSimulator,
    type MasergySimulatorHandle,
    type PortSipSimulatorHandle,
    type TeamsSimulatorHandle,
    type UmpSimulatorHandle,
} from "pulumi-ucaas/simulators";
import { newStack, prepareProgram, repoRoot } from "../helpers/engine";
import { teamsEnvironment } from "../helpers/teams";

interface ReadmeProgram {
    /** Where it starts in the README. */
    line: number;
    code: string;
    /** The ```yaml block right after a program that loads roster.yaml. */
    roster?: string;
}

/**
 * The README's TypeScript programs, as a reader assembles them: a ```ts block that starts with
 * `import` starts a program, every other ```ts block continues the one before (it uses its
 * `config`, `alice`, ...); a ```yaml block right after a program that loads roster.yaml is its roster.
 */
export function readmePrograms(text: string): ReadmeProgram[] {
    const programs: ReadmeProgram[] = [];
    for (const block of text.matchAll(/^```(ts|yaml)\n([\s\S]*?)^```$/gm)) {
        const [, language, code] = block;
        const line = text.slice(0, block.index).split("\n").length;
        const current = programs[programs.length - 1];
        if (language === "yaml") {
            if (current && !current.roster && current.code.includes('loadRoster("roster.yaml")')) current.roster = code;
        } else if (code.startsWith("import ")) {
            programs.push({ line, code });
        } else {
            assert.ok(current, `README line ${line}: a block that continues no program`);
            current.code += `\n// README line ${line}\n${code}`;
        }
    }
    return programs;
}

/** A value each secret the program reads accepts (the PIN rules, the password lengths). */
function secretConfig(program: ReadmeProgram): Record<string, { value: string; secret: true }> {
    const keys = [
        ...[...program.code.matchAll(/requireSecret\("(\w+)"\)/g)].map((match) => match[1]),
        ...[...(program.roster ?? "").matchAll(/\{ secret: (\w+) \}/g)].map((match) => match[1]),
    ];
    return Object.fromEntries(keys.map((key) => [key, { value: /pin/i.test(key) ? "246813" : `Readme-${key}-1`, secret: true as const }]));
}

/**
 * "The README's code examples run against the simulators, as written": each program, with the
 * packed package, through `pulumi up`, a `preview` that changes nothing, and `destroy`. The
 * simulators hold what the examples say exists elsewhere: the UMP directory users that
 * `pulumi-ucaas-sim` seeds, and at the PBX a role Sales, a user at extension 2002 and a group
 * "Sales floor" (what the `get` examples read).
 */
describe("the README's examples, run against the simulators", function () {
    this.timeout(10 * 60_000);
    const programs = readmePrograms(fs.readFileSync(path.join(repoRoot, "README.md"), "utf8"));
    let pbx: PortSipSimulatorHandle;
    let masergy: MasergySimulatorHandle;
    let ump: UmpSimulatorHandle;
    let teams: TeamsSimulatorHandle;
    let installed: string;

    before(async () => {
        [pbx, masergy, ump, teams, installed] = await Promise.all([
            startPortSipSimulator(),
            startMasergySimulator({ jobDurationMs: 50 }),
            startUmpSimulator(),
            startTeamsSimulator(),
            prepareProgram("roster"),
        ]);
        DEMO_UMP_DIRECTORY.forEach((user) => ump.seedEndpoint({ ...user }));
        pbx.seedRole({ name: "Sales", description: "Sales floor" });
        pbx.seedUser({
            name: "bob", display_name: "Bob Example", email: "bob@example.com", role: "Sales", extension_number: "2002",
            password: "Bob-Password-1", extension_password: "Bob-Extension-1", voicemail_pin: "864213", department: "Sales",
        });
        const headers = { authorization: `Bearer ${pbx.token}`, "content-type": "application/json" };
        const created = await fetch(`${pbx.url}/api/groups`, { method: "POST", headers, body: JSON.stringify({ name: "Sales floor" }) });
        assert.equal(created.status, 201, await created.clone().text());
        const { id } = (await created.json()) as { id: string };
        const member = await fetch(`${pbx.url}/api/groups/${id}/members/2002`, { method: "POST", headers });
        assert.ok(member.ok, await member.text());
    });
    after(async () => {
        await Promise.all([pbx, masergy, ump, teams].map((sim) => sim?.stop()));
    });

    it("finds the programs: the roster with its file (the guide), and the resources with get and lookups (the reference)", () => {
        assert.equal(programs.length, 2, JSON.stringify(programs.map((p) => p.line)));
        assert.ok(programs[0].roster?.includes("sections:"));
        assert.match(programs[1].code, /new ucaas\.MasergyUser[\s\S]*PbxRole\.get[\s\S]*new ucaas\.UmpEndpoint[\s\S]*getLicenseOutput/);
    });

    for (const [index, program] of programs.entries()) {
        it(`program ${index + 1} (README line ${program.line}): up, an unchanged preview, destroy`, async () => {
            const dir = fs.mkdtempSync(`${installed}-readme-${index + 1}-`);
            for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json"]) fs.copyFileSync(path.join(installed, file), path.join(dir, file));
            fs.symlinkSync(path.join(installed, "node_modules"), path.join(dir, "node_modules"));
            fs.writeFileSync(path.join(dir, "index.ts"), program.code);
            if (program.roster) fs.writeFileSync(path.join(dir, "roster.yaml"), program.roster);
            const t = await newStack(dir, {
                UCAAS_PBX_URL: pbx.url,
                UCAAS_PBX_TOKEN: pbx.token,
                UCAAS_MASERGY_API_URL: masergy.apiUrl,
                UCAAS_MASERGY_TOKEN_URL: masergy.tokenUrl,
                UCAAS_MASERGY_REFRESH_TOKEN: masergy.refreshToken,
                UCAAS_MASERGY_POLL_INTERVAL_SECONDS: "0.05",
                UCAAS_UMP_URL: ump.url,
                ...teamsEnvironment(teams),
            });
            await t.stack.setAllConfig(secretConfig(program));
            const up = await t.stack.up();
            assert.equal(up.summary.result, "succeeded");
            const preview = await t.stack.preview();
            const changes = Object.entries(preview.changeSummary).filter(([op]) => !["same", "read"].includes(op));
            assert.deepEqual(changes, [], "the preview after up changes nothing");
            const destroy = await t.stack.destroy();
            assert.equal(destroy.summary.result, "succeeded");
        });
    }
});
