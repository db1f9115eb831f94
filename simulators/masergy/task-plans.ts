/**
 * The steps of each task type and what each step does to the BroadWorks state. Steps run in
 * order; a step that cannot do its work fails with a message, and what earlier steps did stays
 * done (the guide leaves compensation to the API consumer). Duplicate user ids and taken numbers
 * are found here, by the job, not when the request is accepted.
 */
import { randomInt } from "node:crypto";
import { DEVICE_MODELS } from "./catalog";
import type { RequestKind } from "./requests";
import type { MasergyState, MasergyUserRecord } from "./state";

export class StepFailure extends Error {}

export interface PlannedStep {
  name: string;
  /** Does the step's work; may return result data; throws StepFailure when it cannot. */
  run(): Record<string, string> | void;
}

type Request = Record<string, unknown>;

const str = (value: unknown) => value as string;

function existing(state: MasergyState, request: Request): MasergyUserRecord {
  const user = state.user(str(request.userId));
  if (!user) throw new StepFailure(`User ${request.userId} does not exist`);
  if (user.groupId !== request.groupId) throw new StepFailure(`User ${request.userId} is not in group ${request.groupId}`);
  return user;
}

function assignNumber(state: MasergyState, user: MasergyUserRecord, phoneNumber: string): void {
  const group = state.group(user.groupId, user.enterpriseId)!;
  if (!group.phoneNumbers.includes(phoneNumber)) throw new StepFailure(`Phone number ${phoneNumber} does not belong to group ${group.groupId}`);
  const holder = state.listUsers().find((other) => other.phoneNumber === phoneNumber && other.userId !== user.userId);
  if (holder) throw new StepFailure(`Phone number ${phoneNumber} is already assigned to another user`);
  user.phoneNumber = phoneNumber;
}

function createPlan(state: MasergyState, r: Request): PlannedStep[] {
  const user = () => state.user(str(r.userId))!;
  const steps: PlannedStep[] = [
    { name: "validate request", run: () => undefined },
    {
      name: "create account",
      run: () => {
        if (state.user(str(r.userId))) throw new StepFailure(`User ${r.userId} already exists`);
        const clash = state.listUsers().find((other) => other.groupId === r.groupId && other.extension === r.extension);
        if (clash) throw new StepFailure(`Extension ${r.extension} is already used in group ${r.groupId}`);
        state.putUser({
          enterpriseId: str(r.enterpriseId ?? state.defaultEnterpriseId),
          groupId: str(r.groupId),
          userId: str(r.userId),
          firstName: str(r.firstName),
          lastName: str(r.lastName),
          emailAddress: r.emailAddress as string | undefined,
          webPortalPassword: str(r.webPortalPassword),
          extension: str(r.extension),
          voicemail: false,
          voicemailTranscriptionMachine: false,
          ucOverlay: r.ucOverlay === true,
          addressType: str(r.addressType),
          timeZone: str(r.timeZone),
          conference: false,
          createdAt: new Date().toISOString(),
        });
      },
    },
  ];
  if (r.phoneNumber) steps.push({ name: "assign phone number", run: () => assignNumber(state, user(), str(r.phoneNumber)) });
  steps.push({
    name: "assign service pack",
    run: () => {
      const group = state.group(user().groupId, user().enterpriseId)!;
      if (!group.servicePacks.includes(str(r.mainServicePack))) {
        throw new StepFailure(`Service pack ${r.mainServicePack} is not available in group ${group.groupId}`);
      }
      user().mainServicePack = str(r.mainServicePack);
    },
  });
  if (r.addressType === "DEVICE" && r.deviceModel) {
    steps.push({
      name: "create device",
      run: () => {
        if (!DEVICE_MODELS.includes(str(r.deviceModel))) throw new StepFailure(`Device model ${r.deviceModel} is not available`);
      },
    });
    steps.push({
      name: "assign device",
      run: () => void Object.assign(user(), { deviceModel: r.deviceModel, deviceMacAddress: (r.deviceMacAddress as string | undefined)?.toUpperCase() }),
    });
  }
  if (r.addressType === "TRUNK") {
    steps.push({ name: "assign trunk", run: () => void Object.assign(user(), { trunkGroup: r.trunkGroup, enterpriseTrunk: r.enterpriseTrunk }) });
  }
  if (r.voicemail === true) {
    steps.push({
      name: "configure voicemail",
      run: () =>
        void Object.assign(user(), {
          voicemail: true,
          voicePortalPasscode: r.voicePortalPasscode,
          voicemailTranscriptionMachine: r.voicemailTranscriptionMachine === true,
        }),
    });
  }
  if (r.conference === true) {
    steps.push({
      name: "create conference bridge",
      run: () => {
        const conferenceId = (r.conferenceBridgeId as string | undefined) ?? `bridge-${randomInt(100_000, 999_999)}`;
        const conferenceModeratorPin = String(randomInt(100_000, 999_999));
        Object.assign(user(), { conference: true, conferenceBridgeId: r.conferenceBridgeId, conferenceId, conferenceModeratorPin });
        return { conferenceId, conferenceModeratorPin };
      },
    });
  }
  return steps;
}

function deletePlan(state: MasergyState, r: Request): PlannedStep[] {
  const current = state.user(str(r.userId));
  const steps: PlannedStep[] = [];
  if (current?.deviceModel) steps.push({ name: "delete device", run: () => void Object.assign(existing(state, r), { deviceModel: undefined }) });
  if (current?.phoneNumber) steps.push({ name: "release phone number", run: () => void (existing(state, r).phoneNumber = undefined) });
  steps.push({ name: "delete account", run: () => state.deleteUser(existing(state, r).userId) });
  return steps;
}

const PLANS: Record<RequestKind, (state: MasergyState, request: Request) => PlannedStep[]> = {
  create: createPlan,
  delete: deletePlan,
  update_name: (state, r) => [
    { name: "update name", run: () => void Object.assign(existing(state, r), { firstName: r.firstName, lastName: r.lastName }) },
  ],
  update_phone_number: (state, r) => [
    {
      name: "release phone number",
      run: () => {
        const user = existing(state, r);
        if (!r.phoneNumber && user.deviceModel) throw new StepFailure(`User ${r.userId} has a device and needs a phone number`);
        if (r.phoneNumber) {
          const group = state.group(user.groupId, user.enterpriseId)!;
          if (!state.availablePhoneNumbers(group).includes(str(r.phoneNumber)) && user.phoneNumber !== r.phoneNumber) {
            throw new StepFailure(`Phone number ${r.phoneNumber} is not available in group ${group.groupId}`);
          }
        }
        user.phoneNumber = undefined;
      },
    },
    ...(r.phoneNumber ? [{ name: "assign phone number", run: () => assignNumber(state, existing(state, r), str(r.phoneNumber)) }] : []),
  ],
  update_web_portal_password: (state, r) => [
    { name: "set web portal password", run: () => void (existing(state, r).webPortalPassword = str(r.webPortalPassword)) },
  ],
};

export function planFor(kind: RequestKind, state: MasergyState, request: Request): PlannedStep[] {
  return PLANS[kind](state, request);
}
