import { strict as assert } from "node:assert";
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { promptHidden } from "../../provider/cli/prompt";
import { tokenRequests, useMasergySimulator } from "../helpers/masergy";
import { bins, runBin } from "./run";

const run = (args: string[], options?: Parameters<typeof runBin>[2]) => runBin(bins.ucaas, args, options);

/**
 * Runs `pulumi-ucaas` on a real terminal (a pseudo-terminal from script(1)) and answers its prompts
 * as they appear; resolves to the text the terminal showed.
 */
function runOnTerminal(args: string[], answers: Array<[RegExp, string]>, env: Record<string, string>): Promise<{ code: number; screen: string }> {
    const command = [process.execPath, bins.ucaas, ...args].map((word) => `'${word}'`).join(" ");
    const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: os.tmpdir(), env: { ...process.env, ...env } });
    let screen = "";
    const pending = [...answers];
    child.stdout.on("data", (chunk) => {
        screen += chunk;
        // The prompt is written after the terminal's echo is off, so answering on sight is safe.
        while (pending.length && pending[0][0].test(screen)) child.stdin.write(`${pending.shift()![1]}\r`);
    });
    return new Promise((resolve, reject) => {
        child.on("error", reject);
        // Without readline's cursor movements, as a person would read it.
        child.on("close", (code) => resolve({ code: code ?? -1, screen: screen.replace(/\x1b\[[0-9]*[A-Za-z]/g, "") }));
    });
}

describe("pulumi-ucaas masergy-login", function () {
    this.timeout(120_000);
    const sim = useMasergySimulator();
    const env = () => ({ UCAAS_MASERGY_TOKEN_URL: sim().tokenUrl });
    const password = () => `${sim().account.password}\n`;

    it("masergy-login --print mints an offline refresh token with the password grant, the password read from stdin", async () => {
        const result = await run(["masergy-login", "--username", sim().account.username, "--print"], { stdin: password(), env: env() });
        assert.equal(result.code, 0, result.stderr);
        const token = result.stdout.trim();
        const [login] = tokenRequests(sim());
        assert.deepEqual(login.body, { grant_type: "password", username: sim().account.username, password: "[REDACTED]", scope: "offline_access", client_id: "token-api" });
        const refreshed = await fetch(sim().tokenUrl, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ grant_type: "refresh_token", client_id: "token-api", refresh_token: token }),
        });
        assert.equal(refreshed.status, 200, "the printed token works as an offline refresh token");
    });

    it("masergy-login stores the token as a stack secret with pulumi config set --secret", async () => {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-login-"));
        const backend = fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-login-state-"));
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: login-test\nruntime: nodejs\n");
        const pulumiEnv = { ...process.env, PULUMI_BACKEND_URL: `file://${backend}`, PULUMI_CONFIG_PASSPHRASE: "test-passphrase" };
        await promisify(execFile)("pulumi", ["stack", "init", "dev", "--non-interactive"], { cwd: project, env: pulumiEnv });
        const result = await run(["masergy-login", "--username", sim().account.username], {
            cwd: project,
            stdin: password(),
            env: { ...env(), PULUMI_BACKEND_URL: pulumiEnv.PULUMI_BACKEND_URL, PULUMI_CONFIG_PASSPHRASE: "test-passphrase" },
        });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stderr, /Stored the offline refresh token as the secret ucaas:masergyRefreshToken/);
        const { stdout } = await promisify(execFile)("pulumi", ["config", "get", "ucaas:masergyRefreshToken"], { cwd: project, env: pulumiEnv });
        const stackFile = fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8");
        assert.match(stackFile, /ucaas:masergyRefreshToken:\s+secure: /);
        assert.equal(stackFile.includes(stdout.trim()), false, "the token is encrypted in the stack file");
        assert.equal(result.stdout.includes(stdout.trim()) || result.stderr.includes(stdout.trim()), false, "and never printed");
        assert.equal(tokenRequests(sim()).length, 1);
    });

    it("masergy-login fails with Keycloak's message and without the password when the password is wrong", async () => {
        const result = await run(["masergy-login", "--username", sim().account.username, "--print"], { stdin: "not-the-password\n", env: env() });
        assert.equal(result.code, 1);
        assert.match(result.stderr, /HTTP 401 invalid_grant: Invalid user credentials/);
        assert.equal(result.stderr.includes("not-the-password"), false);
        assert.equal(result.stdout, "");
    });

    it("masergy-login outside a Pulumi project asks for --print, and without a terminal asks for --username", async () => {
        const outside = await run(["masergy-login", "--username", "someone"], { cwd: fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-nowhere-")), env: env() });
        assert.equal(outside.code, 2);
        assert.match(outside.stderr, /no Pulumi project here .* pass --print/);
        const noUser = await run(["masergy-login", "--print"], { stdin: password(), env: { ...env(), UCAAS_MASERGY_USERNAME: "" } });
        assert.equal(noUser.code, 2);
        assert.match(noUser.stderr, /pass --username/);
        assert.equal(tokenRequests(sim()).length, 0);
    });

    it("on a terminal asks for the username and the password, and does not echo the password", async function () {
        if (!fs.existsSync("/usr/bin/script")) this.skip();
        const { username, password: secret } = sim().account;
        const result = await runOnTerminal(["masergy-login", "--print"], [[/Masergy username: /, username], [/Password for /, secret]], {
            ...env(),
            UCAAS_MASERGY_USERNAME: "",
        });
        assert.equal(result.code, 0, result.screen);
        assert.ok(result.screen.includes(`Masergy username: ${username}`), "the username is echoed");
        assert.equal(result.screen.includes(secret), false, "the password is not");
        const token = /Password for [^:]+: \r\n([A-Za-z0-9_-]{20,})\r\n$/.exec(result.screen)?.[1];
        assert.ok(token, `the token is printed on its own line after the prompt: ${JSON.stringify(result.screen)}`);
        assert.equal(tokenRequests(sim()).length, 1);
    });

    it("promptHidden: no echo, backspace edits, the terminal left as it was, Ctrl-C cancels", async () => {
        const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(mode: boolean) { this.rawModes.push(mode); } });
        const output = new PassThrough();
        let shown = "";
        output.on("data", (chunk) => (shown += chunk));
        const answer = promptHidden(input, output, "Password: ");
        input.write("s3cret-x");
        input.write("\u007f\r");
        assert.equal(await answer, "s3cret-");
        // Apart from the prompt and cursor movements, only the line break after Enter is shown.
        assert.equal(shown.replace("Password: ", "").replace(/\x1b\[[0-9]*[A-Za-z]/g, ""), "\n", JSON.stringify(shown));
        assert.deepEqual(input.rawModes, [true, false]);
        const cancelled = promptHidden(input, output, "Password: ");
        input.write("ab\u0003");
        await assert.rejects(cancelled, /canceled/);
        assert.deepEqual(input.rawModes, [true, false, true, false]);
    });
});
