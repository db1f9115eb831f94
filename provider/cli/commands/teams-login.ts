/**
 * `pulumi-ucaas teams-login --tenant <id>`: the device-code sign-in of a Teams administrator of one
 * enterprise's Microsoft tenant (msal-node), whose refresh token is stored in the stack secret
 * `ucaas:teamsMicrosoftTokens` (a JSON object, tenant id -> refresh token; other tenants' entries
 * are kept). From then on the TeamsEnterpriseUser resources of that tenant act as the enterprise.
 */
import { InvalidArgumentError } from "commander";
import { getSetting, settingProblem } from "../../config";
import { configSetCommand } from "../../settings/catalog";
import { signInWithDeviceCode } from "../../microsoft/device-code-sign-in";
import { isTenantId, withTenantToken } from "../../microsoft/tenant-tokens";
import { UsageError } from "../errors";
import { registerCommand } from "../registry";
import { runPulumi } from "../pulumi";
import { findProject, loadStackSettings, readStackConfig, setSecretConfig, stackOption } from "../stack-config";

const configKey = "ucaas:teamsMicrosoftTokens";

interface LoginOptions {
    tenant: string;
    clientId?: string;
    print?: boolean;
    stack?: string;
}

function tenantId(value: string): string {
    if (!isTenantId(value.trim())) throw new InvalidArgumentError("a Microsoft tenant id (a GUID), e.g. 0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c.");
    return value.trim().toLowerCase();
}

registerCommand<LoginOptions>({
    name: "teams-login",
    summary: `sign in to an enterprise's Microsoft tenant as its Teams administrator and store the token in ${configKey}`,
    details: `Runs Microsoft's device-code sign-in: it shows a code and a web page; sign in
there, in any browser, as a Teams Administrator (or Global Administrator) of
the tenant. The refresh token Microsoft issues is stored with
\`pulumi config set --secret ${configKey}\` (a JSON object from tenant id
to refresh token; other tenants' tokens are kept). TeamsEnterpriseUser
resources of that tenant then act as the enterprise: configureUser enables
calling, and delete disables calling and removes the user.

The application is ucaas:teamsMicrosoftClientId (or --client-id, which is
then stored too), the authority ucaas:teamsMicrosoftAuthority (default
https://login.microsoftonline.com), the scopes ucaas:teamsMicrosoftScopes.
Microsoft refresh tokens last 90 days: run it again before then.`,
    define: (command) =>
        command
            .requiredOption("--tenant <id>", "the enterprise's Microsoft tenant id (the tenantId of its TeamsEnterpriseUsers)", tenantId)
            .option("--client-id <id>", "the Microsoft application (client) id (default: ucaas:teamsMicrosoftClientId / UCAAS_TEAMS_MICROSOFT_CLIENT_ID)")
            .option("--print", "print the refresh token instead of storing it")
            .addOption(stackOption()),
    async run({ options, io, stack, result, note }) {
        if (!options.print && !findProject(io.cwd)) {
            throw new UsageError("no Pulumi project here (no Pulumi.yaml in this folder or above): run it in your project, or pass --print");
        }
        // The stack's settings as the resources read them; its secrets are needed to keep the other tenants' tokens.
        await loadStackSettings(stack, { secrets: !options.print });
        const clientId = options.clientId ?? getSetting("teamsMicrosoftClientId");
        if (!clientId) {
            throw new UsageError(`pass --client-id, or set the application first: \`${configSetCommand("teamsMicrosoftClientId", "<application id>")}\``);
        }
        const problem = settingProblem("teamsMicrosoftAuthority");
        if (problem) throw new UsageError(problem);
        const authorityHost = getSetting("teamsMicrosoftAuthority")!;
        const scopes = getSetting("teamsMicrosoftScopes")!.split(/\s+/).filter(Boolean);

        note(`Signing in to Microsoft tenant ${options.tenant} as a Teams administrator (device code):`);
        const signIn = await signInWithDeviceCode({ authorityHost, tenantId: options.tenant, clientId }, scopes, note);
        note(`Signed in as ${signIn.username}.`);
        if (options.print) {
            result(signIn.refreshToken);
            return;
        }
        // Only the stack's own value is merged: a UCAAS_TEAMS_MICROSOFT_TOKENS variable never lands in the stack config.
        const stored = (await readStackConfig(stack))?.get(configKey);
        await setSecretConfig(configKey, withTenantToken(stored, options.tenant, signIn.refreshToken), stack);
        if (options.clientId && (await readStackConfig(stack, { secrets: false }))?.get("ucaas:teamsMicrosoftClientId") !== options.clientId) {
            await runPulumi(["config", "set", "ucaas:teamsMicrosoftClientId", options.clientId], stack);
        }
        note(
            `Stored the refresh token of tenant ${options.tenant} in the secret ${configKey}${stack.stack ? ` of stack ${stack.stack}` : ""}. ` +
                "It lasts 90 days (Microsoft's default): run teams-login again before then.",
        );
    },
});
