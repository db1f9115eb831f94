import { VendorApiError } from "../http/errors";

/** PortSIP's refusal of a name or extension that is taken: after a lost create, possibly our own. */
export const isDuplicateRefusal = (error: unknown) =>
    error instanceof VendorApiError && error.inVendorFormat && (error.statusCode === 409 || error.statusCode === 400) &&
    /already (exists|in use)/i.test(error.vendorMessage ?? "");
