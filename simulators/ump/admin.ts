/**
 * UMP's own admin routes: fill the directory (UMP does not create users), edit a user out of band,
 * add policies and number ranges, set the licensed user count, expire the token. Vendor-rule
 * failures answer in the admin API's format with the vendor's status.
 */
import { adminError, OK } from "../common/admin-api";
import type { Route } from "../common/router";
import { SimResponseError } from "../common/sim-response";
import type { SimRequest } from "../common/sim-request";
import { isPlainObject } from "../common/validate";

export interface UmpAdminActions {
  seedEndpoint(body: unknown): string;
  mutateEndpoint(sipAddress: string, patch: unknown): void;
  removeEndpoint(sipAddress: string): void;
  seedPolicy(attribute: unknown, name: unknown): void;
  seedNumberRange(range: unknown): void;
  setLicensedUsers(count: unknown): void;
  expireTokens(): void;
}

/** Runs a vendor action, turning its vendor-format refusal into an admin error. */
function asAdmin<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof SimResponseError) {
      const body = error.response.body as { detail?: string; errors?: Record<string, string[]> };
      const fields = Object.entries(body.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(", ")}`);
      throw adminError(error.response.status, [body.detail, ...fields].filter(Boolean).join(" "));
    }
    if (error instanceof Error) throw adminError(400, error.message);
    throw error;
  }
}

const field = (body: unknown, name: string) => (isPlainObject(body) ? body[name] : undefined);

export function umpAdminRoutes(actions: UmpAdminActions): Route[] {
  const post = (pattern: string, handler: (request: SimRequest) => { status: number; body: unknown }): Route => ({
    method: "POST",
    pattern: `/__admin/${pattern}`,
    body: "json",
    handler: (request) => asAdmin(() => handler(request)),
  });
  return [
    post("endpoints", ({ body }) => ({ status: 201, body: { SipAddress: actions.seedEndpoint(body) } })),
    post("endpoints/{sipAddress}", ({ params, body }) => (actions.mutateEndpoint(params.sipAddress, body), OK)),
    {
      method: "DELETE",
      pattern: "/__admin/endpoints/{sipAddress}",
      handler: ({ params }) => asAdmin(() => (actions.removeEndpoint(params.sipAddress), OK)),
    },
    post("policies", ({ body }) => (actions.seedPolicy(field(body, "attribute"), field(body, "name")), OK)),
    post("number-ranges", ({ body }) => (actions.seedNumberRange(body), OK)),
    post("license", ({ body }) => (actions.setLicensedUsers(field(body, "licensedUsers")), OK)),
    post("expire-tokens", () => (actions.expireTokens(), OK)),
  ];
}
