import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps, withSecretOutputs } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { PbxUserArgs, PbxUserOutputProperties } from "./pbx-user.generated";
import { PbxUserArgsSchema, PbxUserComputedSchema, pbxUserSecretKeys } from "./pbx-user.schema";

export type { PbxUserArgs, PbxUserOutputs } from "./pbx-user.generated";

const outputKeys = outputKeysOf(PbxUserArgsSchema, PbxUserComputedSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (pbx-user.generated.ts).
export interface PbxUser extends PbxUserOutputProperties {}

/**
 * An extension user of a PortSIP PBX. Its id is the PBX's user id; `name` and `extensionNumber`
 * replace the user, everything else updates in place. Passwords and the voicemail PIN are secrets.
 * Reference: docs/resources/pbx-user.md.
 */
export class PbxUser extends UcaasResource {
    /**
     * A read-only reference to an existing user, by the PBX's user id: every field the PBX reports
     * (not the passwords, the voicemail PIN or the Microsoft 365 binding). Nothing is created,
     * changed or deleted; a user that does not exist fails the deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): PbxUser {
        return new PbxUser(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: PbxUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "PbxUser",
            name,
            resourceProps(args, outputKeys, pbxUserSecretKeys),
            withSecretOutputs(opts, pbxUserSecretKeys),
        );
    }
}
