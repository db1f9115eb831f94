/**
 * docs/settings.md: every setting of the package, from the settings catalog (key, variable, default,
 * secret), and what `check` verifies of each, from the rules and the vendors' requirements the check
 * applies (provider/settings). What each one means is written here, keyed by setting: a setting
 * added to the catalog does not compile until it is described.
 */
import { configKeyName, configSetCommand, envVarName, isSecretSetting, needsPlaintextFlag, settingDefaults, settingKeys, type SettingKey } from "../../provider/settings/catalog";
import { settingRuleOf } from "../../provider/settings/rules";
import { commonSettings, vendorSettings } from "../../provider/settings/vendors";
import { code, generatedNote, page, table } from "./markdown";

export const settingsPageFile = "docs/settings.md";

const meanings: Record<SettingKey, string> = {
    pbxUrl: "PortSIP REST base, e.g. `https://pbx.example.com:8887`",
    pbxToken: "PortSIP bearer token",
    pbxUsername: "instead of a token: log in (OAuth password grant) once per run, as this user",
    pbxPassword: "the password of `pbxUsername`",
    pbxDomain: "the tenant's SIP domain for that login; omitted for a system administrator",
    masergyApiUrl: "Masergy provisioning API base",
    masergyTokenUrl: "OpenID Connect token endpoint; set it with `--plaintext` (see below)",
    masergyRefreshToken: "offline refresh token, from `npx pulumi-ucaas masergy-login`",
    masergyUsername: "instead of the refresh token: the password grant (`scope=offline_access`) once per run, as this user",
    masergyPassword: "the password of `masergyUsername`",
    masergyPollIntervalSeconds: "seconds between two polls, counted over all jobs of a run together (fractions allowed)",
    masergyJobTimeoutMinutes: "give up waiting on one job (fractions allowed)",
    umpUrl: "UMP API base, e.g. `http://ump.example.com/sysadmin/api`",
    umpToken: "optional bearer token, for deployments that put one in front of `sysadmin/api` (UMP 365 ENT documents no authentication)",
    teamsUrl: "ConnecttoTeams API base",
    teamsClientId: "OAuth client id (HTTP Basic on the token call)",
    teamsClientSecret: "OAuth client secret",
    teamsUsername: "portal admin for the password grant",
    teamsPassword: "the password of `teamsUsername`",
    teamsMicrosoftTokens:
        "the enterprises that signed in with Microsoft: a JSON object from Microsoft tenant id to the refresh token of a Teams " +
        "administrator of that tenant, written by `npx pulumi-ucaas teams-login --tenant <id>`",
    teamsMicrosoftClientId: "the Microsoft application (client) id the sign-ins are made with (ask ConnecttoTeams which one)",
    teamsMicrosoftAuthority: "the Microsoft authority host (a national cloud's, or the simulator's)",
    teamsMicrosoftScopes: "the scopes of the sign-in, space-separated (the default is our reading of what ConnecttoTeams asks for)",
    insecureHttp: "allow `http://` to hosts other than this machine",
    httpTimeoutSeconds: "give up on one vendor request after this long (fractions allowed)",
    adoptMatching:
        "a one-off recovery after an interrupted run (`UCAAS_ADOPT_MATCHING=true pulumi up`): create takes over existing objects whose " +
        "declared fields all match, and refuses others; set it for one run, never permanently",
    maxConcurrentRequests:
        "requests one provider process has in flight to one vendor at most; `pulumi-ucaas shards` gives each shard stack its share of a bound " +
        "that holds across shards (docs/sharding.md)",
    masergyPollSharedBy:
        "how many stacks poll one Masergy API at the same time: each polls at most once every `masergyPollIntervalSeconds` times this, so " +
        "together they keep Masergy's rate; `pulumi-ucaas shards` sets it (docs/sharding.md)",
};

/** What the vendor that needs `key` requires of it: set, or one of the credential alternatives. */
function requirement(key: SettingKey): string | undefined {
    for (const spec of Object.values(vendorSettings)) {
        if (spec.required.some((required) => required.key === key) && settingDefaults[key] === undefined) {
            return "set";
        }
        const credential = spec.credential;
        if (credential?.token === key) {
            return `this, or ${code(credential.username)} and ${code(credential.password)}`;
        }
        if (credential?.username === key || credential?.password === key) {
            return `without ${code(credential.token)}: both ${code(credential.username)} and ${code(credential.password)}`;
        }
    }
    return undefined;
}

/** What `check` verifies of the value, from the rule the check applies to it. */
function valueRule(key: SettingKey): string | undefined {
    const rule = settingRuleOf(key);
    switch (rule?.kind) {
        case "url": {
            const path = rule.path;
            const tail = path?.endsWith
                ? `, ending with ${code(path.endsWith)} (${path.because})`
                : path?.notEndsWith
                  ? `, not ending with ${code(path.notEndsWith)} (${path.because})`
                  : "";
            return `a URL (see below)${tail}`;
        }
        case "number": {
            const floor = rule.floor
                ? `; at least ${rule.floor.value} (${rule.floor.because}) unless ${code(configKeyName(rule.floor.unlessLoopback))} is on this machine`
                : "";
            return `${rule.integer ? "a whole number" : "a number"} > 0 and <= ${rule.max}${floor}`;
        }
        case "boolean":
            return "`true` or `false` (also `yes`/`no`, `1`/`0`)";
        case "authority":
            return "an `https://` URL without a path (msal-node takes https authorities only)";
        case "tenantTokens":
            return "a JSON object of tenant ids (GUIDs) to non-empty strings; the value is never shown";
        default:
            return undefined;
    }
}

