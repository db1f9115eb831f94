/**
 * pulumi-ucaas: UCaaS users, roles and number assignments as Pulumi resources.
 */
export { PbxRole, type PbxRoleArgs, type PbxRoleOutputs } from "./pbx/pbx-role";
export { PbxUser, type PbxUserArgs, type PbxUserOutputs } from "./pbx/pbx-user";
export { PbxGroup, type PbxGroupArgs, type PbxGroupOutputs } from "./pbx/pbx-group";
export * as pbx from "./pbx/lookups";
export { UmpEndpoint, type UmpEndpointArgs, type UmpEndpointOutputs } from "./ump/ump-endpoint";
export * as ump from "./ump/lookups";
export { TeamsEnterpriseUser, type TeamsEnterpriseUserArgs, type TeamsEnterpriseUserOutputs } from "./teams/teams-enterprise-user";
export { MasergyUser, type MasergyUserArgs, type MasergyUserOutputs } from "./masergy/masergy-user";
export * as masergy from "./masergy/lookups";
export type { LookupOutputOptions } from "./lookup-forms";
export {
    VendorApiError,
    VendorAnswerError,
    PortSipApiError,
    MasergyApiError,
    UmpApiError,
    TeamsApiError,
} from "./http/errors";
export { MissingSettingError, SettingsError, envVarName, configKeyName, type SettingKey } from "./config";
export { typeToken, resourceKinds, type ResourceKind } from "./dynamic/kinds";
export { loadRoster, parseRoster, RosterError, type Roster, type RosterProblem, type RosterSections } from "./roster/load";
export { deployRoster, deployRosterAsync, type DeployedRoster, type DeployRosterAsyncOptions } from "./roster/deploy";
export { rosterIdentities } from "./roster/names";
export { rosterOfStack } from "./roster/stack-shard";
export { splitRoster, rosterHash, type RosterShard } from "./roster/shards";
export { MissingSecretsError, type MissingSecret } from "./roster/errors";
