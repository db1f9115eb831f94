/**
 * The ConnecttoTeams endpoints: `POST /oauth/token`, `PUT /reseller/getAuthenticatedUser`,
 * `POST /enterprise/configureUser` and `POST /provisioning/disableUsers`. An `authenticationResult`
 * is judged with `verify`, which asks Microsoft (the identity emulation) about its access token.
 */
import { mediaTypeOf, JSON_MEDIA_TYPE } from "../common/body";
import type { Route } from "../common/router";
import { problem } from "../common/sim-response";
import type { TeamsTokenStore } from "./auth";
import { configureUser } from "./configure-user-rules";
import { disableUsers } from "./disable-users-rules";
import { oauthError } from "./errors";
import type { AccessTokenVerifier } from "./msal-rules";
import type { TeamsState } from "./state";

export function teamsRoutes(state: TeamsState, tokens: TeamsTokenStore, verify: AccessTokenVerifier): Route[] {
  return [
    {
      method: "POST",
      pattern: "/oauth/token",
      body: "form",
      public: true,
      handler: ({ headers, body }) => {
        if (!tokens.client(headers.authorization)) {
          throw oauthError(401, "invalid_client", "Bad client credentials", { "www-authenticate": 'Basic realm="oauth2/client"' });
        }
        const form = (body ?? {}) as Record<string, string>;
        if (!form.grant_type) throw oauthError(400, "invalid_request", "Missing grant type");
        if (form.grant_type !== "password") throw oauthError(400, "unsupported_grant_type", `Unsupported grant type: ${form.grant_type}`);
        const unknown = Object.keys(form).filter((key) => !["grant_type", "username", "password", "scope"].includes(key));
        if (unknown.length) throw oauthError(400, "invalid_request", `Unknown parameter(s): ${unknown.join(", ")}`);
        if (!form.username || !form.password) throw oauthError(400, "invalid_request", "Missing username or password");
        const issued = tokens.login(form.username, form.password);
        if (!issued) throw oauthError(400, "invalid_grant", "Bad credentials");
        return { status: 200, body: issued };
      },
    },
    {
      // The documented call sends the admin's username as the body (`--data 'myadmin'`), JSON or bare.
      method: "PUT",
      pattern: "/reseller/getAuthenticatedUser",
      handler: ({ headers, rawBody, credential }) => {
        const type = mediaTypeOf(headers["content-type"]);
        if (rawBody.length > 0 && type !== JSON_MEDIA_TYPE) {
          throw problem(415, "unsupported_media_type", `Content-Type must be ${JSON_MEDIA_TYPE}, got ${type ?? "none"}`);
        }
        const admin = tokens.adminFor(credential)!;
        return { status: 200, body: { username: admin.username, type: admin.type, resellerId: admin.resellerId } };
      },
    },
    {
      method: "POST",
      pattern: "/enterprise/configureUser",
      body: "json",
      handler: ({ body }) => {
        const { operation, user } = configureUser(state, body, verify);
        return {
          status: 200,
          body: { operation, tenantID: user.tenantID, loginID: user.loginID, userType: user.fields.userType, status: user.status, callingEnabled: user.callingEnabled },
        };
      },
    },
    {
      method: "POST",
      pattern: "/provisioning/disableUsers",
      body: "json",
      handler: ({ body }) => ({ status: 200, body: disableUsers(state, body, verify) }),
    },
  ];
}
