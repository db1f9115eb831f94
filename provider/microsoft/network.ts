/**
 * The network client msal-node sends its requests with: Node's fetch, bounded by
 * `ucaas:httpTimeoutSeconds` like every vendor request (msal's own client has no timeout on POSTs),
 * counting requests, and remembering the last refusal and the last failure to connect: msal words
 * some of them only by its own code (a declined device code becomes "post_request_failed", an
 * unreachable authority "endpoints_resolution_error"), and the error that follows needs the cause.
 * msal reads every answer itself, error bodies included, so nothing is judged here.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";
import { httpTimeoutMs } from "../http/client";

/** Microsoft's answers are a few kilobytes; anything near this is not one of them. */
const maxAnswerBytes = 1024 * 1024;

export class MicrosoftNetwork implements INetworkModule {
    requestCount = 0;
    /** The HTTP status of the last answer that was not 2xx (for the error msal raises after it). */
    lastRefusalStatus?: number;
    /** Microsoft's `{error, error_description}` of that answer, when it had them. */
    lastRefusal?: { error: string; description?: string };
    /** Why the last request got no answer at all. */
    lastFailure?: string;

    sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        return this.send<T>(url, "GET", options);
    }

    sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        return this.send<T>(url, "POST", options);
    }

    private async send<T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
        this.requestCount++;
        const timeout = httpTimeoutMs();
        const response = await fetch(url, {
            method,
            headers: options?.headers,
            body: method === "POST" ? (options?.body ?? "") : undefined,
            signal: AbortSignal.timeout(timeout),
            redirect: "manual",
        }).catch((error: unknown) => {
            const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeout / 1000} s` : describeCause(error);
            this.lastFailure = `${method} ${new URL(url).origin}${new URL(url).pathname}: ${reason}`;
            throw new Error(this.lastFailure);
        });
        const text = await response.text();
        if (text.length > maxAnswerBytes) throw new Error(`${method} ${new URL(url).pathname}: an answer of ${text.length} bytes is not Microsoft's`);
        let body: unknown;
        try {
            body = JSON.parse(text);
        } catch {
            this.lastFailure = `${method} ${new URL(url).pathname}: HTTP ${response.status} answered ${response.headers.get("content-type") ?? "without a content type"}, not JSON`;
            throw new Error(this.lastFailure);
        }
        if (response.status >= 300) {
            this.lastRefusalStatus = response.status;
            const { error, error_description: description } = (body ?? {}) as { error?: unknown; error_description?: unknown };
            this.lastRefusal = typeof error === "string" ? { error, description: typeof description === "string" ? description : undefined } : undefined;
        }
        return { status: response.status, headers: Object.fromEntries(response.headers), body: body as T };
    }
}

/** fetch's "fetch failed" hides the reason in `cause` (a refused connection, an untrusted certificate). */
function describeCause(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const text = cause?.message ?? (error as Error).message;
    const untrusted = /self.signed|unable to (get|verify)|certificate/i.test(text)
        ? " (a test authority such as the simulator's is trusted through NODE_EXTRA_CA_CERTS=<its CA file>, set before Node starts)"
        : "";
    return `${cause?.code ? `${cause.code}: ` : ""}${text}${untrusted}`;
}
