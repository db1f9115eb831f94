import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { secretArgs, withComputedOutputs, withSecretOutputs } from "../dynamic/resource-options";
import {
    masergyUserComputedKeys,
    masergyUserSecretKeys,
    masergyUserSecretOutputs,
    type MasergyUserArgsInput,
    type MasergyUserInputs,
} from "./masergy-user.schema";
import provider = require("../providers/masergy-user");

/** Arguments of a MasergyUser; see the README for every field. */
export type MasergyUserArgs = { [K in keyof MasergyUserArgsInput]: pulumi.Input<MasergyUserArgsInput[K]> };

/**
 * A BroadWorks user provisioned through the Masergy UCaaS Provisioning API. Its id is the `userId`.
 * Every change is an asynchronous Masergy job that create, update and delete wait for. Names, phone
 * number and web portal password update in place; every other change replaces the user.
 */
export class MasergyUser extends pulumi.dynamic.Resource {
    declare readonly userId: pulumi.Output<string>;
    declare readonly groupId: pulumi.Output<string>;
    declare readonly enterpriseId: pulumi.Output<string | undefined>;
    declare readonly firstName: pulumi.Output<string>;
    declare readonly lastName: pulumi.Output<string>;
    /** E.164, however it was written in the program. */
    declare readonly phoneNumber: pulumi.Output<string | undefined>;
    declare readonly extension: pulumi.Output<string>;
    declare readonly mainServicePack: pulumi.Output<string>;
    declare readonly timeZone: pulumi.Output<MasergyUserInputs["timeZone"]>;
    declare readonly webPortalPassword: pulumi.Output<string | undefined>;
    declare readonly voicePortalPasscode: pulumi.Output<string | undefined>;
    /** The last Masergy job that changed this user, and its task. */
    declare readonly jobId: pulumi.Output<string | undefined>;
    declare readonly taskId: pulumi.Output<string | undefined>;
    /** What the create task generated (secret: it can hold the conference moderator PIN). */
    declare readonly resultData: pulumi.Output<Record<string, string> | undefined>;
    declare readonly conferenceId: pulumi.Output<string | undefined>;
    declare readonly conferenceModeratorPin: pulumi.Output<string | undefined>;

    constructor(name: string, args: MasergyUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            withComputedOutputs(secretArgs(args, masergyUserSecretKeys), masergyUserComputedKeys),
            withSecretOutputs(opts, [...masergyUserSecretKeys, ...masergyUserSecretOutputs]),
            typeModule,
            "MasergyUser",
        );
    }
}
