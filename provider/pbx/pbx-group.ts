import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { withComputedOutputs } from "../dynamic/resource-options";
import type { PbxGroupArgsInput, PbxGroupInputs } from "./pbx-group.schema";
import provider = require("../providers/pbx-group");

/**
 * Arguments of a PbxGroup; see the README for every field. `members` takes each extension as an
 * input of its own, so a PbxUser's `extensionNumber` output can go in directly.
 */
export type PbxGroupArgs = { [K in keyof Omit<PbxGroupArgsInput, "members">]: pulumi.Input<PbxGroupArgsInput[K]> } & {
    members?: pulumi.Input<pulumi.Input<string>[]>;
};

/**
 * A user group of a PortSIP PBX and its members. Its id is the PBX's group id; everything,
 * the name included, updates in place, and members are added and removed one by one.
 */
export class PbxGroup extends pulumi.dynamic.Resource {
    /** The PBX's id of the group (the same as `id`). */
    declare readonly groupId: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly outboundCallerIds: pulumi.Output<PbxGroupInputs["outboundCallerIds"]>;
    /** The members' extension numbers, sorted. */
    declare readonly members: pulumi.Output<string[]>;

    constructor(name: string, args: PbxGroupArgs, opts?: pulumi.CustomResourceOptions) {
        // Optional inputs are seeded too, so each is an output even when the program leaves it out.
        super(provider, name, withComputedOutputs(args, ["groupId", "description", "outboundCallerIds", "members"]), opts, typeModule, "PbxGroup");
    }
}
