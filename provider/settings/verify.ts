/**
 * Every problem with the settings of one vendor, found without sending anything: each missing
 * setting (credential alternatives considered) and each malformed value, one line apiece.
 */
import { getSetting, missingSettingLine, settingProblem, SettingsError } from "../config";
import { missingSettings, settingsOfVendor, type VendorKey } from "./vendors";

export function vendorSettingProblems(vendor: VendorKey): string[] {
    const missing = missingSettings(vendor, (key) => getSetting(key) !== undefined, getSetting);
    const malformed = settingsOfVendor(vendor).map(settingProblem);
    return [...missing.map(({ key, purpose }) => missingSettingLine(key, purpose)), ...malformed.filter((problem) => problem !== undefined)];
}

/** Called by each vendor client before it is made: a client is never made from settings `check` would refuse. */
export function assertVendorSettings(vendor: VendorKey): void {
    const problems = vendorSettingProblems(vendor);
    if (problems.length) {
        throw new SettingsError(problems);
    }
}
