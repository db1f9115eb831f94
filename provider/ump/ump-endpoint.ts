import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { UmpEndpointArgs, UmpEndpointOutputProperties } from "./ump-endpoint.generated";
import { UmpEndpointArgsSchema, UmpEndpointComputedSchema } from "./ump-endpoint.schema";

export type { UmpEndpointArgs, UmpEndpointOutputs } from "./ump-endpoint.generated";

const outputKeys = outputKeysOf(UmpEndpointArgsSchema, UmpEndpointComputedSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (ump-endpoint.generated.ts).
export interface UmpEndpoint extends UmpEndpointOutputProperties {}

/**
 * The Teams / Skype for Business voice settings of a directory user, through AudioCodes UMP 365:
 * number (LineURI), Enterprise Voice, policies, dial plan and the user's address attributes. Its id
 * is the SIP address; the user must already exist. Deleting it releases the number and disables
 * Enterprise Voice, leaving the user and its other attributes alone.
 * Reference: docs/resources/ump-endpoint.md.
 */
export class UmpEndpoint extends UcaasResource {
    /**
     * A read-only reference to a directory user's voice settings, by its SIP address
     * (`sip:alice@contoso.com`): every attribute UMP reports. Nothing is changed or released; a user
     * that is not in the directory fails the deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): UmpEndpoint {
        return new UmpEndpoint(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: UmpEndpointArgs, opts?: pulumi.CustomResourceOptions) {
        super("UmpEndpoint", name, resourceProps(args, outputKeys), opts);
    }
}
