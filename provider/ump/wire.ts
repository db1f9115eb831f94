/**
 * UMP spells its fields in PascalCase with upper-case acronyms (`LineURI`, `CBUsers`); resource
 * args and lookup results use camelCase (`lineUri`, `cbUsers`).
 */
import { mapKeysDeep } from "../wire/case";

/** The attributes `PUT proxy/endpoint/{sip address}/script` accepts, in the seed's order. */
export const scriptAttributes = [
    "FirstName",
    "LastName",
    "City",
    "Department",
    "Office",
    "PostalCode",
    "StateOrProvince",
    "StreetAddress",
    "UsageLocation",
    "ClientPolicy",
    "ConferencingPolicy",
    "HostedVoiceMail",
    "PinPolicy",
    "ExternalAccessPolicy",
    "HostedVoicemailPolicy",
    "MobilityPolicy",
    "EnterpriseVoiceEnabled",
    "VoicePolicy",
    "DialPlan",
    "LineURI",
    "PrivateLine",
    "CallPickupGroup",
    "GroupingId",
] as const;

export type ScriptAttribute = (typeof scriptAttributes)[number];

/** `LineURI` -> `lineUri`, `CBSTDSysPair` -> `cbstdSysPair`, `MachineID` -> `machineId`. */
export function pascalToCamel(key: string): string {
    const words = key.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g);
    if (!words || words.join("") !== key) {
        return key; // not PascalCase: leave it alone
    }
    return words
        .map((word, index) => (index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()))
        .join("");
}

/** camelCase resource key of each script attribute, and back. */
export const attributeKeyOf = Object.fromEntries(scriptAttributes.map((wire) => [wire, pascalToCamel(wire)])) as Record<ScriptAttribute, string>;
export const wireNameOf: Record<string, ScriptAttribute> = Object.fromEntries(scriptAttributes.map((wire) => [pascalToCamel(wire), wire]));

/** Trims the vendor's stray spaces from every string, at every depth. */
export function trimStrings(value: unknown): unknown {
    if (typeof value === "string") {
        return value.trim();
    }
    if (Array.isArray(value)) {
        return value.map(trimStrings);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, trimStrings(inner)]));
    }
    return value;
}

/** A UMP response object in camelCase with its strings trimmed. */
export function fromWire(value: unknown): unknown {
    return mapKeysDeep(trimStrings(value), pascalToCamel);
}
