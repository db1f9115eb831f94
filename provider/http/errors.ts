/**
 * Errors that leave a vendor client. Each names the vendor, the operation, the HTTP status and the
 * vendor's own code and message, and never carries a request header or a secret value.
 *
 * Two families callers tell apart:
 * - `VendorApiError`: the vendor refused or failed the request (4xx/5xx, no response).
 * - `VendorAnswerError` (a subclass): the vendor, or something in front of it, answered in a way
 *   we do not understand (an HTML page with 200, truncated JSON, a shape that misses what we read,
 *   an answer too large). Nothing is inferred from such an answer.
 */
export interface VendorErrorDetails {
    vendor: string;
    operation: string;
    statusCode?: number;
    vendorCode?: string;
    vendorMessage?: string;
    /** The vendor's structured error detail, secret fields redacted. */
    vendorDetail?: unknown;
    /** Network-level error code such as ECONNRESET or ETIMEDOUT, when no response arrived. */
    networkCode?: string;
    attempts?: number;
    /**
     * The vendor's own "this object does not exist" signal (e.g. PortSIP's 404 in PortSIP's error
     * format); a 404 from a proxy in front of it is not one. Decided by the client, per vendor.
     */
    notFound?: boolean;
    /** The refusal's body was in the vendor's own error format (not a proxy's page, not empty). */
    inVendorFormat?: boolean;
    /**
     * The request changes something and may have reached the vendor and been applied although it
     * failed: no answer after sending it, a 5xx, or a 2xx we could not read. Its outcome is unknown
     * until the object is looked at again. False for reads and for refusals (4xx).
     */
    outcomeUnknown?: boolean;
    /** What the vendor asked us to wait (Retry-After) when it refused with 429 and we gave up. */
    retryAfterMs?: number;
}

export class VendorApiError extends Error {
    readonly vendor: string;
    readonly operation: string;
    readonly statusCode?: number;
    readonly vendorCode?: string;
    readonly vendorMessage?: string;
    readonly vendorDetail?: unknown;
    readonly networkCode?: string;
    readonly attempts: number;
    readonly outcomeUnknown: boolean;
    readonly retryAfterMs?: number;
    /** The refusal's body was in the vendor's own error format (not a proxy's page, not empty). */
    readonly inVendorFormat: boolean;
    private readonly notFound: boolean;

    constructor(details: VendorErrorDetails, describe: (d: VendorErrorDetails) => string = describeFailure) {
        super(describe(details));
        this.name = "VendorApiError";
        this.vendor = details.vendor;
        this.operation = details.operation;
        this.statusCode = details.statusCode;
        this.vendorCode = details.vendorCode;
        this.vendorMessage = details.vendorMessage;
        this.vendorDetail = details.vendorDetail;
        this.networkCode = details.networkCode;
        this.attempts = details.attempts ?? 1;
        this.outcomeUnknown = details.outcomeUnknown ?? false;
        this.retryAfterMs = details.retryAfterMs;
        this.notFound = details.notFound ?? false;
        this.inVendorFormat = details.inVendorFormat ?? false;
    }

    /** True only for the vendor's own not-found signal, never for a bare 404 status. */
    get isNotFound(): boolean {
        return this.notFound;
    }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function describeFailure(d: VendorErrorDetails): string {
    const cause = d.statusCode !== undefined
        ? `HTTP ${d.statusCode}${d.vendorCode ? ` ${d.vendorCode}` : ""}${d.vendorMessage ? `: ${d.vendorMessage}` : ""}`
        : `no response (${d.networkCode ?? "network error"}${d.vendorMessage ? `: ${d.vendorMessage}` : ""})`;
    const retried = d.attempts && d.attempts > 1 ? ` after ${d.attempts} attempts` : "";
    const wait = d.retryAfterMs !== undefined ? `; ${d.vendor} asked to wait ${seconds(d.retryAfterMs)} before trying again (Retry-After)` : "";
    const unknown = d.outcomeUnknown ? "; the request may have reached the vendor, so whether it took effect is unknown" : "";
    return `${d.vendor}: ${d.operation} failed${retried}: ${cause}${wait}${unknown}`;
}

export interface AnswerProblem {
    /** What we read from this answer, in words: "a JSON object with items[] (PortSIP's list page)". */
    expected: string;
    /** A short, redacted excerpt of what came, with its content type. */
    received: string;
    /** Where the body missed what we read (zod issue paths), when it was JSON. */
    issues?: ReadonlyArray<{ path: string; message: string }>;
}

/**
 * A 2xx answer (or any answer too large to read) that is not what this request reads. Never
 * retried: for a write it means the outcome is unknown (`outcomeUnknown`), not that nothing happened.
 */
export class VendorAnswerError extends VendorApiError {
    readonly expected: string;
    readonly received: string;
    readonly issues: ReadonlyArray<{ path: string; message: string }>;

    constructor(details: VendorErrorDetails & AnswerProblem) {
        super(details, (d) => describeAnswerProblem(d, details));
        this.name = "VendorAnswerError";
        this.expected = details.expected;
        this.received = details.received;
        this.issues = details.issues ?? [];
    }
}

function describeAnswerProblem(d: VendorErrorDetails, problem: AnswerProblem): string {
    const where = problem.issues?.length
        ? ` (${problem.issues.slice(0, 5).map((issue) => `${issue.path || "body"}: ${issue.message}`).join("; ")}${problem.issues.length > 5 ? "; ..." : ""})`
        : "";
    const unknown = d.outcomeUnknown ? "; the request may have reached the vendor, so whether it took effect is unknown" : "";
    return (
        `${d.vendor}: ${d.operation} failed: HTTP ${d.statusCode} answer not understood: ` +
        `expected ${problem.expected}${where}, received ${problem.received}${unknown}`
    );
}

/** Raised by the PortSIP PBX REST API. */
export class PortSipApiError extends VendorApiError {
    constructor(details: Omit<VendorErrorDetails, "vendor">) {
        super({ vendor: "PortSIP", ...details });
        this.name = "PortSipApiError";
    }
}

/** Raised by the Masergy UCaaS Provisioning API or its token endpoint. */
export class MasergyApiError extends VendorApiError {
    constructor(details: Omit<VendorErrorDetails, "vendor">) {
        super({ vendor: "Masergy", ...details });
        this.name = "MasergyApiError";
    }
}

/** Raised by the AudioCodes User Management Pack 365 API. */
export class UmpApiError extends VendorApiError {
    constructor(details: Omit<VendorErrorDetails, "vendor">) {
        super({ vendor: "AudioCodes UMP", ...details });
        this.name = "UmpApiError";
    }
}

/** Raised by the ConnecttoTeams API. */
export class TeamsApiError extends VendorApiError {
    constructor(details: Omit<VendorErrorDetails, "vendor">) {
        super({ vendor: "ConnecttoTeams", ...details });
        this.name = "TeamsApiError";
    }
}

export type VendorErrorFactory = (details: Omit<VendorErrorDetails, "vendor">) => VendorApiError;
