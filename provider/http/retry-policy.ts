/**
 * When a failed request is sent again, as data plus one pure decision function, so tests can
 * shrink the delays and the rules can be read in one place.
 */
export interface RetryPolicy {
    /** Further attempts after the first. */
    retries: number;
    /** Statuses worth another attempt for a request that is safe to repeat. */
    retryStatuses: readonly number[];
    /**
     * Statuses that mean the vendor refused the request before doing any work, so even a request
     * that creates or changes something may be sent again.
     */
    refusedStatuses: readonly number[];
    /** Network errors worth another attempt for a request that is safe to repeat. */
    retryNetworkCodes: readonly string[];
    baseDelayMs: number;
    maxDelayMs: number;
    /** A Retry-After longer than this fails the request instead of stalling the deployment. */
    maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
    retries: 3,
    retryStatuses: [408, 429, 500, 502, 503, 504],
    refusedStatuses: [429],
    retryNetworkCodes: ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ENOTFOUND", "ERR_GOT_REQUEST_ERROR"],
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 120_000,
};

export interface FailedAttempt {
    /** 1 for the first attempt. */
    attempt: number;
    /** True for reads and for writes that set an absolute state; false for creates and other non-repeatable writes. */
    idempotent: boolean;
    statusCode?: number;
    networkCode?: string;
    /** Raw Retry-After header value, seconds or an HTTP date. */
    retryAfter?: string;
}

/** Milliseconds to wait before the next attempt, or undefined when the failure is final. */
export function retryDelay(policy: RetryPolicy, failure: FailedAttempt, now = Date.now()): number | undefined {
    if (failure.attempt > policy.retries) {
        return undefined;
    }
    if (failure.statusCode !== undefined) {
        // A write is repeated only when the vendor says it did nothing (429); a 5xx may have half-applied it.
        const allowed = failure.idempotent
            ? policy.retryStatuses.includes(failure.statusCode)
            : policy.refusedStatuses.includes(failure.statusCode);
        if (!allowed) {
            return undefined;
        }
    } else if (!failure.idempotent || !policy.retryNetworkCodes.includes(failure.networkCode ?? "")) {
        // A dropped connection after sending a create leaves its outcome unknown: never repeat it blindly.
        return undefined;
    }
    const requested = parseRetryAfter(failure.retryAfter, now);
    if (requested !== undefined) {
        return requested > policy.maxRetryAfterMs ? undefined : Math.max(requested, 1);
    }
    const exponential = Math.min(policy.baseDelayMs * 2 ** (failure.attempt - 1), policy.maxDelayMs);
    // Jitter keeps many resources that failed together from retrying in lockstep.
    return Math.round(exponential * (0.5 + Math.random() / 2));
}

export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
    if (!header) {
        return undefined;
    }
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        return Math.round(Number(trimmed) * 1000);
    }
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
