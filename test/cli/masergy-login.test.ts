import { strict as assert } from "node:assert";
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { promptHidden } from "../../provider/cli/prompt";
import { repoRoot } from "../helpers/engine";
import { tokenRequests, useMasergySimulator } from "../helpers/masergy";

const cli = path.join(repoRoot, "dist", "provider", "cli", "main.js");

/** Runs `pulumi-ucaas` with `stdin` piped in (not a terminal). */
function run(args: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd ?? os.tmpdir(), env: { ...process.env, ...options.env } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(options.stdin ?? "");
    });
}

describe("pulumi-ucaas command line", function () {
    this.timeout(120_000);
    const sim = useMasergySimulator();
    const env = () => ({ UCAAS_MASERGY_TOKEN_URL: sim().tokenUrl });
    const password = () => `${sim().account.password}\n`;

    it("lists its commands, and refuses an unknown one with exit code 2", async () => {
        const help = await run(["--help"]);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /masergy-login +mint a Masergy offline refresh token/);
        const unknown = await run(["export-everything"]);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /unknown command "export-everything"/);
    });

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

    it("reads a password on a terminal without echoing it", async () => {
        const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[], setRawMode(mode: boolean) { this.rawModes.push(mode); } });
        const output = new PassThrough();
        let shown = "";
        output.on("data", (chunk) => (shown += chunk));
        const answer = promptHidden(input, output, "Password: ");
        input.write("s3cret-x");
        input.write("\u007f\r");
        assert.equal(await answer, "s3cret-");
        assert.equal(shown, "Password: \n");
        assert.deepEqual(input.rawModes, [true, false]);
    });
});
