import * as http from "node:http";
import * as https from "node:https";
import type { Got } from "got";
import type { TokenSource } from "./auth";
import type { VendorApiError, VendorErrorFactory } from "./errors";
import { ConcurrencyLimiter } from "./limiter";
import { redact, scrubText } from "./redact";
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from "./retry-policy";

export interface VendorClientOptions {
    /** Vendor name used in errors. */
    vendor: string;
    baseUrl: string;
    errors: VendorErrorFactory;
    /** Pulls the vendor's error code and message out of an error body. */
    parseError: (body: unknown) => { code?: string; message?: string; detail?: unknown };
    /** Adds `Authorization: Bearer` to every request that does not opt out. */
    tokens?: TokenSource;
    timeoutMs?: number;
    retryPolicy?: RetryPolicy;
    maxConcurrency?: number;
    /** Secret values to scrub from any vendor message that echoes them. */
    secrets?: readonly string[];
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface VendorRequest {
    /** What this request does, in words, for error messages: "create user 101". */
    operation: string;
    method: HttpMethod;
    /** Path below the base URL, without a leading slash. */
    path: string;
    json?: unknown;
    form?: Record<string, string>;
    searchParams?: Record<string, string | number | boolean | undefined>;
    headers?: Record<string, string>;
    /** Safe to send twice; defaults to true for GET, PUT and DELETE and false for POST. */
    idempotent?: boolean;
    /** Send without the bearer token (token endpoints). */
    anonymous?: boolean;
}

export interface VendorResponse<T> {
    statusCode: number;
    body: T;
}

export interface VendorClient {
    readonly vendor: string;
    readonly baseUrl: string;
    request<T = unknown>(request: VendorRequest): Promise<VendorResponse<T>>;
    /** The response body of a successful request. */
    send<T = unknown>(request: VendorRequest): Promise<T>;
    /** How many HTTP requests this client has sent, retries included. */
    readonly requestCount: number;
}

const defaultTimeoutMs = 30_000;

/** One keep-alive agent pair per process: every vendor client reuses its sockets. */
const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

function loadGot(): Got {
    // got is ESM-only; Node >= 22 can require() it, and its function is the default export.
    return (require("got") as { default: Got }).default;
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
    const policy = options.retryPolicy ?? defaultRetryPolicy;
    const limiter = new ConcurrencyLimiter(options.maxConcurrency ?? 8);
    const instance = loadGot().extend({
        prefixUrl: options.baseUrl.replace(/\/+$/, ""),
        timeout: { request: options.timeoutMs ?? defaultTimeoutMs },
        retry: { limit: 0 }, // retries are decided below, where idempotency and 401 refresh are known
        throwHttpErrors: false,
        followRedirect: false,
        agent: agents,
        responseType: "text",
        headers: { "user-agent": "pulumi-ucaas", accept: "application/json" },
    });
    let requestCount = 0;

    const fail = (request: VendorRequest, attempts: number, details: {
        statusCode?: number;
        body?: unknown;
        networkCode?: string;
        networkMessage?: string;
    }): VendorApiError => {
        const parsed = details.body === undefined ? {} : options.parseError(details.body);
        const scrub = (text?: string) => (text === undefined ? undefined : scrubText(text, options.secrets ?? []));
        return options.errors({
            operation: request.operation,
            statusCode: details.statusCode,
            vendorCode: parsed.code,
            vendorMessage: scrub(parsed.message ?? details.networkMessage),
            // Vendors may echo submitted values in the detail; secret-named fields never leave here.
            vendorDetail: parsed.detail === undefined ? undefined : redact(parsed.detail),
            networkCode: details.networkCode,
            attempts,
        });
    };

    async function attemptOnce(request: VendorRequest, token: string | undefined) {
        requestCount++;
        return instance(request.path.replace(/^\/+/, ""), {
            method: request.method,
            json: request.json,
            form: request.form,
            searchParams: request.searchParams
                ? Object.fromEntries(Object.entries(request.searchParams).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>
                : undefined,
            headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
    }

    async function request<T>(request: VendorRequest): Promise<VendorResponse<T>> {
        const idempotent = request.idempotent ?? request.method !== "POST";
        let refreshedAfter401 = false;
        for (let attempt = 1; ; attempt++) {
            const token = request.anonymous || !options.tokens ? undefined : await options.tokens.get();
            let response;
            try {
                response = await limiter.run(() => attemptOnce(request, token));
            } catch (error) {
                const networkCode = (error as { code?: string }).code ?? "ERR_NETWORK";
                const delay = retryDelay(policy, { attempt, idempotent, networkCode });
                if (delay === undefined) {
                    throw fail(request, attempt, { networkCode, networkMessage: (error as Error).message });
                }
                await sleep(delay);
                continue;
            }
            const body = parseBody(response.body);
            if (response.statusCode >= 200 && response.statusCode < 300) {
                return { statusCode: response.statusCode, body: body as T };
            }
            if (response.statusCode === 401 && token && options.tokens?.canRefresh && !refreshedAfter401) {
                // An expired or revoked token: fetch a new one once and repeat the same request.
                refreshedAfter401 = true;
                options.tokens.invalidate(token);
                continue;
            }
            const retryAfter = response.headers["retry-after"];
            const delay = retryDelay(policy, {
                attempt,
                idempotent,
                statusCode: response.statusCode,
                retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
            });
            if (delay === undefined) {
                throw fail(request, attempt, { statusCode: response.statusCode, body });
            }
            await sleep(delay);
        }
    }

    return {
        vendor: options.vendor,
        baseUrl: options.baseUrl,
        request,
        send: async <T>(r: VendorRequest) => (await request<T>(r)).body,
        get requestCount() {
            return requestCount;
        },
    };
}

function parseBody(text: string): unknown {
    if (text === "") {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
