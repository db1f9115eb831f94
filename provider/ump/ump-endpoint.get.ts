/** `UmpEndpoint.get`: a directory user's voice settings read by its SIP address (see dynamic/get.ts). */
import type { GetReader } from "../dynamic/get";
import { umpClient } from "./client";
import { getEndpoint } from "./ump-api";
import { computedOf, liveAttributes } from "./ump-endpoint.live";
import { normalizeSipAddress, umpAttributeKeys } from "./ump-endpoint.schema";
import { wireNameOf } from "./wire";

export const umpEndpointGet: GetReader = {
    describe: (id) => `AudioCodes UMP directory user ${normalizeSipAddress(id)}`,
    async read(id) {
        const sipAddress = normalizeSipAddress(id);
        const live = await getEndpoint(umpClient(), sipAddress);
        if (!live) {
            return undefined;
        }
        // Attributes this UMP leaves out are left out of the reference, not read as cleared.
        const reported = umpAttributeKeys.filter((key) => live[wireNameOf[key]] !== undefined);
        return { id: sipAddress, props: { identity: sipAddress, ...liveAttributes(sipAddress, live, reported), ...computedOf(live) } };
    },
};
