/**
 * Phone numbers in E.164 (`+12125550100`), parsed by libphonenumber-js so every way of writing the
 * same number (`+1 (212) 555-0100`, `+1-212-555-0100`) normalizes to one value and never shows as a diff.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";

/** The E.164 form of an international number, or undefined when it is not a valid phone number. */
export function toE164(value: string): string | undefined {
    const parsed = parsePhoneNumberFromString(value.trim());
    return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * A number as BroadWorks reports it (often national digits plus a separate `countryCode`) in E.164;
 * left as given when it cannot be parsed, so a real difference still shows.
 */
export function reportedToE164(phoneNumber: string, countryCode?: string): string {
    const international = phoneNumber.trim().startsWith("+") || !countryCode ? phoneNumber : `+${countryCode}${phoneNumber}`;
    return toE164(international) ?? phoneNumber;
}
