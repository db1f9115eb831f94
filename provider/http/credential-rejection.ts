/**
 * A vendor refusing the credential itself, as opposed to the request: a 401, or an OAuth token
 * endpoint's `invalid_grant` / `invalid_client` (RFC 6749, 5.2; Keycloak answers a revoked or
 * expired refresh token with `invalid_grant` and HTTP 400). An answer we could not read is never
 * one, whatever its status.
 */
import { VendorAnswerError, VendorApiError } from "./errors";

const rejectedCredentialCodes = new Set(["invalid_grant", "invalid_client", "unauthorized_client"]);

export function isCredentialRejection(error: unknown): error is VendorApiError {
    if (!(error instanceof VendorApiError) || error instanceof VendorAnswerError) {
        return false;
    }
    return error.statusCode === 401 || (error.vendorCode !== undefined && rejectedCredentialCodes.has(error.vendorCode));
}