/** The `check verifies` cell: the requirement and the value rule; `-` when any value, or none, goes. */
export function checkVerifies(key: SettingKey): string {
    const parts = [requirement(key), valueRule(key)].filter((part): part is string => part !== undefined);
    const text = parts.join("; ") || "-";
    return commonSettings.includes(key) ? `${text}, for every vendor` : text;
}

function rows(): string[][] {
    return settingKeys.map((key) => [
        code(configKeyName(key)),
        code(envVarName(key)),
        isSecretSetting(key) ? "secret" : "",
        settingDefaults[key] === undefined ? "" : code(String(settingDefaults[key])),
        meanings[key],
        checkVerifies(key),
    ]);
}

const checkedAtPreview = [
    "- Only the resource's own vendor counts: a stack that manages only PortSIP users needs no Masergy settings.",
    "- **URLs** need `http://` or `https://` and a host, and no user name, password, query or fragment; `http://` is refused to " +
        `any host but this machine unless ${code(configKeyName("insecureHttp"))} is true.`,
    "- **The `ucaas` namespace holds only these settings.** Any other `ucaas:*` key (a typo such as `ucaas:pbxURL`) fails the check " +
        "of every resource, naming the closest setting (`did you mean ucaas:pbxUrl?`), so that nothing is applied with a setting " +
        "that is silently ignored. The one other key it holds is `ucaas:approveReplace`, the policy pack's approvals of " +
        "replacements. Keep your own values, such as roster secrets, in the project's namespace.",
    "- A `UCAAS_*` variable that is not a setting only gets a warning, once per run: the environment is shared with other tools. " +
        "When the setting it resembles is missing, that message names it too.",
    "- `pulumi up` previews first and applies nothing when a check fails. With `--skip-preview` (as the Automation API's `up` runs) " +
        "the resources checked before the failing one are applied.",
    "- `pulumi refresh` and `pulumi destroy` run no `check` and use the stack config the engine saved in the state at the last " +
        "update, unless run with `--run-program`. A setting missing or wrong there fails their first operation with the same line, " +
        "followed by a pointer to `--run-program`.",
].join("\n");

function plaintextKeys(): string {
    const keys = settingKeys.filter(needsPlaintextFlag);
    return (
        "`pulumi config set` refuses a plaintext value with enough entropy, such as a URL, for a key whose name contains `token`, " +
        "`secret`, `pass` or `pwd` (\"looks like a secret\"). " +
        `${keys.map((key) => code(configKeyName(key))).join(", ")} ${keys.length === 1 ? "is the only such key that is" : "are the such keys that are"} ` +
        `not a secret: set ${keys.length === 1 ? "it" : "them"} with ${keys
            .map((key) => code(configSetCommand(key, settingDefaults[key] ?? "<value>")))
            .join(", ")} (your own URL in place of the default). The secret keys take \`--secret\`.`
    );
}

export function settingsPage(): string {
    return page([
        generatedNote("provider/settings (catalog.ts, rules.ts, vendors.ts) and scripts/reference/settings-page.ts"),
        "# Settings",
        "Credentials and endpoints are never resource inputs. They are read when a resource operation or a lookup runs, from the " +
            "stack config in the `ucaas` namespace, falling back to environment variables (`ucaas:fooBar` <-> `UCAAS_FOO_BAR`). " +
            "Nothing of this is captured in the serialized provider or in a resource's state. (The engine itself keeps the stack " +
            "config, encrypted, with the default dynamic provider in the state, and `pulumi refresh` and `pulumi destroy` use that " +
            "copy unless run with `--run-program`; see below.) Set a secret one with `pulumi config set --secret`.",
        table(["config key", "environment variable", "secret", "default", "meaning", "`check` verifies"], rows()),
        "## Checked at preview",
        "Each resource's `check` verifies the settings of its vendor before anything is sent (the last column above), so " +
            "`pulumi preview` goes red on the resources of a misconfigured vendor, with one line per problem that names the config " +
            "key and the variable and, where it can be guessed, the value to write:",
        "```text\n" +
            "error: pulumi-nodejs:dynamic/ucaas:PbxRole resource 'pbx-role-Support' has a problem: Missing setting ucaas:pbxToken (a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in): run `pulumi config set --secret ucaas:pbxToken <value>` or set the environment variable UCAAS_PBX_TOKEN.\n" +
            "error: pulumi-nodejs:dynamic/ucaas:PbxUser resource 'pbx-user-alice' has a problem: Setting ucaas:pbxUrl / UCAAS_PBX_URL is \"pbx.example.com:8887\", which has no scheme (http:// or https://): use https://pbx.example.com:8887 (`pulumi config set ucaas:pbxUrl https://pbx.example.com:8887`).\n" +
            "```",
        checkedAtPreview,
        "## `--plaintext` for keys that look like secrets",
        plaintextKeys(),
    ]);
}
