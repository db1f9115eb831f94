/**
 * docs/settings.md: every setting of the package, from config.ts's registry (key, variable, default,
 * secret). What each one means is written here, keyed by setting: a setting added to the registry
 * does not compile until it is described.
 */
import { configKeyName, envVarName, isSecretSetting, settingDefaults, type SettingKey } from "../../provider/config";
import { code, generatedNote, page, table } from "./markdown";

export const settingsPageFile = "docs/settings.md";

const meanings: Record<SettingKey, string> = {
    pbxUrl: "PortSIP REST base, e.g. `https://pbx.example.com:8887`",
    pbxToken: "PortSIP bearer token",
    pbxUsername: "instead of a token: log in (OAuth password grant) once per run, as this user",
    pbxPassword: "the password of `pbxUsername`",
    pbxDomain: "the tenant's SIP domain for that login; omitted for a system administrator",
    masergyApiUrl: "Masergy provisioning API base",
    masergyTokenUrl: "OpenID Connect token endpoint",
    masergyRefreshToken: "offline refresh token, from `npx pulumi-ucaas masergy-login`",
    masergyUsername: "instead of the refresh token: the password grant (`scope=offline_access`) once per run, as this user",
    masergyPassword: "the password of `masergyUsername`",
    masergyPollIntervalSeconds:
        "seconds between two polls, counted over all jobs of a run together; Masergy asks for no more than one poll per 10 s, so " +
        "less than 10 is refused for every host but a simulator on this machine (fractions allowed there)",
    masergyJobTimeoutMinutes: "give up waiting on one job (fractions allowed)",
    umpUrl: "UMP API base, e.g. `http://ump.example.com/sysadmin/api`",
    umpToken: "optional bearer token, for deployments that put one in front of `sysadmin/api` (UMP 365 ENT documents no authentication)",
    teamsUrl: "ConnecttoTeams API base",
    teamsClientId: "OAuth client id (HTTP Basic on the token call)",
    teamsClientSecret: "OAuth client secret",
    teamsUsername: "portal admin for the password grant",
    teamsPassword: "the password of `teamsUsername`",
    insecureHttp: "allow `http://` to hosts other than this machine",
    httpTimeoutSeconds: "give up on one vendor request after this long (a positive number; fractions allowed), for every vendor",
    adoptMatching:
        "a one-off recovery setting (`UCAAS_ADOPT_MATCHING=true pulumi up`): create takes over existing objects whose declared " +
        "fields all match, and refuses others; set it for one run, never permanently",
};

function rows(): string[][] {
    return (Object.keys(settingDefaults) as SettingKey[]).map((key) => [
        code(configKeyName(key)),
        code(envVarName(key)),
        isSecretSetting(key) ? "secret" : "",
        settingDefaults[key] === undefined ? "" : code(String(settingDefaults[key])),
        meanings[key],
    ]);
}

export function settingsPage(): string {
    return page([
        generatedNote("provider/config.ts (the settings registry) and scripts/reference/settings-page.ts"),
        "# Settings",
        "Credentials and endpoints are never resource inputs. They are read when a resource operation or a lookup runs, from the " +
            "stack config in the `ucaas` namespace, falling back to environment variables (`ucaas:fooBar` <-> `UCAAS_FOO_BAR`). " +
            "Nothing of this is captured in the serialized provider or written to a resource's state, so rotating a token needs no " +
            "`pulumi up`. Set a secret one with `pulumi config set --secret`.",
        table(["config key", "environment variable", "secret", "default", "meaning"], rows()),
    ]);
}
