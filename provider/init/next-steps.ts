/**
 * What `pulumi-ucaas init` prints when it has written the scaffold: the commands that make it a
 * working stack, ending with one `pulumi config set` line per setting the starter roster's vendors
 * need and per secret the roster references, each with the flag its key needs.
 */
import { configSetCommand, settingDefaults } from "../settings/catalog";
import { missingSettings, vendorSettings, type VendorKey } from "../settings/vendors";

/** The settings a vendor needs that have no default: the ones a new stack must set. */
export function settingsToSet(vendor: VendorKey): string[] {
    const hasDefault = (key: keyof typeof settingDefaults) => settingDefaults[key] !== undefined;
    return missingSettings(vendor, hasDefault, () => undefined).map(({ key }) => configSetCommand(key));
}

/** `{ secret: key }` references of a roster's text, in order, once each. */
export function rosterSecretKeys(rosterText: string): string[] {
    return [...new Set([...rosterText.matchAll(/\{\s*secret:\s*([A-Za-z0-9_.:-]+)\s*\}/g)].map((match) => match[1]))];
}

const setupNotes: Partial<Record<VendorKey, string>> = {
    masergy: "# (or `npx pulumi-ucaas masergy-login`, which mints the refresh token and sets it)",
};

export function nextSteps(options: { dir: string; stack: string; vendors: readonly VendorKey[]; rosterText: string }): string {
    const lines = [
        `cd ${options.dir}`,
        "npm install                      # then commit package-lock.json: the workflow runs npm ci",
        "pulumi login                     # your backend: Pulumi Cloud, s3://..., or --local to try it",
        `pulumi stack init ${options.stack}`,
    ];
    for (const vendor of options.vendors) {
        lines.push(`# ${vendorSettings[vendor].vendor}`, ...settingsToSet(vendor));
        if (setupNotes[vendor]) lines.push(setupNotes[vendor]);
    }
    const secrets = rosterSecretKeys(options.rosterText);
    if (secrets.length) {
        lines.push("# The roster's secrets", ...secrets.map((key) => `pulumi config set --secret ${key} <value>`));
    }
    lines.push(`pulumi preview                   # then commit everything (Pulumi.${options.stack}.yaml too) and push`);
    return lines.join("\n");
}
