import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import type { PbxRoleArgsInput, PbxRoleInputs } from "./pbx-role.schema";
import provider = require("../providers/pbx-role");

/** Arguments of a PbxRole; see the README for every field. */
export type PbxRoleArgs = { [K in keyof PbxRoleArgsInput]: pulumi.Input<PbxRoleArgsInput[K]> };

/**
 * A custom role of a PortSIP PBX. Its id is the role name; renaming replaces it. Built-in roles
 * cannot be managed.
 */
export class PbxRole extends pulumi.dynamic.Resource {
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly permissions: pulumi.Output<PbxRoleInputs["permissions"]>;

    constructor(name: string, args: PbxRoleArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args }, opts, typeModule, "PbxRole");
    }
}
