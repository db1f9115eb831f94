/**
 * Errors that leave a vendor client. Each names the vendor, the operation, the HTTP status and the
 * vendor's own code and message, and never carries a request header or a secret field value.
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

    constructor(details: VendorErrorDetails) {
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
    }

    get isNotFound(): boolean {
        return this.statusCode === 404;
    }
}

function describe(d: VendorErrorDetails): string {
    const cause = d.statusCode !== undefined
        ? `HTTP ${d.statusCode}${d.vendorCode ? ` ${d.vendorCode}` : ""}${d.vendorMessage ? `: ${d.vendorMessage}` : ""}`
        : `no response (${d.networkCode ?? "network error"}${d.vendorMessage ? `: ${d.vendorMessage}` : ""})`;
    const retried = d.attempts && d.attempts > 1 ? ` after ${d.attempts} attempts` : "";
    return `${d.vendor}: ${d.operation} failed${retried}: ${cause}`;
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
