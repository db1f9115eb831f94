/**
 * How a vendor words a refusal (a non-2xx answer), and which refusal means "this object does not
 * exist". Only a body in the vendor's own error format counts: a 404 page from a proxy or a load
 * balancer in front of the vendor is an error, never "gone".
 */
import type { z } from "zod";
import { isJsonContentType, parseJson } from "./answer";
import { excerpt, redact, scrubText } from "./redact";

export interface VendorErrorFormat<E = unknown> {
    /** In words, for messages: "PortSIP's error format {errors: [{code, message}]}". */
    description: string;
    schema: z.ZodType<E>;
    /** The vendor's code, message and structured detail from a body in its format. */
    describe(body: E): { code?: string; message?: string; detail?: unknown };
    /** Whether this status with this body is the vendor saying the object does not exist. */
    isNotFound(statusCode: number, body: E): boolean;
}

export interface ReadRefusal {
    vendorCode?: string;
    vendorMessage?: string;
    vendorDetail?: unknown;
    notFound: boolean;
    inVendorFormat: boolean;
}

/** Reads a non-2xx answer: the vendor's code and message when it is in the vendor's format, else an excerpt. */
export function readRefusal<E>(format: VendorErrorFormat<E>, statusCode: number, contentType: string | undefined, text: string): ReadRefusal {
    if (text === "") {
        return { vendorMessage: "(empty body)", notFound: false, inVendorFormat: false };
    }
    const parsed = isJsonContentType(contentType) ? parseJson(text) : undefined;
    const body = parsed?.ok ? format.schema.safeParse(parsed.value) : undefined;
    if (!body?.success) {
        return { vendorMessage: `not ${format.description}: ${contentType ?? "no content type"}: ${excerpt(text)}`, notFound: false, inVendorFormat: false };
    }
    const described = format.describe(body.data);
    return {
        vendorCode: described.code === undefined ? undefined : scrubText(described.code),
        vendorMessage: described.message === undefined ? undefined : scrubText(described.message),
        // Vendors may echo submitted values in the detail; secret-named fields and known secrets never leave here.
        vendorDetail: described.detail === undefined ? undefined : redact(described.detail),
        notFound: format.isNotFound(statusCode, body.data),
        inVendorFormat: true,
    };
}
