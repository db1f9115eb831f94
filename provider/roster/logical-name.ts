/**
 * How a roster entry's identity becomes a Pulumi logical name. Characters a URN should not carry
 * become `_`; `/` stays, as the separator of a Teams tenant and login.
 */
export const logicalName = (prefix: string, key: string) => `${prefix}-${key.replace(/[^A-Za-z0-9._@+/-]/g, "_")}`;

/** Names before they were made readable (`pbx-user-1001`, `teams-user-<tenant id>_<login>`): `/` became `_` too. */
export const legacyLogicalName = (prefix: string, key: string) => `${prefix}-${key.replace(/[^A-Za-z0-9._@+-]/g, "_")}`;
