/**
 * The ConnecttoTeams calls this package makes, one function each, in the vendor's spelling.
 * Callers pass wire objects (`tenantID`, `loginID`, `callPolicyCNAM`, ...).
 */
import { noAnswer } from "../http/answer";
import type { VendorClient } from "../http/client";
import { VendorApiError } from "../http/errors";
import { teamsAnswers } from "./connecttoteams-answers";

export type WireObject = Record<string, unknown>;

/** Whether configureUser added a new user or edited one that already existed; "unknown" when the answer does not say. */
export type ConfigureOutcome = "added" | "edited" | "unknown";

/**
 * `POST /enterprise/configureUser` adds the user, or edits it when it exists, with the full body.
 * The vendor documents its answer only as "object" (see `TeamsConfigureUserAnswer`); its `operation`
 * member (`ADD` / `EDIT`) tells the two apart when present.
 */
export async function configureUser(client: VendorClient, body: WireObject, options: { repeatable: boolean }): Promise<ConfigureOutcome> {
    const answer = await client.send({
        operation: `configure user ${body.loginID} in tenant ${body.tenantID}`,
        method: "POST",
        path: "enterprise/configureUser",
        json: body,
        answer: teamsAnswers.configureUser,
        idempotent: options.repeatable,
    });
    const operation = answer.operation?.toUpperCase();
    return operation === "ADD" ? "added" : operation === "EDIT" ? "edited" : "unknown";
}

/**
 * `POST /provisioning/disableUsers` for one user; its answer is not read. With the enterprise's
 * `authenticationResult` the vendor disables the user's calling and removes the user; with a
 * reseller-level token alone it only marks the user for deletion, and an enterprise synchronization
 * removes it later. Resolves to false when the API says, in its own error format, that the user was
 * already disabled (409) or is gone (404); the same statuses from anything in front of it are errors.
 */
export async function disableUser(client: VendorClient, tenantId: string, loginId: string, authenticationResult?: WireObject): Promise<boolean> {
    try {
        await client.send({
            operation: `disable user ${loginId} in tenant ${tenantId}${authenticationResult ? " as the enterprise" : ""}`,
            method: "POST",
            path: "provisioning/disableUsers",
            json: { ...(authenticationResult && { authenticationResult }), tenantId, users: [loginId], numberOfUsers: 1, updateAllUsers: false },
            answer: noAnswer,
            idempotent: true, // marking a user twice leaves it marked
        });
        return true;
    } catch (error) {
        if (error instanceof VendorApiError && (error.isNotFound || (error.statusCode === 409 && error.inVendorFormat))) {
            return false;
        }
        throw error;
    }
}

/**
 * `PUT /reseller/getAuthenticatedUser` with the admin's username as the body: who the token belongs
 * to, and at which level. A read, although the vendor made it a PUT; only `pulumi-ucaas doctor` sends it.
 */
export const getAuthenticatedUser = (client: VendorClient, username: string) =>
    client.send({
        operation: `read the authenticated admin ${username}`,
        method: "PUT",
        path: "reseller/getAuthenticatedUser",
        json: username,
        answer: teamsAnswers.authenticatedUser,
        readOnly: true,
    });
