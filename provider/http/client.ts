import * as http from "node:http";
import * as https from "node:https";
import type { Got } from "got";
import { configKeyName, envVarName, getNumberSetting } from "../config";
import { readAnswer, type AnswerSpec } from "./answer";
import { notifyAnswerObservers } from "./answer-observer";
import type { TokenSource } from "./auth";
import { readRefusal, type VendorErrorFormat } from "./error-format";
import { VendorAnswerError, type VendorApiError, type VendorErrorDetails, type VendorErrorFactory } from "./errors";
import { ConcurrencyLimiter } from "./limiter";
import { scrubText } from "./redact";
import { defaultRetryPolicy, parseRetryAfter, retryDelay, type RetryPolicy } from "./retry-policy";
import { plainHttpServerMessage } from "./transport-guard";

/**
 * Answers larger than this are aborted while they stream in, never buffered whole: no answer we
 * read comes near it (a page of 100 users is tens of kilobytes), and a runaway one must not exhaust
 * the provider process.
 */
export const maxAnswerBytes = 4 * 1024 * 1024;

export interface VendorClientOptions {
    /** Vendor name used in errors. */
    vendor: string;
    baseUrl: string;
    /** Builds the vendor's error class for refusals and network failures. */
    errors: VendorErrorFactory;
    /** How the vendor words refusals, and which one means "not found". */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each vendor's body type is its own
    errorFormat: VendorErrorFormat<any>;
    /** Adds `Authorization: Bearer` to every request that does not opt out. */
    tokens?: TokenSource;
    /** Per-request timeout; by default `ucaas:httpTimeoutSeconds`, read when each request starts. */
    timeoutMs?: number;
    retryPolicy?: RetryPolicy;
    /** Requests in flight at most; by default `ucaas:maxConcurrentRequests`, read when the client is made. */
    maxConcurrency?: number;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface VendorRequest<T> {
    /** What this request does, in words, for error messages: "create user 101". */
    operation: string;
    method: HttpMethod;
    /** Path below the base URL, without a leading slash. */
    path: string;
    /** How the 2xx answer is read: a zod schema of what we read, or `noAnswer`. */
    answer: AnswerSpec<T>;
    json?: unknown;
    form?: Record<string, string>;
    searchParams?: Record<string, string | number | boolean | undefined>;
    headers?: Record<string, string>;
    /** Safe to send twice; defaults to true for GET, PUT and DELETE and false for POST. */
    idempotent?: boolean;
    /** Changes nothing at the vendor although it is not a GET (a list the vendor made a POST, a token grant). */
    readOnly?: boolean;
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
    request<T>(request: VendorRequest<T>): Promise<VendorResponse<T>>;
    /** The answer of a successful request, as its `answer` reads it. */
    send<T>(request: VendorRequest<T>): Promise<T>;
    /** How many HTTP requests this client has sent, retries included. */
    readonly requestCount: number;
    /** Where its bearer tokens come from, if it sends any (read by `pulumi-ucaas doctor` for the token's lifetime). */
    readonly tokens?: TokenSource;
}

/** Network failures that happen before a request is sent: a write that met one certainly did nothing. */
const notSentCodes = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"];

/** One keep-alive agent pair per process: every vendor client reuses its sockets. */
const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

function loadGot(): Got {
    // got is ESM-only; Node >= 22 can require() it, and its function is the default export.
    return (require("got") as { default: Got }).default;
}

/** The request timeout from `ucaas:httpTimeoutSeconds` (default 30 s). */
export function httpTimeoutMs(): number {
    return getNumberSetting("httpTimeoutSeconds") * 1000;
}

interface RawAnswer {
    statusCode: number;
    contentType?: string;
    retryAfter?: string;
    text: string;
}

class AnswerTooLarge extends Error {
    constructor(readonly statusCode: number | undefined, readonly contentType: string | undefined) {
        super(`answer larger than ${maxAnswerBytes} bytes`);
    }
}

export function createVendorClient(options: VendorClientOptions): VendorClient {
    const policy = options.retryPolicy ?? defaultRetryPolicy;
    const limiter = new ConcurrencyLimiter(options.maxConcurrency ?? getNumberSetting("maxConcurrentRequests"));
    const instance = loadGot().extend({
        prefixUrl: options.baseUrl.replace(/\/+$/, ""),
        retry: { limit: 0 }, // retries are decided below, where idempotency and 401 refresh are known
        throwHttpErrors: false,
        followRedirect: false,
        // Compressed answers would escape the size cap; vendors answer identity when not asked for gzip.
        decompress: false,
        agent: agents,
        responseType: "text",
        headers: { "user-agent": "pulumi-ucaas", accept: "application/json" },
    });
    let requestCount = 0;

    const fail = (request: VendorRequest<unknown>, details: Omit<VendorErrorDetails, "vendor" | "operation">): VendorApiError =>
        options.errors({ operation: request.operation, ...details });

    /** A write whose request may have been applied although we have no readable answer. */
    const isWrite = (request: VendorRequest<unknown>) => request.method !== "GET" && !request.readOnly;

    async function attemptOnce(request: VendorRequest<unknown>, token: string | undefined, timeoutMs: number): Promise<RawAnswer> {
        requestCount++;
        const abort = new AbortController();
        let early: { statusCode?: number; contentType?: string } = {};
        let tooLarge = false;
        const stop = () => {
            tooLarge = true;
            abort.abort();
        };
        const pending = instance(request.path.replace(/^\/+/, ""), {
            method: request.method,
            json: request.json,
            form: request.form,
            searchParams: request.searchParams
                ? Object.fromEntries(Object.entries(request.searchParams).filter(([, v]) => v !== undefined)) as Record<string, string | number | boolean>
                : undefined,
            headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
            timeout: { request: timeoutMs },
            signal: abort.signal,
        });
        pending.on("request", (clientRequest: http.ClientRequest) => {
            clientRequest.once("response", (response: http.IncomingMessage) => {
                early = { statusCode: response.statusCode, contentType: response.headers["content-type"] };
                if (Number(response.headers["content-length"]) > maxAnswerBytes) {
                    stop();
                }
            });
        });
        pending.on("downloadProgress", (progress: { transferred: number }) => {
            if (progress.transferred > maxAnswerBytes) {
                stop();
            }
        });
        try {
            const response = await pending;
            const retryAfter = response.headers["retry-after"];
            return {
                statusCode: response.statusCode,
                contentType: response.headers["content-type"],
                retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
                text: response.body,
            };
        } catch (error) {
            throw tooLarge ? new AnswerTooLarge(early.statusCode, early.contentType) : error;
        }
    }

    async function request<T>(request: VendorRequest<T>): Promise<VendorResponse<T>> {
        const idempotent = request.idempotent ?? request.method !== "POST";
        const timeoutMs = options.timeoutMs ?? httpTimeoutMs();
        let refreshedAfter401 = false;
        for (let attempt = 1; ; attempt++) {
            const token = request.anonymous || !options.tokens ? undefined : await options.tokens.get();
            const observed = { vendor: options.vendor, operation: request.operation, method: request.method, path: request.path, searchParams: request.searchParams };
            let answer: RawAnswer;
            try {
                answer = await limiter.run(() => attemptOnce(request, token, timeoutMs));
                notifyAnswerObservers({ ...observed, statusCode: answer.statusCode, contentType: answer.contentType, text: answer.text });
            } catch (error) {
                if (error instanceof AnswerTooLarge) {
                    notifyAnswerObservers({ ...observed, statusCode: error.statusCode, contentType: error.contentType, tooLarge: true });
                    throw new VendorAnswerError({
                        vendor: options.vendor,
                        operation: request.operation,
                        statusCode: error.statusCode,
                        expected: `an answer of at most ${maxAnswerBytes / (1024 * 1024)} MiB`,
                        received: `more than that (${error.contentType ?? "no content type"}); it was aborted while it streamed in`,
                        outcomeUnknown: isWrite(request),
                        attempts: attempt,
                    });
                }
                const networkCode = (error as { code?: string }).code ?? "ERR_NETWORK";
                const delay = retryDelay(policy, { attempt, idempotent, networkCode });
                if (delay === undefined) {
                    throw fail(request, {
                        networkCode,
                        vendorMessage: networkCode === "ETIMEDOUT"
                            ? `no answer within ${timeoutMs / 1000} s (${configKeyName("httpTimeoutSeconds")} / ${envVarName("httpTimeoutSeconds")})`
                            : plainHttpServerMessage(error, options.baseUrl) ?? scrubText((error as Error).message),
                        attempts: attempt,
                        outcomeUnknown: isWrite(request) && !notSentCodes.includes(networkCode),
                    });
                }
                await sleep(delay);
                continue;
            }
            if (answer.statusCode >= 200 && answer.statusCode < 300) {
                const read = readAnswer(request.answer, answer.contentType, answer.text);
                if (!read.ok) {
                    // Never retried: a write may have happened, and a page in front of the vendor will not go away.
                    throw new VendorAnswerError({
                        vendor: options.vendor,
                        operation: request.operation,
                        statusCode: answer.statusCode,
                        attempts: attempt,
                        outcomeUnknown: isWrite(request),
                        ...read.problem,
                    });
                }
                return { statusCode: answer.statusCode, body: read.value };
            }
            if (answer.statusCode === 401 && token && options.tokens?.canRefresh && !refreshedAfter401) {
                // An expired or revoked token: fetch a new one once and repeat the same request.
                refreshedAfter401 = true;
                options.tokens.invalidate(token);
                continue;
            }
            const delay = retryDelay(policy, { attempt, idempotent, statusCode: answer.statusCode, retryAfter: answer.retryAfter });
            if (delay === undefined) {
                const refusal = readRefusal(options.errorFormat, answer.statusCode, answer.contentType, answer.text);
                throw fail(request, {
                    statusCode: answer.statusCode,
                    vendorCode: refusal.vendorCode,
                    vendorMessage: refusal.vendorMessage,
                    vendorDetail: refusal.vendorDetail,
                    notFound: refusal.notFound,
                    inVendorFormat: refusal.inVendorFormat,
                    attempts: attempt,
                    outcomeUnknown: isWrite(request) && answer.statusCode >= 500,
                    retryAfterMs: answer.statusCode === 429 ? parseRetryAfter(answer.retryAfter) : undefined,
                });
            }
            await sleep(delay);
        }
    }

    return {
        vendor: options.vendor,
        baseUrl: options.baseUrl,
        request,
        send: async <T>(r: VendorRequest<T>) => (await request(r)).body,
        get requestCount() {
            return requestCount;
        },
        tokens: options.tokens,
    };
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
