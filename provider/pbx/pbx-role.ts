import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { PbxRoleArgs, PbxRoleOutputProperties } from "./pbx-role.generated";
import { PbxRoleArgsSchema } from "./pbx-role.schema";

export type { PbxRoleArgs, PbxRoleOutputs } from "./pbx-role.generated";

const outputKeys = outputKeysOf(PbxRoleArgsSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (pbx-role.generated.ts).
export interface PbxRole extends PbxRoleOutputProperties {}

/**
 * A custom role of a PortSIP PBX. Its id is the role name; renaming replaces it. Built-in roles
 * cannot be managed. Reference: docs/resources/pbx-role.md.
 */
export class PbxRole extends UcaasResource {
    /**
     * A read-only reference to an existing role, by its name: its description and permissions as
     * the PBX reports them. Nothing is created, changed or deleted; a role that does not exist fails
     * the deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): PbxRole {
        return new PbxRole(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: PbxRoleArgs, opts?: pulumi.CustomResourceOptions) {
        super("PbxRole", name, resourceProps(args, outputKeys), opts);
    }
}
