import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, referenceArgs, referenceOptions, resourceProps } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { PbxGroupArgs, PbxGroupOutputProperties } from "./pbx-group.generated";
import { PbxGroupArgsSchema, PbxGroupComputedSchema } from "./pbx-group.schema";

export type { PbxGroupArgs, PbxGroupOutputs } from "./pbx-group.generated";

const outputKeys = outputKeysOf(PbxGroupArgsSchema, PbxGroupComputedSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (pbx-group.generated.ts).
export interface PbxGroup extends PbxGroupOutputProperties {}

/**
 * A user group of a PortSIP PBX and its members. Its id is the PBX's group id; everything, the
 * name included, updates in place, and members are added and removed one by one. `members` takes
 * each extension as an Input of its own, so a PbxUser's `extensionNumber` output goes in directly.
 * Reference: docs/resources/pbx-group.md.
 */
export class PbxGroup extends UcaasResource {
    /**
     * A read-only reference to an existing group, by the PBX's group id: its name, description,
     * outbound caller ids and members as the PBX reports them. Nothing is created, changed or
     * deleted; a group that does not exist fails the deployment with an error that names it.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): PbxGroup {
        return new PbxGroup(name, referenceArgs, referenceOptions(id, opts));
    }

    constructor(name: string, args: PbxGroupArgs, opts?: pulumi.CustomResourceOptions) {
        super("PbxGroup", name, resourceProps(args, outputKeys), opts);
    }
}
