import { changedKeys, sameValue, type DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { VendorAnswerError } from "../http/errors";
import { withoutNulls } from "../wire/case";
import { umpClient } from "./client";
import * as api from "./ump-api";
import {
    normalizeLiveValue,
    umpAttributeKeys,
    UmpEndpointArgsSchema,
    umpEndpointComputedKeys,
    umpEndpointReplaceKeys,
    type UmpEndpointInputs,
} from "./ump-endpoint.schema";
import { wireNameOf } from "./wire";

const diffSpec: DiffSpec = {
    inputKeys: ["identity", ...umpAttributeKeys],
    replaceKeys: umpEndpointReplaceKeys,
    // The replacement would be refused the number the old endpoint still holds.
    deleteBeforeReplace: true,
};

/** What UMP reports about the user beyond the inputs, trimmed of the vendor's stray spaces. */
function computedOf(live: api.WireEndpoint): Props {
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

/**
 * The `/script` body for these attribute keys: the desired value, or null to clear a value the
 * program no longer sets. A flag the program stops setting is left as it is (there is no "unset").
 */
function scriptBody(keys: readonly string[], desired: Props, previous: Props = {}): api.WireObject {
    const body: api.WireObject = {};
    for (const key of keys) {
        if (desired[key] !== undefined) {
            body[wireNameOf[key]] = desired[key];
        } else if (typeof previous[key] !== "boolean") {
            body[wireNameOf[key]] = null;
        }
    }
    return body;
}

/** Outputs: the inputs plus what UMP reports. Unset values are left out: the engine cannot carry `undefined`. */
function outputsOf(inputs: Props, computed: Props): Props {
    return withoutNulls({ ...inputs, ...computed }) as Props;
}

/** An endpoint counts as existing (managed by someone) once it has a number or Enterprise Voice. */
function voiceAssignment(live: api.WireEndpoint): string | undefined {
    const lineUri = typeof live.LineURI === "string" ? live.LineURI.trim() : "";
    if (lineUri) {
        return `it already has the number ${lineUri}${live.EnterpriseVoiceEnabled === true ? " and Enterprise Voice enabled" : ""}`;
    }
    return live.EnterpriseVoiceEnabled === true ? "it already has Enterprise Voice enabled" : undefined;
}

export const umpEndpointHandlers: ResourceHandlers = {
    secretKeys: [],
    ...schemaCheckAndDiff(UmpEndpointArgsSchema, diffSpec),

    async create(inputs) {
        const endpoint = inputs as UmpEndpointInputs;
        const id = endpoint.identity;
        const client = umpClient();
        const live = await api.getEndpoint(client, id);
        if (!live) {
            throw new Error(
                `AudioCodes UMP has no endpoint ${id}: the user must exist in the directory first ` +
                    "(Active Directory or Microsoft 365, synchronized into UMP). UmpEndpoint manages the voice settings of an existing user; it cannot create users.",
            );
        }
        const assigned = voiceAssignment(live);
        if (assigned && !endpoint.adopt) {
            throw new Error(`AudioCodes UMP endpoint ${id} is already in use: ${assigned}. Set adopt: true on this UmpEndpoint to take it over.`);
        }
        // Only what differs from the live endpoint is sent: adopting an endpoint that already matches writes nothing.
        const differing = umpAttributeKeys.filter(
            (key) => inputs[key] !== undefined && !sameValue(normalizeLiveValue(key, live[wireNameOf[key]]), inputs[key]),
        );
        const body = scriptBody(differing, inputs);
        if (Object.keys(body).length) {
            await api.runScript(client, id, body);
        }
        return { id, outs: outputsOf(inputs, computedOf(live)) };
    },

    async read(id, props) {
        const live = await api.getEndpoint(umpClient(), id);
        if (!live) {
            return { id: "" };
        }
        // Only attributes this resource manages are refreshed; the rest of the user is not ours.
        const managed = umpAttributeKeys.filter((key) => key in props);
        // UMP answers an unset attribute as null or ""; one it leaves out entirely is not "cleared".
        const unreported = managed.map((key) => wireNameOf[key]).filter((wire) => live[wire] === undefined);
        if (unreported.length) {
            throw new VendorAnswerError({
                vendor: "AudioCodes UMP",
                operation: `read endpoint ${id}`,
                statusCode: 200,
                expected: `a UMP user detail with ${unreported.join(", ")} (managed by this UmpEndpoint; null when unset)`,
                received: "an answer without them",
            });
        }
        const refreshed: Props = { ...props };
        for (const key of managed) {
            refreshed[key] = normalizeLiveValue(key, live[wireNameOf[key]]);
        }
        return { id, props: outputsOf(refreshed, computedOf(live)) };
    },

    async update(id, olds, news) {
        const body = scriptBody(changedKeys(umpAttributeKeys, olds, news), news, olds);
        if (Object.keys(body).length) {
            await api.runScript(umpClient(), id, body);
        }
        const computed = Object.fromEntries(umpEndpointComputedKeys.map((key) => [key, olds[key]]));
        return { outs: outputsOf(news, computed) };
    },

    async delete(id) {
        // Releases the number and leaves the directory user; a user already gone is done.
        await api.releaseNumber(umpClient(), id);
    },
};
