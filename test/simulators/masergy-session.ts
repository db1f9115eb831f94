/** For the Masergy simulator tests: a valid user/create body, and one simulator per file with a logged-in client. */
import { startMasergySimulator, type MasergySimulatorHandle, type MasergySimulatorOptions } from "../../simulators";
import { call, type HttpResult } from "../helpers/sim-http";

export const MASERGY_API = "/apiman-gateway/MasergyUCaaS/provisioning/1.0";
export const MASERGY_TOKEN_PATH = "/auth/realms/ucaas/protocol/openid-connect/token";

/** A valid user/create body; tests override what they exercise. */
export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    groupId: "SIM-NYC",
    userId: "jdoe@example.com",
    firstName: "Jane",
    lastName: "Doe",
    webPortalPassword: "portal-Passw0rd",
    phoneNumber: "+12125550101",
    extension: "0101",
    mainServicePack: "UC-Standard",
    voicemail: false,
    voicemailTranscriptionMachine: false,
    ucOverlay: false,
    addressType: "NONE",
    timeZone: "America/New_York",
    conference: false,
    ...overrides,
  };
}

export interface MasergySession {
  sim(): MasergySimulatorHandle;
  /** A provisioning API call below the API base (`user/create`), with the session's token. */
  api(method: string, path: string, json?: unknown): Promise<HttpResult>;
  /** The task report's body, as it is now. */
  view(taskId: string): Promise<any>;
  /** Polls the task report until the task has ended. */
  settle(taskId: string): Promise<any>;
}

/** Mocha hooks: one simulator for the file (jobs of 40 ms unless told), reset and logged in before each test. */
export function useMasergySession(options: MasergySimulatorOptions = {}): MasergySession {
  let sim: MasergySimulatorHandle;
  let token: string;
  before(async () => {
    sim = await startMasergySimulator({ jobDurationMs: 40, ...options });
  });
  beforeEach(async () => {
    sim.reset();
    const grant = { grant_type: "refresh_token", client_id: "token-api", refresh_token: sim.refreshToken };
    token = (await call(sim.url, "POST", MASERGY_TOKEN_PATH, { form: grant })).body.access_token;
  });
  after(() => sim.stop());
  const api = (method: string, path: string, json?: unknown) => call(sim.url, method, `${MASERGY_API}/${path}`, { token, ...(json !== undefined && { json }) });
  const view = async (taskId: string) => (await api("GET", `task/${taskId}/view`)).body;
  const settle = async (taskId: string) => {
    for (;;) {
      const current = await view(taskId);
      if (current.status === "COMPLETED" || current.status === "FAILED") return current;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { sim: () => sim, api, view, settle };
}
