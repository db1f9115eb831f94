import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { secretArgs, withComputedOutputs, withSecretOutputs } from "../dynamic/resource-options";
import { pbxUserSecretKeys, type PbxUserArgsInput, type PbxUserInputs } from "./pbx-user.schema";
import provider = require("../providers/pbx-user");

/** Arguments of a PbxUser; see the README for every field. */
export type PbxUserArgs = { [K in keyof PbxUserArgsInput]: pulumi.Input<PbxUserArgsInput[K]> };

/**
 * An extension user of a PortSIP PBX. Its id is the PBX's user id; `name` and `extensionNumber`
 * replace the user, everything else updates in place. Passwords and the voicemail PIN are secrets.
 */
export class PbxUser extends pulumi.dynamic.Resource {
    /** The PBX's id of the user (the same as `id`). */
    declare readonly userId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly extensionNumber: pulumi.Output<string>;
    declare readonly displayName: pulumi.Output<string>;
    declare readonly email: pulumi.Output<string>;
    declare readonly role: pulumi.Output<string>;
    declare readonly password: pulumi.Output<string | undefined>;
    declare readonly extensionPassword: pulumi.Output<string | undefined>;
    declare readonly voicemailPin: pulumi.Output<string | undefined>;
    declare readonly ms365UserId: pulumi.Output<string | undefined>;
    declare readonly enabled: pulumi.Output<PbxUserInputs["enabled"]>;

    constructor(name: string, args: PbxUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            withComputedOutputs(secretArgs(args, pbxUserSecretKeys), ["userId"]),
            withSecretOutputs(opts, pbxUserSecretKeys),
            typeModule,
            "PbxUser",
        );
    }
}
