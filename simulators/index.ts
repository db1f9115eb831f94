/**
 * Loopback simulators of the vendor APIs (package export `pulumi-ucaas/simulators`).
 * Each vendor adds its start function and handle type here.
 */
export type {
  Fault,
  FaultMatch,
  StatusFault,
  DropFault,
  HtmlFault,
  RawFault,
  TruncateFault,
  HugeFault,
  EchoFault,
  LostFault,
  DelayFault,
  IgnoreFault,
  RequestLogEntry,
  SimulatorHandle,
} from "./common/types";
export {
  startPortSipSimulator,
  DEFAULT_PORTSIP_TOKEN,
  DEFAULT_PORTSIP_ADMIN,
  PORTSIP_OAUTH_CLIENT_ID,
  type PortSipSimulatorHandle,
  type PortSipSimulatorOptions,
  type PortSipStateSnapshot,
  type LoginAccount,
  type ExtraPermissionFlags,
} from "./portsip/index";
export {
  startUmpSimulator,
  DEMO_UMP_DIRECTORY,
  type UmpSimulatorHandle,
  type UmpSimulatorOptions,
  type UmpStateSnapshot,
  type EndpointRecord,
  type NumberRangeSeed,
  type NumberRangeSnapshot,
  type PolicyAttribute,
} from "./ump/index";
export {
  startTeamsSimulator,
  DEFAULT_TEAMS_CLIENT,
  DEFAULT_TEAMS_ADMIN,
  DEFAULT_TEAMS_TENANT,
  defaultMicrosoftUsers,
  type TeamsSimulatorHandle,
  type TeamsSimulatorOptions,
  type TeamsStateSnapshot,
  type TeamsUserRecord,
  type TeamsUserStatus,
  type TenantRecord,
  type TeamsAdmin,
  type TeamsOAuthClient,
} from "./teams/index";
export {
  startMicrosoftIdentitySimulator,
  DEFAULT_MICROSOFT_CLIENT,
  DIRECTORY_ROLES,
  type MicrosoftIdentityHandle,
  type MicrosoftIdentityOptions,
  type DirectoryRole,
  type DirectoryTenant,
  type DirectoryUser,
  type PublicClient,
} from "./teams/microsoft/index";
export {
  startMasergySimulator,
  DEFAULT_MASERGY_ACCOUNT,
  DEFAULT_MASERGY_REFRESH_TOKEN,
  MASERGY_OAUTH_CLIENT_ID,
  type MasergySimulatorHandle,
  type MasergySimulatorOptions,
  type MasergyStateSnapshot,
  type MasergyUserRecord,
  type MasergyAccount,
  type TaskFault,
  type TaskView,
  type StepView,
  type WebhookDelivery,
  type NotificationEmail,
} from "./masergy/index";
