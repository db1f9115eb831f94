/**
 * A Masergy user that exists when create meets it: found before creating, found after a create was
 * refused, or made meanwhile by another create of the same user (an earlier run's job still
 * running). One rule decides for every resource (dynamic/adoption.ts); here is what Masergy can
 * compare: `user/find` reports the names, extension, email address and phone number, and nothing
 * else a MasergyUser declares.
 */
import { assertMayTakeOver, existingObjectPolicy, ExistingObjectError } from "../dynamic/adoption";
import { sameValue } from "../dynamic/diff";
import type { Props } from "../dynamic/handlers";
import type { VendorClient } from "../http/client";
import type * as api from "./masergy-api";
import { applyInPlace } from "./masergy-user.apply";
import { computedOf } from "./masergy-user.outputs";
import type { MasergyUserInputs } from "./masergy-user.schema";
import { reportedToE164 } from "./phone-number";

/** What `user/find` cannot report, so a match never vouches for it. */
const unreportedNote =
    "user/find does not report the service pack, time zone, address type, device, voicemail or conference settings, " +
    "so a takeover cannot compare them and records them as declared";

/** The names and phone number as Masergy reports them (the phone number in E.164). */
export function livePhoneAndNames(live: api.WireUser): Props {
    return {
        firstName: live.firstName,
        lastName: live.lastName,
        phoneNumber: live.phoneNumber ? reportedToE164(live.phoneNumber, live.countryCode) : undefined,
    };
}

/**
 * Declared fields the live user reports differently: the names and the phone number (a number the
 * user has but the resource does not declare differs too: taking over removes it), and the
 * extension and email address when Masergy reports them.
 */
export function reportedDiffering(declared: Props, live: api.WireUser): string[] {
    const names = livePhoneAndNames(live);
    const differing = (["firstName", "lastName", "phoneNumber"] as const).filter((key) => !sameValue(declared[key], names[key]));
    const reportedOnly = (["extension", "emailAddress"] as const).filter(
        (key) => declared[key] !== undefined && live[key] !== undefined && declared[key] !== live[key],
    );
    return [...differing, ...reportedOnly];
}

/**
 * Takes over `live` when the rule allows it (throws `ExistingObjectError` otherwise, after
 * `context`, what led here), and converges names, phone number and a declared password with only
 * the calls needed: adopting a user that matches and declares no password submits no job.
 */
export async function takeOver(client: VendorClient, live: api.WireUser, inputs: Props, context?: string): Promise<{ id: string; outs: Props }> {
    const user = inputs as MasergyUserInputs;
    const differing = reportedDiffering(inputs, live);
    try {
        assertMayTakeOver(inputs, { vendor: "Masergy", object: `user ${user.userId} in group ${user.groupId}`, kind: "MasergyUser", differing });
    } catch (error) {
        if (!(error instanceof ExistingObjectError)) {
            throw error;
        }
        throw new ExistingObjectError(`${context ? `${context}. ` : ""}${error.message} (${unreportedNote}.)`);
    }
    if (existingObjectPolicy(inputs) === "adopt-matching") {
        console.log(`Masergy: user ${user.userId} matches every field user/find reports and is taken over (ucaas:adoptMatching); ${unreportedNote}.`);
    }
    for (const key of ["extension", "emailAddress"] as const) {
        if (differing.includes(key)) {
            throw new Error(
                `Cannot adopt Masergy user ${user.userId}: its ${key} is "${live[key]}", not "${user[key]}", ` +
                    `and Masergy cannot change it in place. Set ${key} to the existing value.`,
            );
        }
    }
    // The password cannot be read back: a declared one is set (written as declared on takeover), an omitted one is kept.
    const reached = await applyInPlace(client, user.userId, livePhoneAndNames(live), inputs);
    return { id: user.userId, outs: { ...inputs, ...computedOf(reached) } };
}
