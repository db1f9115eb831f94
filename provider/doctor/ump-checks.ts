/**
 * AudioCodes UMP 365 ENT: the user list (read as complete, in one call) and one user's detail,
 * the license, number ranges, registrar pools and sign-in domains, each read through `ump-api.ts`
 * and its schemas. UMP documents no authentication, so there is no token to grant.
 */
import type { VendorClient } from "../http/client";
import { getSetting } from "../config";
import { umpClient } from "../ump/client";
import * as api from "../ump/ump-api";
import { jsonBodyOf } from "./answer-recorder";
import { anySettingGiven, count, needs, settingsCheck, urlKind, type Check, type VendorDoctor } from "./check";

type Summary = Awaited<ReturnType<typeof api.listEndpoints>>[number];

const hasVoice = (user: Summary) => (user.LineURI ?? "").trim() !== "" || user.EnterpriseVoiceEnabled === true;

export const umpDoctor: VendorDoctor = {
    key: "ump",
    configured: () => anySettingGiven(["umpUrl", "umpToken"]),
    checks({ lastAnswer }): Check[] {
        let client: VendorClient | undefined;
        let listed: Summary[] | undefined;
        const withClient = () => needs(client, "settings");
        return [
            settingsCheck("ucaas:ump*", () => {
                client = umpClient();
                return `${urlKind("umpUrl")}, ${getSetting("umpToken") ? "a bearer token (ucaas:umpToken)" : "no token (UMP ENT documents no authentication)"}`;
            }),
            {
                name: "endpoint list",
                request: "POST proxy/endpoint/list (a read)",
                async run() {
                    listed = await api.listEndpoints(withClient());
                    const summary = `${count(listed.length, "directory user")}, ${listed.filter(hasVoice).length} with a number or Enterprise Voice`;
                    // Total is read by the schema but not returned: it tells whether the one call listed everyone.
                    const total = (jsonBodyOf(lastAnswer("list endpoints")) as { Total?: number } | undefined)?.Total;
                    if (total === undefined || total === listed.length) return { summary };
                    return {
                        summary,
                        differences: [{
                            path: "Total",
                            expected: `the number of users in Data (${listed.length}): the list is read as complete, in one call without paging`,
                            received: `${total}`,
                        }],
                    };
                },
            },
            {
                name: "endpoint detail",
                request: "GET proxy/endpoint/{sip address}",
                async run() {
                    const users = needs(listed, "endpoint list");
                    const chosen = users.find(hasVoice) ?? users[0];
                    if (!chosen) return { summary: "the directory is empty: nothing to read" };
                    const endpoint = await api.getEndpoint(withClient(), chosen.SipAddress.trim());
                    const summary = `1 user read${hasVoice(chosen) ? " (one with a number or Enterprise Voice)" : ""}: every attribute UmpEndpoint manages has the type we read`;
                    if (endpoint) return { summary };
                    return { summary, differences: [{ path: "(answer)", expected: "the user the list has just returned", received: "UMP's 404 problem: not in the directory" }] };
                },
            },
            {
                name: "license",
                request: "GET license",
                async run() {
                    const license = await api.getLicense(withClient());
                    return { summary: `${count(license.CBUsers, "licensed voice user")}, ${license.InUseCceUsers} in use` };
                },
            },
            {
                name: "number ranges",
                request: "GET numberrange",
                async run() {
                    const ranges = await api.getNumberRanges(withClient());
                    const available = ranges.reduce((sum, range) => sum + range.NumbersAvailable, 0);
                    return { summary: `${count(ranges.length, "range")}, ${count(available, "number")} available` };
                },
            },
            {
                name: "registrar pools",
                request: "GET proxy/registrarpools",
                run: async () => ({ summary: count((await api.getRegistrarPools(withClient())).length, "registrar pool") }),
            },
            {
                name: "sign-in domains",
                request: "GET signindomain",
                run: async () => ({ summary: count((await api.getSignInDomains(withClient())).length, "sign-in domain") }),
            },
        ];
    },
};
