/**
 * A UMP endpoint as `GET proxy/endpoint/{sip address}` reports it, in the resource's terms.
 * Refresh, takeover, the read-back after `/script` and the release check all read it this way.
 */
import { sameValue } from "../dynamic/diff";
import type { Props } from "../dynamic/handlers";
import { VendorAnswerError } from "../http/errors";
import type { WireEndpoint } from "./ump-api";
import { normalizeLiveValue, umpEndpointComputedKeys } from "./ump-endpoint.schema";
import { wireNameOf } from "./wire";

/**
 * The attributes `keys` as UMP reports them, normalized the way `check` normalizes inputs (stray
 * spaces, letter case; an empty value is unset). UMP answers an unset attribute as null or ""; one
 * it leaves out entirely is an error, never "cleared" or "released".
 */
export function liveAttributes(id: string, live: WireEndpoint, keys: readonly string[]): Props {
    const unreported = keys.map((key) => wireNameOf[key]).filter((wire) => live[wire] === undefined);
    if (unreported.length) {
        throw new VendorAnswerError({
            vendor: "AudioCodes UMP",
            operation: `read endpoint ${id}`,
            statusCode: 200,
            expected: `a UMP user detail with ${unreported.join(", ")} (managed by this UmpEndpoint; null when unset)`,
            received: "an answer without them",
        });
    }
    return Object.fromEntries(keys.map((key) => [key, normalizeLiveValue(key, live[wireNameOf[key]])]));
}

/** Keys among `keys` whose live value differs from `expected` (unset and missing are the same). */
export function differingAttributes(values: Props, expected: Props, keys: readonly string[]): string[] {
    return keys.filter((key) => !sameValue(values[key], expected[key]));
}

/** What UMP reports about the user beyond the inputs, trimmed of the vendor's stray spaces. */
export function computedOf(live: WireEndpoint): Props {
    const wireNames: Record<(typeof umpEndpointComputedKeys)[number], string> = {
        displayName: "DisplayName",
        userPrincipalName: "UserPrincipalName",
        registrarPool: "RegistrarPool",
    };
    return Object.fromEntries(
        umpEndpointComputedKeys.map((key) => {
            const value = live[wireNames[key]];
            return [key, typeof value === "string" && value.trim() ? value.trim() : undefined];
        }),
    );
}

/** The attributes that hold a number: what a release clears. */
const voiceKeys = ["lineUri", "privateLine", "enterpriseVoiceEnabled"] as const;

/**
 * An endpoint counts as existing (managed by someone) once it has a number or Enterprise Voice;
 * after a release it has neither. Undefined when it is free, else what it holds, in words:
 * "the number tel:+31365461212 and Enterprise Voice".
 */
export function voiceAssignment(id: string, live: WireEndpoint): string | undefined {
    const voice = liveAttributes(id, live, voiceKeys);
    const held = [
        voice.lineUri && `the number ${voice.lineUri as string}`,
        voice.privateLine && `the private line ${voice.privateLine as string}`,
        voice.enterpriseVoiceEnabled === true && "Enterprise Voice",
    ].filter(Boolean);
    return held.length ? held.join(" and ") : undefined;
}
