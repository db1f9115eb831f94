import * as pulumi from "@pulumi/pulumi";
import { typeModule } from "../dynamic/kinds";
import { secretArgs, withSecretOutputs } from "../dynamic/resource-options";
import { teamsEnterpriseUserSecretKeys, type TeamsEnterpriseUserArgsInput, type TeamsEnterpriseUserInputs } from "./teams-enterprise-user.schema";
import provider = require("../providers/teams-enterprise-user");

/** Arguments of a TeamsEnterpriseUser; see the README for every field. */
export type TeamsEnterpriseUserArgs = { [K in keyof TeamsEnterpriseUserArgsInput]: pulumi.Input<TeamsEnterpriseUserArgsInput[K]> };

/**
 * A Microsoft Teams user enabled for calling through ConnecttoTeams. Its id is `<tenantId>/<loginId>`;
 * changing either replaces the user, everything else is applied in place through configureUser.
 * Passwords are secrets. The vendor has no read endpoint, so refresh keeps the last applied state.
 */
export class TeamsEnterpriseUser extends pulumi.dynamic.Resource {
    declare readonly tenantId: pulumi.Output<string>;
    declare readonly loginId: pulumi.Output<string>;
    declare readonly pbxLocation: pulumi.Output<string>;
    declare readonly pbxUserId: pulumi.Output<string>;
    declare readonly sbcGatewayId: pulumi.Output<number>;
    declare readonly teamsUserId: pulumi.Output<string>;
    declare readonly userType: pulumi.Output<string>;
    declare readonly phoneNumber: pulumi.Output<string | undefined>;
    declare readonly callPolicyInfo: pulumi.Output<TeamsEnterpriseUserInputs["callPolicyInfo"]>;
    declare readonly pbxCallPolicyInfo: pulumi.Output<TeamsEnterpriseUserInputs["pbxCallPolicyInfo"]>;
    declare readonly password: pulumi.Output<string | undefined>;
    declare readonly portalPassword: pulumi.Output<string | undefined>;
    declare readonly provisioningPassword: pulumi.Output<string | undefined>;

    constructor(name: string, args: TeamsEnterpriseUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            secretArgs(args, teamsEnterpriseUserSecretKeys),
            withSecretOutputs(opts, teamsEnterpriseUserSecretKeys),
            typeModule,
            "TeamsEnterpriseUser",
        );
    }
}
