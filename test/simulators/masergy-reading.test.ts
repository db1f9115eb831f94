/**
 * The Masergy simulator's own reading of the guide (masergy-ucaas-provisioning-api.txt), fact by
 * fact: the supported time zones (simulators/masergy/time-zones.ts) and the task report
 * (simulators/masergy/task-view.ts, where the guide shows no body). Each test names the guide's
 * lines; "reading" marks what the guide leaves open.
 */
import { strict as assert } from "node:assert";
import { SUPPORTED_TIME_ZONES } from "../../simulators/masergy/time-zones";
import { createBody, useMasergySession } from "./masergy-session";
import { sleep } from "./raw-http";

describe("Masergy simulator: its own reading of the guide", () => {
  const { sim, api, settle } = useMasergySession();
  const create = (overrides: Record<string, unknown> = {}) =>
    api("POST", "user/create", createBody({ addressType: "DEVICE", deviceModel: "Yealink T54W", conference: true, ...overrides }));

  describe("time zones (guide lines 347-417)", () => {
    it("lists the 35 supported values in the guide's order, from Etc/UTC (line 350) to Pacific/Honolulu (line 417)", async () => {
      const served = (await api("GET", "user/available_time_zones")).body.timeZones;
      assert.deepEqual(served, SUPPORTED_TIME_ZONES);
      assert.equal(served.length, 35);
      assert.deepEqual([served[0], served[1], served.at(-1)], ["Etc/UTC", "Europe/London", "Pacific/Honolulu"]);
      assert.equal(new Set(served).size, 35);
    });

    it("keeps the guide's older spellings: Asia/Calcutta (line 364), America/Montreal (395), America/Indianapolis (399)", () => {
      for (const zone of ["Asia/Calcutta", "America/Montreal", "America/Indianapolis", "Australia/Broken_Hill", "America/St_Johns"]) {
        assert.ok(SUPPORTED_TIME_ZONES.includes(zone), zone);
      }
    });

    it("refuses a zone the guide does not list, e.g. Asia/Kolkata or Europe/Berlin", async () => {
      for (const timeZone of ["Asia/Kolkata", "Europe/Berlin", "UTC"]) {
        const refused = await create({ timeZone });
        assert.deepEqual([refused.status, refused.body.errors.map((e: { field: string }) => e.field)], [400, ["timeZone"]], timeZone);
      }
    });
  });

  describe("the task report (guide lines 798-802; body not shown)", () => {
    it("lines 160-163: a task is made of named steps such as create account, create device, assign device", async () => {
      const done = await settle((await create()).body.taskId);
      const names = done.steps.map((step: { name: string }) => step.name);
      for (const step of ["create account", "create device", "assign device"]) assert.ok(names.includes(step), step);
      assert.ok(done.steps.every((step: { status: string }) => step.status === "COMPLETED"));
    });

    it("lines 192-194, 204-209: a completed task reports taskResult OK and its resultData (conferenceId, conferenceModeratorPin)", async () => {
      const done = await settle((await create()).body.taskId);
      assert.equal(done.taskResult, "OK");
      assert.deepEqual(Object.keys(done.resultData).sort(), ["conferenceId", "conferenceModeratorPin"]);
    });

    it("lines 123-124, 133: the view carries the job and task ids of the receipt and userData as submitted", async () => {
      const receipt = (await create({ userData: "REF-42" })).body;
      assert.equal(receipt.accepted, true);
      const view = await settle(receipt.taskId);
      assert.deepEqual([view.taskId, view.jobId, view.userData], [receipt.taskId, receipt.jobId, "REF-42"]);
    });

    it("line 182, 257: a job is started, then completed or failed; reading: QUEUED, RUNNING, COMPLETED, FAILED and taskResult FAILED", async () => {
      sim().setJobDuration(800);
      const receipt = (await create()).body;
      assert.equal((await api("GET", `task/${receipt.taskId}/view`)).body.status, "QUEUED");
      await sleep(250);
      const running = (await api("GET", `task/${receipt.taskId}/view`)).body;
      assert.deepEqual([running.status, typeof running.startedAt], ["RUNNING", "string"]);
      assert.equal((await settle(receipt.taskId)).status, "COMPLETED");
      sim().setJobDuration(40);
      const failed = await settle((await create({ userId: "other@example.com", extension: "0102" })).body.taskId);
      assert.deepEqual([failed.status, failed.taskResult], ["FAILED", "FAILED"]);
      assert.equal(failed.steps.find((step: { status: string }) => step.status === "FAILED").message, "Phone number +12125550101 is already assigned to another user");
    });

    it("line 167: one task per call, its type named after the call (reading: CREATE_USER, UPDATE_USER_NAME, ...)", async () => {
      const created = await settle((await create()).body.taskId);
      const renamed = await settle((await api("POST", "user/update_name", { groupId: "SIM-NYC", userId: "jdoe@example.com", firstName: "J", lastName: "D" })).body.taskId);
      assert.deepEqual([created.type, renamed.type], ["CREATE_USER", "UPDATE_USER_NAME"]);
      assert.notEqual(created.jobId, renamed.jobId);
    });
  });
});
