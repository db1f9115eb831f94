import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps } from "../dynamic/resource-options";
import type { PbxRoleArgs, PbxRoleOutputProperties } from "./pbx-role.generated";
import { PbxRoleArgsSchema } from "./pbx-role.schema";
import provider = require("../providers/pbx-role");

export type { PbxRoleArgs, PbxRoleOutputs } from "./pbx-role.generated";

const outputKeys = outputKeysOf(PbxRoleArgsSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (pbx-role.generated.ts).
export interface PbxRole extends PbxRoleOutputProperties {}

/**
 * A custom role of a PortSIP PBX. Its id is the role name; renaming replaces it. Built-in roles
 * cannot be managed. Reference: docs/resources/pbx-role.md.
 */
export class PbxRole extends pulumi.dynamic.Resource {
    /**
     * A read-only reference to an existing role, by its name: its description and permissions as
     * the PBX reports them. Nothing is created, changed or deleted; a role that does not exist fails
     * the deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): PbxRole {
        return new PbxRole(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: PbxRoleArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, resourceProps(args, outputKeys), opts, typeModule, "PbxRole");
    }
}
