/**
 * A create whose request ended without a definite answer (a dropped connection, a timeout, a 5xx,
 * an answer we could not read, a duplicate refusal of a retried request) settles its own outcome:
 * it looks the object up again by its natural key. Create runs only after that lookup found
 * nothing, so an object that exists now with the declared fields is the one this run created.
 */
import { VendorApiError } from "../http/errors";

export interface CreateToVerify<T> {
    /** The object in words, for errors: `PortSIP user "alice" (extension 1001)`. */
    what: string;
    /** Sends the create; resolves to the new object's id. */
    send: () => Promise<string>;
    /** Looks the object up by its natural key; undefined only on the vendor's own not-found signal. */
    find: () => Promise<T | undefined>;
    idOf: (found: T) => string;
    /** Declared fields the found object reports differently (fields the vendor reports at all). */
    differing: (found: T) => readonly string[];
    /** A refusal that means "already exists", which a create can only meet after an unknown outcome. */
    isDuplicate?: (error: unknown) => boolean;
}

export interface CreatedObject {
    id: string;
    /** True when the answer was lost and the object was found and matched instead. */
    verified: boolean;
}

export function outcomeUnknown(error: unknown): boolean {
    return error instanceof VendorApiError && error.outcomeUnknown;
}

/**
 * Sends the create; when its outcome is unknown, looks again. Found and matching: created. Found
 * and different: an error that records nothing (it may not be this run's object). Not found: the
 * create did not take effect, and it is sent once more.
 */
export async function createVerified<T>(create: CreateToVerify<T>): Promise<CreatedObject> {
    for (let attempt = 1; ; attempt++) {
        let failure: unknown;
        try {
            return { id: await create.send(), verified: false };
        } catch (error) {
            if (!outcomeUnknown(error) && !(create.isDuplicate?.(error) ?? false)) {
                throw error;
            }
            failure = error;
        }
        const message = (failure as Error).message;
        let found: T | undefined;
        try {
            found = await create.find();
        } catch (lookup) {
            throw new Error(
                `${message}. Looking ${create.what} up again to settle the outcome failed too (${(lookup as Error).message}); ` +
                    "nothing is recorded. Run `pulumi up` again: the create looks for the object first.",
            );
        }
        if (found !== undefined) {
            const differing = create.differing(found);
            if (differing.length === 0) {
                return { id: create.idOf(found), verified: true };
            }
            throw new Error(
                `${message}. ${create.what} exists now but differs from what was sent in ${differing.join(", ")}, so it may ` +
                    "not be the object this run created; it is not recorded. Check it at the vendor, then adopt it or remove it.",
            );
        }
        if (attempt >= 2) {
            throw new Error(`${message}. ${create.what} does not exist (looked again), so nothing was created.`);
        }
    }
}
