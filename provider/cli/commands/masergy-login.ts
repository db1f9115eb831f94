/**
 * `pulumi-ucaas masergy-login`: mints the offline refresh token the Masergy resources use (the
 * password grant with `scope=offline_access`) and stores it as the stack secret
 * `ucaas:masergyRefreshToken`, or prints it. The password is read without echo from a terminal, or
 * from stdin for scripts, never from the command line.
 */
import { getSetting } from "../../config";
import { assertTransportAllowed } from "../../http/transport-guard";
import { mintOfflineRefreshToken } from "../../masergy/tokens";
import { UsageError } from "../errors";
import { promptHidden, promptLine, readAll } from "../prompt";
import { registerCommand } from "../registry";
import { findProject, loadStackSettings, setSecretConfig, stackOption } from "../stack-config";

const configKey = "ucaas:masergyRefreshToken";

interface LoginOptions {
    username?: string;
    print?: boolean;
    stack?: string;
    tokenUrl?: string;
}

registerCommand<LoginOptions>({
    name: "masergy-login",
    summary: `mint a Masergy offline refresh token and store it as the stack secret ${configKey}`,
    details: `Mints the token with your Masergy SSO username and password (password grant,
scope=offline_access) and stores it with
\`pulumi config set --secret ${configKey}\` in the Pulumi project of
the current folder. On a terminal it asks for the password without echo;
otherwise it reads the password from stdin.`,
    define: (command) =>
        command
            .option("--username <name>", "the Masergy SSO username (default: ucaas:masergyUsername / UCAAS_MASERGY_USERNAME, else asked)")
            .option("--print", "print the token instead of storing it")
            .addOption(stackOption())
            .option("--token-url <url>", "the token endpoint (default: ucaas:masergyTokenUrl / UCAAS_MASERGY_TOKEN_URL, else Masergy's)"),
    async run({ options, io, stack, result, note }) {
        if (!options.print && !findProject(io.cwd)) {
            throw new UsageError("no Pulumi project here (no Pulumi.yaml in this folder or above): run it in your project, or pass --print");
        }
        // The same reading of the settings as the resources', so the token is minted where they will refresh it.
        // Secrets stay encrypted: nothing needed here is one.
        await loadStackSettings(stack, { secrets: false });
        const url = options.tokenUrl ?? getSetting("masergyTokenUrl")!;
        assertTransportAllowed("Masergy", url, "the token URL");

        const terminal = io.stdin.isTTY === true;
        let username = options.username ?? getSetting("masergyUsername");
        if (!username) {
            if (!terminal) throw new UsageError("pass --username when the password comes from stdin");
            username = await promptLine(io.stdin, io.stderr, "Masergy username: ");
        }
        const password = terminal ? await promptHidden(io.stdin, io.stderr, `Password for ${username}: `) : await readAll(io.stdin);
        if (!username || !password) throw new UsageError("a username and a password are needed");

        const token = await mintOfflineRefreshToken(url, username, password);
        if (options.print) {
            result(token);
            return;
        }
        await setSecretConfig(configKey, token, stack);
        note(`Stored the offline refresh token as the secret ${configKey}${stack.stack ? ` of stack ${stack.stack}` : ""}.`);
    },
});
