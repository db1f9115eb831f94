/**
 * The AudioCodes UMP 365 ENT calls (`sysadmin/api`) this package makes, one function each, in the
 * vendor's spelling. Every answer is read through `ump-answers.ts`; case conversion and
 * normalization happen in the handlers and lookups.
 */
import type { z } from "zod";
import { noAnswer, type JsonAnswer } from "../http/answer";
import type { VendorClient } from "../http/client";
import { orMissing } from "../http/or-missing";
import { umpAnswers, type UmpEndpointDetail } from "./ump-answers";

export type WireObject = Record<string, unknown>;
export type WireEndpoint = z.output<typeof UmpEndpointDetail>;

/** The seed writes SIP addresses into the path as they are (`proxy/endpoint/sip:user@domain`). */
export function endpointPath(sipAddress: string, suffix = ""): string {
    const segment = encodeURIComponent(sipAddress).replace(/%3A/gi, ":").replace(/%40/g, "@");
    return `proxy/endpoint/${segment}${suffix}`;
}

/** Undefined when UMP says the user is not in the directory (its own 404). */
export const getEndpoint = (client: VendorClient, sipAddress: string) =>
    orMissing(client.send({ operation: `read endpoint ${sipAddress}`, method: "GET", path: endpointPath(sipAddress), answer: umpAnswers.endpoint }));

/** How a `/script` call is named in errors. */
export const scriptOperation = (sipAddress: string, attributes: WireObject) => `update endpoint ${sipAddress} (${Object.keys(attributes).join(", ")})`;

/**
 * Applies the given attributes to the endpoint in one call. The values are absolute, so the call
 * is safe to repeat. The seed shows no answer body, so none is read (an empty or JSON body is
 * accepted; an HTML page is not). `purpose` words the operation for errors.
 */
export const runScript = (client: VendorClient, sipAddress: string, attributes: WireObject, purpose?: string) =>
    client.send({
        operation: purpose ?? scriptOperation(sipAddress, attributes),
        method: "PUT",
        path: endpointPath(sipAddress, "/script"),
        json: attributes,
        answer: noAnswer,
        idempotent: true,
    });

export const releaseOperation = (sipAddress: string) => `release the number of endpoint ${sipAddress}`;

/** Resolves to false when UMP says the user is no longer in the directory. */
export async function releaseNumber(client: VendorClient, sipAddress: string): Promise<boolean> {
    const release = { EnterpriseVoiceEnabled: false, LineURI: null, PrivateLine: null };
    const done = await orMissing(runScript(client, sipAddress, release, releaseOperation(sipAddress)).then(() => true));
    return done ?? false;
}

const read = <T>(client: VendorClient, what: string, path: string, answer: JsonAnswer<T>) =>
    client.send({ operation: `read ${what}`, method: "GET", path, answer });

export const getLicense = (client: VendorClient) => read(client, "the license", "license", umpAnswers.license);

export const getNumberRanges = async (client: VendorClient) => (await read(client, "the number ranges", "numberrange", umpAnswers.numberRanges)).rows;

export const getSignInDomains = (client: VendorClient) => read(client, "the sign-in domains", "signindomain", umpAnswers.signInDomains);

export const getRegistrarPools = (client: VendorClient) => read(client, "the registrar pools", "proxy/registrarpools", umpAnswers.registrarPools);

/** Every directory user, as the summary the list call returns (`{Total, Data}`); it takes no parameters. */
export const listEndpoints = async (client: VendorClient) =>
    (
        await client.send({
            operation: "list endpoints",
            method: "POST",
            path: "proxy/endpoint/list",
            answer: umpAnswers.endpointList,
            idempotent: true,
            readOnly: true, // a read, although the vendor made it a POST
        })
    ).Data;
