/**
 * The device-code sign-in of `pulumi-ucaas teams-login`: msal-node asks Microsoft for a code, the
 * person signs in with it in any browser as a Teams administrator of the tenant, and Microsoft
 * issues tokens, among them the refresh token the resources will acquire their tokens with.
 */
import { registerSecret } from "../http/secret-values";
import { MicrosoftSignInError, signInFailure } from "./errors";
import { msalClient, type MicrosoftApp } from "./msal-client";
import { newestRefreshToken } from "./refresh-token-cache";

export interface DeviceCodeSignIn {
    refreshToken: string;
    /** Who signed in (user principal name) and in which tenant. */
    username: string;
    tenantId: string;
}

export async function signInWithDeviceCode(target: MicrosoftApp, scopes: string[], show: (message: string) => void): Promise<DeviceCodeSignIn> {
    const { app, network } = msalClient(target);
    const operation = `sign in to tenant ${target.tenantId} with a device code`;
    let result;
    try {
        result = await app.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: (response) => show(response.message) });
    } catch (error) {
        throw signInFailure(error, operation, network, {
            signInAgain: "Run teams-login again and complete the sign-in in the browser before the code expires.",
            wrongClient: "Check ucaas:teamsMicrosoftClientId: it must be a Microsoft app registration with public client flows allowed.",
        });
    }
    const refreshToken = result ? newestRefreshToken(app) : undefined;
    if (!result || !refreshToken) {
        throw new MicrosoftSignInError({ operation, vendorMessage: "Microsoft issued no refresh token (is offline_access allowed for the app?)" });
    }
    registerSecret(refreshToken);
    registerSecret(result.accessToken);
    registerSecret(result.idToken);
    if (result.tenantId.toLowerCase() !== target.tenantId.toLowerCase()) {
        throw new MicrosoftSignInError({ operation, vendorMessage: `the account signed in to tenant ${result.tenantId}, not ${target.tenantId}` });
    }
    return { refreshToken, username: result.account?.username ?? "", tenantId: result.tenantId };
}
