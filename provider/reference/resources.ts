/**
 * Every resource the generators document, one line each. The record is keyed by `ResourceKind`, so
 * a resource added to `resourceKinds` does not compile until it has its line here: its
 * `<kind>.reference.ts` (see `ResourceReference`). Then `npm run types` and `npm run docs`.
 */
import { resourceKinds, type ResourceKind } from "../dynamic/kinds";
import type { ResourceReference } from "./resource-reference";

const references: Record<ResourceKind, () => ResourceReference> = {
    MasergyUser: () => require("../masergy/masergy-user.reference").masergyUserReference,
    PbxRole: () => require("../pbx/pbx-role.reference").pbxRoleReference,
    PbxUser: () => require("../pbx/pbx-user.reference").pbxUserReference,
    PbxGroup: () => require("../pbx/pbx-group.reference").pbxGroupReference,
    UmpEndpoint: () => require("../ump/ump-endpoint.reference").umpEndpointReference,
    TeamsEnterpriseUser: () => require("../teams/teams-enterprise-user.reference").teamsEnterpriseUserReference,
};

/** The references of every resource, in the order of `resourceKinds`. */
export function resourceReferences(): ResourceReference[] {
    return resourceKinds.map((kind) => references[kind]());
}
