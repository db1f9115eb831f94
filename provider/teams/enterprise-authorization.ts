/**
 * Which of the two models a tenant's provisioning calls use. A tenant listed in
 * `ucaas:teamsMicrosoftTokens` acts as the enterprise: configureUser and disableUsers carry the MSAL
 * `authenticationResult` of its Teams administrator (configureUser then enables calling,
 * disableUsers disables calling and removes the user). Any other tenant acts with the reseller token
 * alone, which enables calling only where the enterprise granted the reseller Service Provider
 * Consent, and makes disableUsers only mark the user for deletion.
 */
import { enterpriseTokens, type EnterpriseSignIn } from "../microsoft/enterprise-tokens";
import type { WireObject } from "./connecttoteams-api";

/**
 * The seed's MSALAuthenticationResult: `{authenticationResult: {accessToken, accessTokenType,
 * expiresAfter, expiresOn, expiresOnDate, idToken, refreshToken, userInfo{displayableId,
 * identityProvider, tenantId}}, tenantId}`. `expiresOn` is in epoch seconds and `expiresAfter` the
 * seconds left, as the Java AuthenticationResult these names come from counts them; `resellerId` and
 * `multipleResourceRefreshToken` are left out (ours to not know).
 */
function wireAuthenticationResult(signIn: EnterpriseSignIn): WireObject {
    const expiresAt = signIn.expiresOn.getTime();
    return {
        authenticationResult: {
            accessToken: signIn.accessToken,
            accessTokenType: signIn.tokenType,
            expiresAfter: Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)),
            expiresOn: Math.floor(expiresAt / 1000),
            expiresOnDate: signIn.expiresOn.toISOString(),
            idToken: signIn.idToken,
            refreshToken: signIn.refreshToken,
            userInfo: { displayableId: signIn.username, identityProvider: signIn.identityProvider, tenantId: signIn.tenantId },
        },
        tenantId: signIn.tenantId,
    };
}

/** The `authenticationResult` for a provisioning call in `tenantId`, or undefined when the tenant uses the reseller token alone. */
export async function authenticationResultFor(tenantId: string): Promise<WireObject | undefined> {
    const tokens = enterpriseTokens(tenantId);
    return tokens ? wireAuthenticationResult(await tokens.get()) : undefined;
}
