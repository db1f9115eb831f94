import { VendorApiError } from "./errors";

/**
 * Resolves to undefined when the vendor itself says the object does not exist (its not-found
 * signal in its own error format, see `VendorErrorFormat.isNotFound`); a 404 from anything in front
 * of the vendor, and every other failure, still throws.
 */
export async function orMissing<T>(request: Promise<T>): Promise<T | undefined> {
    try {
        return await request;
    } catch (error) {
        if (error instanceof VendorApiError && error.isNotFound) {
            return undefined;
        }
        throw error;
    }
}
