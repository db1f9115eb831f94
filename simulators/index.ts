/**
 * Loopback simulators of the vendor APIs (package export `pulumi-ucaas/simulators`).
 * Each vendor adds its start function and handle type here.
 */
export type { Fault, DropFault, StatusFault, RequestLogEntry, SimulatorHandle } from "./common/types";
export {
  startPortSipSimulator,
  DEFAULT_PORTSIP_TOKEN,
  DEFAULT_PORTSIP_ADMIN,
  PORTSIP_OAUTH_CLIENT_ID,
  type PortSipSimulatorHandle,
  type PortSipSimulatorOptions,
  type PortSipStateSnapshot,
  type LoginAccount,
} from "./portsip/index";
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
  type WebhookDelivery,
  type NotificationEmail,
} from "./masergy/index";
