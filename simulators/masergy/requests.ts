/**
 * The provisioning API's basic validation, done before anything is queued: the guide's field
 * lists, types, lengths, formats and cross-field rules, and that the enterprise and group exist.
 * Whatever needs the current state of users (duplicate user ids, taken numbers, service packs,
 * device models) is the job's business, as in an asynchronous system.
 */
import { Problems, all, boolean, checkFields, custom, oneOf, string, type Shape } from "../common/validate";
import { notAccepted } from "./errors";
import type { MasergyState } from "./state";
import { SUPPORTED_TIME_ZONES } from "./time-zones";

const e164 = string({ min: 2, max: 16, pattern: /^\+[1-9][0-9]{1,14}$/, rule: "must be a phone number in E.164 format, e.g. +12125550100" });
const email = (max: number) => string({ min: 3, max, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, rule: "must be an email address" });
const webhookUrl = all(
  string({ min: 1, max: 256 }),
  custom((value) => (/^https?:\/\/[^\s/]+/.test(value as string) ? undefined : "must be a fully qualified http:// or https:// URL")),
);

const NOTIFICATIONS: Shape = {
  userData: { check: string({ max: 4000 }), nullable: true },
  notificationWebhookUrl: { check: webhookUrl, nullable: true },
  notificationEmailAddress: { check: email(256), nullable: true },
};

const USER_KEY: Shape = {
  ...NOTIFICATIONS,
  enterpriseId: { check: string({ min: 1, max: 30 }), nullable: true },
  groupId: { check: string({ min: 1, max: 30 }), required: true },
  userId: { check: string({ min: 1, max: 161, pattern: /^\S+$/, rule: "must not contain spaces" }), required: true },
};

const personName = string({ min: 1, max: 30, pattern: /^[^%+\\"]*$/, rule: 'must not contain % + \\ or "' });
const password = string({ min: 6, max: 60 });

const CREATE: Shape = {
  ...USER_KEY,
  firstName: { check: personName, required: true },
  lastName: { check: personName, required: true },
  emailAddress: { check: email(80), nullable: true },
  webPortalPassword: { check: password, required: true },
  phoneNumber: { check: e164, nullable: true },
  extension: { check: string({ min: 2, max: 20, pattern: /^[0-9]+$/, rule: "must be digits" }), required: true },
  mainServicePack: { check: string({ min: 1, max: 80 }), required: true },
  voicemail: { check: boolean, required: true },
  voicePortalPasscode: { check: string({ min: 4, max: 30, pattern: /^[0-9]+$/, rule: "must be digits" }), nullable: true },
  voicemailTranscriptionMachine: { check: boolean, required: true },
  ucOverlay: { check: boolean, required: true },
  addressType: { check: oneOf(["DEVICE", "TRUNK", "NONE"]), required: true },
  trunkGroup: { check: string({ min: 1, max: 80 }), nullable: true },
  enterpriseTrunk: { check: string({ min: 1, max: 80 }), nullable: true },
  deviceModel: { check: string({ min: 1, max: 40 }), nullable: true },
  deviceMacAddress: { check: string({ min: 12, max: 12, pattern: /^[0-9A-Fa-f]{12}$/, rule: "must be 12 hex digits without separators" }), nullable: true },
  timeZone: { check: oneOf(SUPPORTED_TIME_ZONES), required: true },
  conference: { check: boolean, required: true },
  conferenceBridgeId: { check: string({ min: 1, max: 80 }), nullable: true },
};

const UPDATE_NAME: Shape = { ...USER_KEY, firstName: { check: personName, required: true }, lastName: { check: personName, required: true } };
const UPDATE_PHONE_NUMBER: Shape = { ...USER_KEY, phoneNumber: { check: e164, nullable: true } };
const UPDATE_WEB_PORTAL_PASSWORD: Shape = { ...USER_KEY, webPortalPassword: { check: password, required: true } };

export type RequestKind = "create" | "delete" | "update_name" | "update_phone_number" | "update_web_portal_password";

const SHAPES: Record<RequestKind, Shape> = {
  create: CREATE,
  delete: USER_KEY,
  update_name: UPDATE_NAME,
  update_phone_number: UPDATE_PHONE_NUMBER,
  update_web_portal_password: UPDATE_WEB_PORTAL_PASSWORD,
};

/** The guide's "X requires Y" rules of user/create. */
function createRules(body: Record<string, unknown>, problems: Problems): void {
  const rule = (broken: boolean, field: string, message: string) => broken && problems.add(field, message);
  rule(body.voicemail === true && !body.emailAddress, "emailAddress", "is required when voicemail is true");
  rule(body.voicemail === true && !body.voicePortalPasscode, "voicePortalPasscode", "is required when voicemail is true");
  rule(body.voicemailTranscriptionMachine === true && body.voicemail !== true, "voicemailTranscriptionMachine", "requires voicemail to be true");
  rule(!!body.deviceModel && !body.phoneNumber, "deviceModel", "requires phoneNumber");
  rule(!!body.deviceModel && body.addressType !== "DEVICE", "deviceModel", "is only used with addressType DEVICE");
  rule(!!body.deviceMacAddress && !body.deviceModel, "deviceMacAddress", "is only used with deviceModel");
  rule(!!body.trunkGroup && body.addressType !== "TRUNK", "trunkGroup", "is only used with addressType TRUNK");
  rule(!!body.enterpriseTrunk && body.addressType !== "TRUNK", "enterpriseTrunk", "is only used with addressType TRUNK");
  rule(!!body.conferenceBridgeId && body.conference !== true, "conferenceBridgeId", "is only used with conference true");
}

/** Validates the body of one write; throws the API's `accepted: false` answer listing every problem. */
export function validateRequest(kind: RequestKind, state: MasergyState, body: unknown): Record<string, unknown> {
  const problems = new Problems();
  checkFields(body, "", SHAPES[kind], problems);
  if (!problems.empty) throw notAccepted(problems.list);
  const request = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([, v]) => v !== null));
  if (kind === "create") createRules(request, problems);
  if (!state.group(request.groupId as string, request.enterpriseId as string | undefined)) {
    problems.add("groupId", `group ${request.groupId} does not exist in enterprise ${request.enterpriseId ?? state.defaultEnterpriseId}`);
  }
  if (!problems.empty) throw notAccepted(problems.list);
  return request;
}
