/**
 * The Microsoft identity platform endpoints that msal-node's device-code and refresh-token flows
 * reach for one tenant: OpenID discovery, the signing keys, the device authorization endpoint and
 * the token endpoint (grants `device_code`, also spelled `urn:ietf:params:oauth:grant-type:device_code`,
 * and `refresh_token`).
 * Unknown form parameters are ignored, as Microsoft does (msal adds its telemetry parameters).
 */
import type { Route } from "../../common/router";
import type { Directory } from "./directory";
import { aadError } from "./errors";
import type { TokenService } from "./token-service";

/** RFC 8628's grant type, and the short name Microsoft also takes (msal-node sends that one). */
const DEVICE_CODE_GRANTS = ["urn:ietf:params:oauth:grant-type:device_code", "device_code"];

type Form = Record<string, string | undefined>;

const scopesOf = (form: Form) => (form.scope ?? "").split(/\s+/).filter(Boolean);

function required(form: Form, name: string): string {
  const value = form[name];
  if (!value) throw aadError(400, "invalid_request", 900144, `The request body must contain the following parameter: '${name}'.`);
  return value;
}

export function microsoftRoutes(directory: Directory, tokens: TokenService, baseUrl: () => string): Route[] {
  const tenantOf = (tenant: string) => {
    const found = directory.tenant(tenant);
    if (!found) throw aadError(400, "invalid_request", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    return found.tenantId;
  };
  const clientOf = (form: Form, tenantId: string) => {
    const clientId = required(form, "client_id");
    if (!directory.client(clientId)) {
      throw aadError(400, "unauthorized_client", 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`);
    }
    return clientId;
  };

  /** A form POST of an app registration (`client_id`) to one tenant; answers 200 with what `answer` returns. */
  const clientRoute = (pattern: string, answer: (form: Form, tenantId: string, clientId: string) => unknown): Route => ({
    method: "POST",
    pattern,
    body: "form",
    public: true,
    handler: ({ params, body }) => {
      const form = (body ?? {}) as Form;
      const tenantId = tenantOf(params.tenant);
      return { status: 200, body: answer(form, tenantId, clientOf(form, tenantId)) };
    },
  });

  return [
    {
      method: "GET",
      pattern: "/{tenant}/v2.0/.well-known/openid-configuration",
      public: true,
      handler: ({ params }) => {
        const tenantId = tenantOf(params.tenant);
        const base = `${baseUrl()}/${tenantId}`;
        return {
          status: 200,
          body: {
            issuer: tokens.issuer(tenantId),
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
            token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            response_modes_supported: ["query", "fragment", "form_post"],
            response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
            subject_types_supported: ["pairwise"],
            id_token_signing_alg_values_supported: ["RS256"],
            scopes_supported: ["openid", "profile", "email", "offline_access"],
            claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "preferred_username", "tid", "ver"],
            tenant_region_scope: "NA",
            cloud_instance_name: "microsoftonline.com",
          },
        };
      },
    },
    {
      method: "GET",
      pattern: "/{tenant}/discovery/v2.0/keys",
      public: true,
      handler: ({ params }) => (tenantOf(params.tenant), { status: 200, body: { keys: [tokens.jwk()] } }),
    },
    clientRoute("/{tenant}/oauth2/v2.0/devicecode", (form, tenantId, clientId) => {
      const scopes = scopesOf({ scope: required(form, "scope") });
      const code = tokens.startDeviceCode(tenantId, clientId, scopes);
      const verificationUri = `${baseUrl()}/devicelogin`;
      return {
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: verificationUri,
        expires_in: tokens.deviceCodeLifetime(),
        interval: tokens.pollInterval(),
        message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${code.userCode} to authenticate.`,
      };
    }),
    clientRoute("/{tenant}/oauth2/v2.0/token", (form, tenantId, clientId) => {
      const grantType = required(form, "grant_type");
      if (DEVICE_CODE_GRANTS.includes(grantType)) return redeemDeviceCode(form, tenantId, clientId);
      if (grantType === "refresh_token") return redeemRefreshToken(form, tenantId, clientId);
      throw aadError(400, "unsupported_grant_type", 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }),
  ];

  function redeemDeviceCode(form: Form, tenantId: string, clientId: string) {
    const code = tokens.deviceCode(required(form, "device_code"));
    if (!code || code.tenantId !== tenantId || code.clientId !== clientId) {
      throw aadError(400, "invalid_grant", 70000, "The provided value for the 'device_code' parameter is not valid.");
    }
    if (code.state === "redeemed") throw aadError(400, "invalid_grant", 54005, "The device code was already redeemed.");
    if (code.state === "declined") throw aadError(400, "authorization_declined", 65004, "User declined to consent to access the app.");
    if (tokens.isExpired(code.expiresAt)) throw aadError(400, "expired_token", 70019, "Verification code expired.");
    if (code.state === "pending") {
      throw aadError(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
    }
    tokens.redeemDeviceCode(code);
    return tokens.issue(tenantId, clientId, directory.user(tenantId, code.username!)!, code.scopes);
  }

  function redeemRefreshToken(form: Form, tenantId: string, clientId: string) {
    const token = required(form, "refresh_token");
    const scopes = scopesOf({ scope: required(form, "scope") });
    const grant = tokens.refreshGrant(token);
    if (!grant || grant.tenantId !== tenantId || grant.clientId !== clientId) {
      throw aadError(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }
    if (grant.revoked) throw aadError(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed.");
    if (tokens.isExpired(grant.expiresAt)) throw aadError(400, "invalid_grant", 700082, "The refresh token has expired due to inactivity.");
    const user = directory.user(tenantId, grant.username);
    if (!user) throw aadError(400, "invalid_grant", 50034, `The user account ${grant.username} does not exist in the ${tenantId} directory.`);
    tokens.spendRefreshToken(token);
    return tokens.issue(tenantId, clientId, user, scopes);
  }
}
