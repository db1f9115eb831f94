import { VendorApiError } from "./errors";

/** Resolves to undefined when the vendor answers 404; every other failure still throws. */
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
