import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { withComputedOutputs } from "../dynamic/resource-options";
import { umpEndpointComputedKeys, type UmpEndpointArgsInput } from "./ump-endpoint.schema";
import provider = require("../providers/ump-endpoint");

/** Arguments of a UmpEndpoint; see the README for every field. */
export type UmpEndpointArgs = { [K in keyof UmpEndpointArgsInput]: pulumi.Input<UmpEndpointArgsInput[K]> };

/**
 * The Teams / Skype for Business voice settings of a directory user, through AudioCodes UMP 365:
 * number (LineURI), Enterprise Voice, policies, dial plan and the user's address attributes. Its id
 * is the SIP address; the user must already exist. Deleting it releases the number and disables
 * Enterprise Voice, leaving the user and its other attributes alone.
 */
export class UmpEndpoint extends pulumi.dynamic.Resource {
    /** The SIP address, normalized: `sip:` and lower case. */
    declare readonly identity: pulumi.Output<string>;
    declare readonly lineUri: pulumi.Output<string | undefined>;
    declare readonly privateLine: pulumi.Output<string | undefined>;
    declare readonly enterpriseVoiceEnabled: pulumi.Output<boolean | undefined>;
    declare readonly voicePolicy: pulumi.Output<string | undefined>;
    declare readonly dialPlan: pulumi.Output<string | undefined>;
    declare readonly usageLocation: pulumi.Output<string | undefined>;
    /** Reported by UMP: the user's display name in the directory. */
    declare readonly displayName: pulumi.Output<string | undefined>;
    /** Reported by UMP: the user's UPN. */
    declare readonly userPrincipalName: pulumi.Output<string | undefined>;
    /** Reported by UMP: the Skype for Business registrar pool homing the user. */
    declare readonly registrarPool: pulumi.Output<string | undefined>;

    constructor(name: string, args: UmpEndpointArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, withComputedOutputs(args, umpEndpointComputedKeys), opts, typeModule, "UmpEndpoint");
    }
}
