/**
 * OAuth login: `POST /api/login/oauth/token` (form-encoded password and refresh_token grants)
 * and `POST /api/login/oauth/revoke` (Bearer).
 */
import type { Route } from "../common/router";
import { PORTSIP_OAUTH_CLIENT_ID, type TokenStore } from "./auth";
import { portSipError, validationFailed } from "./errors";
import { Problems } from "../common/validate";

const GRANT_FIELDS = {
  password: { required: ["username", "password", "scope", "client_id"], optional: ["domain"] },
  refresh_token: { required: ["refresh_token", "client_id"], optional: ["scope"] },
} as const;

export function loginRoutes(tokens: TokenStore): Route[] {
  return [
    {
      method: "POST",
      pattern: "/api/login/oauth/token",
      body: "form",
      public: true,
      handler: ({ body }) => {
        const form = (body ?? {}) as Record<string, string>;
        const grantType = form.grant_type;
        if (grantType !== "password" && grantType !== "refresh_token") {
          throw validationFailed([
            { field: "grant_type", message: grantType ? "must be password or refresh_token" : "is required" },
          ]);
        }
        checkForm(form, GRANT_FIELDS[grantType]);
        if (grantType === "password") {
          const pair = tokens.login(form.username, form.password, form.domain || undefined);
          if (!pair) throw portSipError(400, "UNAUTHORIZED", "Login failed, authentication error");
          return { status: 200, body: pair };
        }
        const pair = tokens.refreshPair(form.refresh_token);
        if (!pair) throw portSipError(400, "UNKNOWN", "unknown error");
        return { status: 200, body: pair };
      },
    },
    {
      method: "POST",
      pattern: "/api/login/oauth/revoke",
      handler: ({ credential }) => {
        if (credential) tokens.revoke(credential);
        return { status: 204 };
      },
    },
  ];
}

function checkForm(form: Record<string, string>, fields: { required: readonly string[]; optional: readonly string[] }): void {
  const problems = new Problems();
  const known = ["grant_type", ...fields.required, ...fields.optional];
  for (const key of Object.keys(form)) if (!known.includes(key)) problems.add(key, "unknown field");
  for (const key of fields.required) if (!form[key]) problems.add(key, "is required");
  if (form.scope && form.scope !== "all") problems.add("scope", "must be all");
  if (form.client_id && form.client_id !== PORTSIP_OAUTH_CLIENT_ID) problems.add("client_id", "unknown client_id");
  if (!problems.empty) throw validationFailed(problems.list);
}
