/**
 * `pulumi-ucaas masergy-login`: mints the offline refresh token the Masergy resources use (the
 * password grant with `scope=offline_access`) and stores it as the stack secret
 * `ucaas:masergyRefreshToken`, or prints it. The password is read without echo from a terminal, or
 * from stdin for scripts, never from the command line.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { envVarName, settingDefaults } from "../config";
import { assertTransportAllowed } from "../http/transport-guard";
import { mintOfflineRefreshToken } from "../masergy/tokens";
import type { Command, CommandIo } from "./command";
import { UsageError, parseFlags } from "./command";
import { promptHidden, promptLine, readAll } from "./prompt";

const configKey = "ucaas:masergyRefreshToken";

const usage = `Usage: pulumi-ucaas masergy-login [--username NAME] [--print] [--stack NAME] [--token-url URL]

Mints a Masergy offline refresh token with your Masergy SSO username and password and stores it
with \`pulumi config set --secret ${configKey}\` in the Pulumi project of the current folder.
On a terminal it asks for the password without echo; otherwise it reads the password from stdin.

  --username NAME   the Masergy SSO username (default: asked, or UCAAS_MASERGY_USERNAME)
  --print           print the token instead of storing it
  --stack NAME      the stack to store it in (default: the selected stack)
  --token-url URL   the token endpoint (default: ucaas:masergyTokenUrl, UCAAS_MASERGY_TOKEN_URL, or Masergy's)`;

function findProject(from: string): string | undefined {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (["Pulumi.yaml", "Pulumi.yml"].some((file) => fs.existsSync(path.join(dir, file)))) return dir;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** Runs the Pulumi CLI; `input` goes to its stdin (so a secret never appears in a process list). */
function pulumi(args: string[], io: CommandIo, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: io.cwd, env: io.env, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", (error) => reject(new Error(`cannot run pulumi: ${error.message}`)));
        child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
        child.stdin.end(input ?? "");
    });
}

async function tokenUrl(flag: string | undefined, project: string | undefined, stack: string[], io: CommandIo): Promise<string> {
    const fromEnv = io.env[envVarName("masergyTokenUrl")];
    if (flag || fromEnv) return (flag || fromEnv)!;
    if (project) {
        const configured = await pulumi(["config", "get", "ucaas:masergyTokenUrl", ...stack], io);
        if (configured.code === 0 && configured.stdout.trim()) return configured.stdout.trim();
    }
    return settingDefaults.masergyTokenUrl;
}

export const masergyLogin: Command = {
    summary: "mint a Masergy offline refresh token and store it as the stack secret ucaas:masergyRefreshToken",
    usage,
    async run(args, io) {
        const flags = parseFlags(args, { username: "value", print: "boolean", stack: "value", "token-url": "value", help: "boolean" });
        if (flags.help) {
            io.stdout.write(`${usage}\n`);
            return 0;
        }
        const project = flags.print ? undefined : findProject(io.cwd);
        if (!flags.print && !project) {
            throw new UsageError("no Pulumi project here (no Pulumi.yaml in this folder or above): run it in your project, or pass --print");
        }
        const stack = typeof flags.stack === "string" ? ["--stack", flags.stack] : [];
        const url = await tokenUrl(flags["token-url"] as string | undefined, project, stack, io);
        assertTransportAllowed("Masergy", url, "the token URL");

        const terminal = io.stdin.isTTY === true;
        let username = (flags.username as string | undefined) ?? io.env[envVarName("masergyUsername")];
        if (!username) {
            if (!terminal) throw new UsageError("pass --username when the password comes from stdin");
            username = await promptLine(io.stdin, io.stderr, "Masergy username: ");
        }
        const password = terminal ? await promptHidden(io.stdin, io.stderr, `Password for ${username}: `) : await readAll(io.stdin);
        if (!username || !password) throw new UsageError("a username and a password are needed");

        const token = await mintOfflineRefreshToken(url, username, password);
        if (flags.print) {
            io.stdout.write(`${token}\n`);
            return 0;
        }
        const stored = await pulumi(["config", "set", "--secret", configKey, ...stack], io, token);
        if (stored.code !== 0) {
            throw new Error(`pulumi config set failed: ${stored.stderr.trim() || stored.stdout.trim()}`);
        }
        io.stderr.write(`Stored the offline refresh token as the secret ${configKey}${stack.length ? ` of stack ${stack[1]}` : ""}.\n`);
        return 0;
    },
};
