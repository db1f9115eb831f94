import { getSetting, requireSetting } from "../config";
import { staticToken } from "../http/auth";
import { cached } from "../http/client-cache";
import { createVendorClient, type VendorClient } from "../http/client";
import { UmpApiError } from "../http/errors";
import { assertTransportAllowed } from "../http/transport-guard";

interface ProblemDetails {
    title?: string;
    detail?: string;
    message?: string;
    Message?: string;
    errors?: Record<string, string[] | string>;
}

/**
 * UMP answers errors as RFC 7807 problem details (`{title, status, detail}`, validation problems
 * with `errors: {Attribute: [messages]}`); older deployments send ASP.NET's `{"Message": ...}`.
 */
export function parseUmpError(body: unknown): { code?: string; message?: string; detail?: unknown } {
    if (typeof body === "string") {
        return body ? { message: body.slice(0, 300) } : {};
    }
    const problem = (body ?? {}) as ProblemDetails;
    const fieldMessages = Object.entries(problem.errors ?? {}).map(
        ([field, messages]) => `${field}: ${(Array.isArray(messages) ? messages : [messages]).join(", ")}`,
    );
    const message = [problem.detail ?? problem.message ?? problem.Message, ...fieldMessages].filter(Boolean).join("; ");
    return {
        code: problem.title,
        message: message || undefined,
        detail: problem.errors,
    };
}

/** The UMP client for the configured server, shared by every resource and lookup in this process. */
export function umpClient(): VendorClient {
    const baseUrl = requireSetting("umpUrl", "the AudioCodes UMP API base, e.g. http://ump.example.com/sysadmin/api");
    assertTransportAllowed("AudioCodes UMP", baseUrl, "ucaas:umpUrl");
    // UMP ENT documents no authentication; deployments that put a bearer token in front set ucaas:umpToken.
    const token = getSetting("umpToken");
    return cached(["ump", baseUrl, token], () =>
        createVendorClient({
            vendor: "AudioCodes UMP",
            baseUrl,
            errors: (d) => new UmpApiError(d),
            parseError: parseUmpError,
            tokens: token ? staticToken(token) : undefined,
            secrets: token ? [token] : [],
        }),
    );
}
