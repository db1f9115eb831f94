import { assertMayTakeOver } from "../dynamic/adoption";
import { changedKeys, type DiffSpec } from "../dynamic/diff";
import { schemaCheckAndDiff, type Props, type ResourceHandlers } from "../dynamic/handlers";
import { ResourceInitError } from "../dynamic/partial-failure";
import { outcomeUnknown } from "../dynamic/verified-create";
import { assertWritesTook } from "../dynamic/verified-write";
import type { VendorClient } from "../http/client";
import { withoutNulls } from "../wire/case";
import { umpClient } from "./client";
import * as api from "./ump-api";
import { computedOf, differingAttributes, liveAttributes, voiceAssignment } from "./ump-endpoint.live";
import { umpAttributeKeys, UmpEndpointArgsSchema, umpEndpointComputedKeys, umpEndpointReplaceKeys, type UmpEndpointInputs } from "./ump-endpoint.schema";
import { wireNameOf } from "./wire";

const diffSpec: DiffSpec = {
    inputKeys: ["identity", ...umpAttributeKeys],
    replaceKeys: umpEndpointReplaceKeys,
    // The replacement would be refused the number the old endpoint still holds.
    deleteBeforeReplace: true,
};

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

/**
 * Sends the `keys` that differ in one `/script` and reads the endpoint back once: UMP answers
 * `{"Status":"Success"}` whether or not it applied anything. A `/script` whose outcome is unknown
 * (its answer lost after the client's retries, or not understood) is settled by the same read.
 * Every written attribute must read back as declared (a cleared one as unset); otherwise the error
 * records what UMP holds. Resolves to the outputs, with what UMP reports now.
 */
async function writeAndVerify(client: VendorClient, id: string, keys: readonly string[], desired: Props, previous: Props, computed: Props): Promise<Props> {
    const body = scriptBody(keys, desired, previous);
    if (Object.keys(body).length === 0) {
        return outputsOf(desired, computed);
    }
    const operation = api.scriptOperation(id, body);
    let unknownOutcome: Error | undefined;
    try {
        await api.runScript(client, id, body);
    } catch (error) {
        if (!outcomeUnknown(error)) {
            throw error;
        }
        unknownOutcome = error as Error;
    }
    const live = await api.getEndpoint(client, id);
    if (!live) {
        throw new Error(`AudioCodes UMP: endpoint ${id} left the directory during ${operation}; run \`pulumi up\` again.`);
    }
    const written = keys.filter((key) => wireNameOf[key] in body);
    const values = liveAttributes(id, live, written);
    const differing = differingAttributes(values, desired, written);
    const holds = outputsOf({ ...desired, ...Object.fromEntries(differing.map((key) => [key, values[key]])) }, computedOf(live));
    if (unknownOutcome && differing.length) {
        throw new ResourceInitError(
            id,
            holds,
            `${unknownOutcome.message}. Read back, the endpoint shows ${differing.join(", ")} not as declared; ` +
                "the state records what UMP holds, so the next `pulumi up` writes it again.",
        );
    }
    assertWritesTook({ vendor: "AudioCodes UMP", object: `endpoint ${id}`, operations: [operation], id, differing, live: holds });
    return holds;
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
        const declared = umpAttributeKeys.filter((key) => inputs[key] !== undefined);
        // Only what differs from the live endpoint is sent: taking over an endpoint that already matches writes nothing.
        const differing = differingAttributes(liveAttributes(id, live, declared), inputs, declared);
        const assigned = voiceAssignment(id, live);
        if (assigned) {
            assertMayTakeOver(inputs, { vendor: "AudioCodes UMP", object: `endpoint ${id} (in use: ${assigned})`, kind: "UmpEndpoint", differing });
        }
        const outs = await writeAndVerify(client, id, differing, inputs, {}, computedOf(live));
        return { id, outs };
    },

    async read(id, props) {
        const live = await api.getEndpoint(umpClient(), id);
        if (!live) {
            return { id: "" };
        }
        // Only attributes this resource manages are refreshed; the rest of the user is not ours.
        const managed = umpAttributeKeys.filter((key) => key in props);
        return { id, props: outputsOf({ ...props, ...liveAttributes(id, live, managed) }, computedOf(live)) };
    },

    async update(id, olds, news) {
        const computed = Object.fromEntries(umpEndpointComputedKeys.map((key) => [key, olds[key]]));
        const outs = await writeAndVerify(umpClient(), id, changedKeys(umpAttributeKeys, olds, news), news, olds, computed);
        return { outs };
    },

    async delete(id) {
        // Releases the number and leaves the directory user; a user already gone is done.
        const client = umpClient();
        let unknownOutcome: Error | undefined;
        try {
            if (!(await api.releaseNumber(client, id))) {
                return;
            }
        } catch (error) {
            if (!outcomeUnknown(error)) {
                throw error;
            }
            unknownOutcome = error as Error; // settled by the read below
        }
        // The release answers "Success" either way: read it back, so a number is never reported free while assigned.
        const live = await api.getEndpoint(client, id);
        const still = live && voiceAssignment(id, live);
        if (still) {
            const rerun = "it stays in the state. Run `pulumi destroy` or `pulumi up` again.";
            throw new Error(
                unknownOutcome
                    ? `${unknownOutcome.message}. Read back, the endpoint still has ${still}; ${rerun}`
                    : `AudioCodes UMP: ${api.releaseOperation(id)} answered as done, but reading the endpoint back shows ${still} ` +
                          `(LineURI and PrivateLine should be cleared and Enterprise Voice off); ${rerun}`,
            );
        }
    },
};
