/**
 * Which settings each vendor needs, with its credential alternatives. `vendorSettingProblems` lists
 * every problem with them without sending anything; `check` reports them, and each vendor client
 * refuses to start with any of them.
 */
import type { ResourceKind } from "../dynamic/kinds";
import { configKeyName, settingKeys, type SettingKey } from "./catalog";

export type VendorKey = "pbx" | "masergy" | "ump" | "teams";

export const vendorOfKind: Record<ResourceKind, VendorKey> = {
    PbxRole: "pbx",
    PbxUser: "pbx",
    PbxGroup: "pbx",
    MasergyUser: "masergy",
    UmpEndpoint: "ump",
    TeamsEnterpriseUser: "teams",
};

/** A bearer credential, or a username and password to get one with. */
interface CredentialAlternatives {
    token: SettingKey;
    tokenPurpose: string;
    username: SettingKey;
    password: SettingKey;
    /** "PortSIP user": completes "the password of <account> alice". */
    account: string;
}

export interface VendorSettings {
    /** The vendor's name, as errors start. */
    vendor: string;
    /** Settings that must have a value, with what they are for (defaults count as values). */
    required: ReadonlyArray<{ key: SettingKey; purpose?: string }>;
    /** Settings that must have a value when another one has. */
    requiredWith?: ReadonlyArray<{ key: SettingKey; when: SettingKey; purpose: string }>;
    credential?: CredentialAlternatives;
}

/** Settings that every vendor's requests read. */
export const commonSettings: readonly SettingKey[] = ["httpTimeoutSeconds", "insecureHttp", "adoptMatching", "maxConcurrentRequests"];

export const vendorSettings: Record<VendorKey, VendorSettings> = {
    pbx: {
        vendor: "PortSIP",
        required: [{ key: "pbxUrl", purpose: "the PortSIP PBX REST API base, e.g. https://pbx.example.com:8887" }],
        credential: {
            token: "pbxToken",
            tokenPurpose: "a PortSIP bearer token, or set ucaas:pbxUsername and ucaas:pbxPassword to log in",
            username: "pbxUsername",
            password: "pbxPassword",
            account: "PortSIP user",
        },
    },
    masergy: {
        vendor: "Masergy",
        required: [{ key: "masergyApiUrl" }, { key: "masergyTokenUrl" }],
        credential: {
            token: "masergyRefreshToken",
            tokenPurpose: "an offline refresh token from `npx pulumi-ucaas masergy-login`, or set ucaas:masergyUsername and ucaas:masergyPassword",
            username: "masergyUsername",
            password: "masergyPassword",
            account: "Masergy user",
        },
    },
    ump: {
        vendor: "AudioCodes UMP",
        required: [{ key: "umpUrl", purpose: "the AudioCodes UMP API base, e.g. http://ump.example.com/sysadmin/api" }],
    },
    teams: {
        vendor: "ConnecttoTeams",
        required: [
            { key: "teamsUrl" },
            { key: "teamsClientId", purpose: "the ConnecttoTeams OAuth client id" },
            { key: "teamsClientSecret", purpose: "the ConnecttoTeams OAuth client secret" },
            { key: "teamsUsername", purpose: "the ConnecttoTeams portal admin used for the API" },
            { key: "teamsPassword", purpose: "the password of the ConnecttoTeams portal admin" },
        ],
        requiredWith: [
            {
                key: "teamsMicrosoftClientId",
                when: "teamsMicrosoftTokens",
                purpose: "the Microsoft application (client) id the refresh tokens of ucaas:teamsMicrosoftTokens were issued to, as teams-login used it",
            },
        ],
    },
};

/** The settings a vendor's requests read: its own (by key prefix) and the common ones. */
export function settingsOfVendor(vendor: VendorKey): SettingKey[] {
    return [...settingKeys.filter((key) => key.startsWith(vendor)), ...commonSettings];
}

export type MissingSetting = { key: SettingKey; purpose?: string };

/** The settings a vendor needs and lacks, credential alternatives considered. */
export function missingSettings(vendor: VendorKey, has: (key: SettingKey) => boolean, value: (key: SettingKey) => string | undefined): MissingSetting[] {
    const spec = vendorSettings[vendor];
    const missing: MissingSetting[] = spec.required.filter(({ key }) => !has(key));
    missing.push(...(spec.requiredWith ?? []).filter(({ key, when }) => has(when) && !has(key)));
    const credential = spec.credential;
    if (credential && !has(credential.token)) {
        if (has(credential.username) && !has(credential.password)) {
            missing.push({ key: credential.password, purpose: `the password of ${credential.account} ${value(credential.username)}` });
        } else if (!has(credential.username) && has(credential.password)) {
            missing.push({
                key: credential.username,
                purpose: `the ${credential.account} to log in as with ${configKeyName(credential.password)}, or set ${configKeyName(credential.token)} instead`,
            });
        } else if (!has(credential.username)) {
            missing.push({ key: credential.token, purpose: credential.tokenPurpose });
        }
    }
    return missing;
}
