import * as pulumi from "@pulumi/pulumi";
import { outputKeysOf, resourceProps, withSecretOutputs } from "../dynamic/resource-options";
import { UcaasResource } from "../dynamic/ucaas-resource";
import type { TeamsEnterpriseUserArgs, TeamsEnterpriseUserOutputProperties } from "./teams-enterprise-user.generated";
import { teamsGetRefusal } from "./teams-enterprise-user.get";
import { TeamsEnterpriseUserArgsSchema, teamsEnterpriseUserSecretKeys } from "./teams-enterprise-user.schema";

export type { TeamsEnterpriseUserArgs, TeamsEnterpriseUserOutputs } from "./teams-enterprise-user.generated";

const outputKeys = outputKeysOf(TeamsEnterpriseUserArgsSchema);

// Every property as a declared `pulumi.Output`, generated from the schema (teams-enterprise-user.generated.ts).
export interface TeamsEnterpriseUser extends TeamsEnterpriseUserOutputProperties {}

/**
 * A Microsoft Teams user enabled for calling through ConnecttoTeams. Its id is `<tenantId>/<loginId>`;
 * changing either replaces the user, everything else is applied in place through configureUser.
 * Passwords are secrets. The vendor has no read endpoint, so refresh keeps the last applied state.
 * Reference: docs/resources/teams-enterprise-user.md.
 */
export class TeamsEnterpriseUser extends UcaasResource {
    /**
     * Not supported, and it throws when called: ConnecttoTeams documents no endpoint that reads a
     * user, so there is nothing to read by id. Declare the user (with `adopt: true` to take over an
     * existing one) and use its outputs instead.
     */
    static get(_name: string, _id: pulumi.Input<pulumi.ID>, _opts?: pulumi.CustomResourceOptions): never {
        throw new Error(teamsGetRefusal);
    }

    constructor(name: string, args: TeamsEnterpriseUserArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "TeamsEnterpriseUser",
            name,
            resourceProps(args, outputKeys, teamsEnterpriseUserSecretKeys),
            withSecretOutputs(opts, teamsEnterpriseUserSecretKeys),
        );
    }
}
