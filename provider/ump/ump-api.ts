/**
 * The AudioCodes UMP 365 ENT calls (`sysadmin/api`) this package makes, one function each, in the
 * vendor's spelling. Case conversion and normalization happen in the handlers and lookups.
 */
import type { VendorClient } from "../http/client";
import { orMissing } from "../http/or-missing";

export type WireObject = Record<string, unknown>;

/** The seed writes SIP addresses into the path as they are (`proxy/endpoint/sip:user@domain`). */
export function endpointPath(sipAddress: string, suffix = ""): string {
    const segment = encodeURIComponent(sipAddress).replace(/%3A/gi, ":").replace(/%40/g, "@");
    return `proxy/endpoint/${segment}${suffix}`;
}

/** Undefined when the user is not in the directory (404). */
export const getEndpoint = (client: VendorClient, sipAddress: string) =>
    orMissing(client.send<WireObject>({ operation: `read endpoint ${sipAddress}`, method: "GET", path: endpointPath(sipAddress) }));

/**
 * Applies the given attributes to the endpoint in one call. The values are absolute, so the call
 * is safe to repeat. `purpose` words the operation for errors.
 */
export const runScript = (client: VendorClient, sipAddress: string, attributes: WireObject, purpose?: string) =>
    client.send({
        operation: purpose ?? `update endpoint ${sipAddress} (${Object.keys(attributes).join(", ")})`,
        method: "PUT",
        path: endpointPath(sipAddress, "/script"),
        json: attributes,
        idempotent: true,
    });

/** Resolves to false when the user was no longer in the directory. */
export async function releaseNumber(client: VendorClient, sipAddress: string): Promise<boolean> {
    const release = { EnterpriseVoiceEnabled: false, LineURI: null, PrivateLine: null };
    const done = await orMissing(runScript(client, sipAddress, release, `release the number of endpoint ${sipAddress}`).then(() => true));
    return done ?? false;
}

const read = <T>(client: VendorClient, what: string, path: string) =>
    client.send<T>({ operation: `read ${what}`, method: "GET", path });

export const getLicense = (client: VendorClient) => read<WireObject>(client, "the license", "license");

export const getNumberRanges = async (client: VendorClient) =>
    (await read<{ rows?: WireObject[] }>(client, "the number ranges", "numberrange"))?.rows ?? [];

export const getSignInDomains = (client: VendorClient) => read<WireObject[]>(client, "the sign-in domains", "signindomain");

export const getRegistrarPools = (client: VendorClient) => read<WireObject[]>(client, "the registrar pools", "proxy/registrarpools");

/** Every directory user, as the summary the list call returns (`{Total, Data}`); it takes no parameters. */
export const listEndpoints = async (client: VendorClient) =>
    (
        await client.send<{ Total?: number; Data?: WireObject[] }>({
            operation: "list endpoints",
            method: "POST",
            path: "proxy/endpoint/list",
            idempotent: true, // a read, although the vendor made it a POST
        })
    )?.Data ?? [];
