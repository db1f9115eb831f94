/**
 * Failures of a Microsoft sign-in or token acquisition, as a vendor error ("Microsoft: <operation>
 * failed: HTTP 400 invalid_grant: AADSTS700082: ..."), with the advice that fits the code.
 * msal-node's own message is scrubbed of every registered secret before it is shown.
 */
import { VendorApiError, type VendorErrorDetails } from "../http/errors";
import { scrubText } from "../http/redact";
import type { MicrosoftNetwork } from "./network";

export class MicrosoftSignInError extends VendorApiError {
    constructor(details: Omit<VendorErrorDetails, "vendor">) {
        super({ vendor: "Microsoft", ...details });
        this.name = "MicrosoftSignInError";
    }
}

/** What msal-node's errors carry (AuthError and its subclasses). */
interface MsalErrorLike {
    errorCode?: string;
    errorMessage?: string;
    subError?: string;
    correlationId?: string;
}

/**
 * msal-node words a server error as "Error(s): 50173 - Timestamp: ... - Description: AADSTS50173:
 * <sentence> Trace ID: ... - Correlation ID: ..."; the AADSTS sentence and one correlation id
 * (what Microsoft support asks for) are what a person needs.
 */
function shortMessage(text: string, correlationId: string | undefined): string {
    const description = /AADSTS\d+:.*?(?= Trace ID:| - Correlation ID:| - Trace ID:|$)/s.exec(text)?.[0];
    if (!description) return text;
    return `${description.trim()}${correlationId ? ` (correlation id ${correlationId})` : ""}`;
}

/** Codes after which signing in again (teams-login) is the way out. */
const signInAgainCodes = new Set(["invalid_grant", "interaction_required", "consent_required", "login_required", "expired_token", "authorization_declined"]);

/** msal codes that stand for a failure to reach the authority; the network client knows why. */
const unreachableCodes = new Set(["endpoints_resolution_error", "network_error", "openid_config_error", "untrusted_authority"]);

export function signInFailure(error: unknown, operation: string, network: MicrosoftNetwork, advice: { signInAgain: string; wrongClient: string }): MicrosoftSignInError {
    const msal = error as MsalErrorLike & Error;
    let code = msal.errorCode || undefined;
    let text = msal.errorMessage || msal.message || String(error);
    if (code === "post_request_failed" && network.lastRefusal) {
        // msal keeps only the error code of a refused device-code poll; Microsoft's description says the rest.
        code = network.lastRefusal.error;
        text = network.lastRefusal.description ?? text;
    }
    const unreachable = code !== undefined && unreachableCodes.has(code) && network.lastFailure !== undefined;
    const fromServer = !unreachable && network.lastRefusalStatus !== undefined && code !== undefined && !/network|timeout|parsing/i.test(code);
    const hint = code && signInAgainCodes.has(code) ? ` ${advice.signInAgain}` : code === "unauthorized_client" || code === "invalid_client" ? ` ${advice.wrongClient}` : "";
    const message = scrubText(unreachable ? network.lastFailure! : shortMessage(text, msal.correlationId));
    return new MicrosoftSignInError({
        operation,
        statusCode: fromServer ? network.lastRefusalStatus : undefined,
        vendorCode: code,
        vendorMessage: `${message}${hint}`,
        networkCode: fromServer ? undefined : (code ?? "ERR_NETWORK"),
    });
}
