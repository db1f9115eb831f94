/** The ENT edition's `sysadmin/api` calls of the seed, under `/sysadmin/api`. */
import type { Route } from "../common/router";
import { isPlainObject } from "../common/validate";
import { CALL_PICKUP_GROUPS, REGISTRAR_POOLS, SIGN_IN_DOMAINS, SYSTEM_INFO } from "./catalogue";
import { invalidAttributes } from "./errors";
import { existingEndpoint, runScript } from "./script-rules";
import type { UmpState } from "./state";
import { endpointDetail, endpointListItem, licenseView, numberRangesView } from "./views";

export const API_PREFIX = "/sysadmin/api";

const ok = (body: unknown) => ({ status: 200, body });

export function umpRoutes(state: UmpState): Route[] {
  const get = (path: string, view: () => unknown): Route => ({ method: "GET", pattern: `${API_PREFIX}/${path}`, handler: () => ok(view()) });
  return [
    get("license", () => licenseView(state)),
    get("sysinfo", () => SYSTEM_INFO),
    get("proxy/registrarpools", () => REGISTRAR_POOLS.map((Identity) => ({ Identity, ReplicationTicks: 0 }))),
    get("proxy/callpickupgroup/number/", () => ({ rows: CALL_PICKUP_GROUPS })),
    get("numberrange", () => numberRangesView(state)),
    get("signindomain", () => SIGN_IN_DOMAINS.map((domain) => ({ Text: domain, Value: domain }))),
    {
      method: "POST",
      pattern: `${API_PREFIX}/proxy/endpoint/list`,
      body: "json",
      handler: ({ body }) => {
        // The seed documents no request body; an empty object is tolerated, anything else is refused.
        if (body !== undefined && !(isPlainObject(body) && Object.keys(body).length === 0)) {
          throw invalidAttributes([{ field: "body", message: "the user list takes no parameters" }]);
        }
        const endpoints = state.listEndpoints();
        return ok({ Total: endpoints.length, Data: endpoints.map(endpointListItem) });
      },
    },
    {
      method: "GET",
      pattern: `${API_PREFIX}/proxy/endpoint/{sipAddress}`,
      handler: ({ params }) => ok(endpointDetail(existingEndpoint(state, params.sipAddress))),
    },
    {
      method: "PUT",
      pattern: `${API_PREFIX}/proxy/endpoint/{sipAddress}/script`,
      body: "json",
      handler: ({ params, body }) => (runScript(state, params.sipAddress, body), ok({ Status: "Success" })),
    },
  ];
}
