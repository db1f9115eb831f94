import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps, withSecretOutputs } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { MasergyUserArgs, MasergyUserOutputProperties } from "./masergy-user.generated";
import { MasergyUserArgsSchema, MasergyUserComputedSchema, masergyUserSecretKeys, masergyUserSecretOutputs } from "./masergy-user.schema";

export type { MasergyUserArgs, MasergyUserOutputs } from "./masergy-user.generated";

const outputKeys = outputKeysOf(MasergyUserArgsSchema, MasergyUserComputedSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (masergy-user.generated.ts).
export interface MasergyUser extends MasergyUserOutputProperties {}

/**
 * A BroadWorks user provisioned through the Masergy UCaaS Provisioning API. Its id is the `userId`.
 * Every change is an asynchronous Masergy job that create, update and delete wait for. Names, phone
 * number and web portal password update in place; every other change replaces the user.
 * Reference: docs/resources/masergy-user.md.
 */
export class MasergyUser extends UcaasResource {
    /**
     * A read-only reference to an existing user, by its BroadWorks user id, in any group: what
     * `user/find` reports (ids, names, phone number, extension, email address; the other outputs
     * are undefined). Nothing is created, changed or deleted; a user that does not exist fails the
     * deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): MasergyUser {
        return new MasergyUser(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: MasergyUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "MasergyUser",
            name,
            resourceProps(args, outputKeys, masergyUserSecretKeys),
            withSecretOutputs(opts, [...masergyUserSecretKeys, ...masergyUserSecretOutputs]),
        );
    }
}
