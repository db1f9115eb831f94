/**
 * The configureUser body for a TeamsEnterpriseUser: every managed field, in the vendor's spelling.
 * Args are camelCase one-to-one; only these members differ by more than case.
 */
import type { Props } from "../dynamic/handlers";
import { mapKeysDeep } from "../wire/case";
import type { WireObject } from "./connecttoteams-api";

const wireNames: Record<string, string> = {
    tenantId: "tenantID",
    loginId: "loginID",
    callPolicyCnam: "callPolicyCNAM",
    callPolicyCustomCnam: "callPolicyCustomCNAM",
    useAudioConferenceVrp: "useAudioConferenceVRP",
};

/** The vendor's spelling of one member's key (`loginId` -> `loginID`). */
export const configureUserWireName = (key: string) => wireNames[key] ?? key;

/**
 * The full desired body: each call states the whole user, so create and update send the same thing.
 * `rePassword` is the vendor's confirmation of `password`; a program has nothing to confirm, so it
 * is the same value. `authenticationResult` (a Microsoft MSAL token) is not a resource input: the
 * handlers add it for a tenant that signed in (enterprise-authorization.ts), never to state.
 */
export function configureUserBody(inputs: Props): WireObject {
    const { adopt: _adopt, ...fields } = inputs;
    const body = mapKeysDeep(fields, configureUserWireName) as WireObject;
    if (typeof fields.password === "string") {
        body.rePassword = fields.password;
    }
    return body;
}
