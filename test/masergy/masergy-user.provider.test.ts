import { strict as assert } from "node:assert";
import { MasergyApiError } from "pulumi-ucaas";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { apiRequests, tokenRequests, useMasergySimulator } from "../helpers/masergy";
import { masergyUserArgs } from "../helpers/fixtures";
import { masergyClient } from "../../provider/masergy/client";
import * as masergyApi from "../../provider/masergy/masergy-api";
import { capturingLog, until } from "./provider-runs";

const provider = providerFor("MasergyUser");

type InitError = Error & { id?: string; properties?: Record<string, unknown> };

describe("MasergyUser provider", () => {
    const sim = useMasergySimulator();

    async function createUser(overrides: Record<string, unknown> = {}) {
        const inputs = await checked(provider, masergyUserArgs(overrides));
        const { id, outs } = await provider.create({ ...inputs, __provider: fakeProviderText });
        return { id, inputs, outs: outs as Record<string, unknown> };
    }

    const liveUser = (userId = "jdoe@example.com") => sim().state().users.find((u) => u.userId === userId);

    describe("check", () => {
        it("normalizes phone numbers to E.164, so different spellings of one number never diff", async () => {
            const spaced = await checked(provider, masergyUserArgs({ phoneNumber: "+1 (212) 555-0101" }));
            const compact = await checked(provider, masergyUserArgs({ phoneNumber: "+12125550101" }));
            assert.equal(spaced.phoneNumber, "+12125550101");
            assert.deepEqual(await provider.diff("jdoe@example.com", compact, spaced), { changes: false });
        });

        it("lists every broken rule with its property path, before any request", async () => {
            const result = await provider.check({}, {
                ...masergyUserArgs({
                    voicemail: true,
                    emailAddress: undefined,
                    voicemailTranscriptionMachine: true,
                    deviceModel: "Polycom VVX 450",
                    phoneNumber: undefined,
                    trunkGroup: "tg-1",
                    timeZone: "Europe/Berlin",
                    webPortalPassword: "short",
                    userData: "x".repeat(4001),
                    notificationWebhookUrl: "ftp://hooks.example.com/masergy",
                    notificationEmailAddress: `${"a".repeat(250)}@example.com`,
                }),
                __provider: fakeProviderText,
            });
            const byProperty = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
            // The too short webPortalPassword is reported as the resource's problem, so the engine cannot print it.
            assert.deepEqual(Object.keys(byProperty).sort(), [
                "",
                "deviceModel",
                "emailAddress",
                "notificationEmailAddress",
                "notificationWebhookUrl",
                "phoneNumber",
                "timeZone",
                "trunkGroup",
                "userData",
                "voicePortalPasscode",
            ]);
            assert.match(byProperty[""], /^webPortalPassword \(secret, value not shown\): /);
            assert.match(byProperty.emailAddress, /required when voicemail is true/);
            assert.match(byProperty.deviceModel, /addressType DEVICE/);
            assert.match(byProperty.notificationWebhookUrl, /http/);
            assert.equal(sim().requests().length, 0);
        });

        it("requires voicemail for transcription, deviceModel for a MAC address and conference for a bridge id", async () => {
            const result = await provider.check({}, {
                ...masergyUserArgs({ voicemailTranscriptionMachine: true, deviceMacAddress: "00:04:f2:aa:bb:cc", conferenceBridgeId: "b-1" }),
                __provider: fakeProviderText,
            });
            assert.deepEqual((result.failures ?? []).map((f) => f.property).sort(), ["conferenceBridgeId", "deviceMacAddress", "voicemailTranscriptionMachine"]);
        });

        it("refuses a phone number that is not a valid international number", async () => {
            const result = await provider.check({}, { ...masergyUserArgs({ phoneNumber: "212-555-0101" }), __provider: fakeProviderText });
            assert.deepEqual(result.failures?.map((f) => f.property), ["phoneNumber"]);
        });
    });

    describe("create", () => {
        it("submits user/create with the pass-through fields and waits for the job before returning", async () => {
            const { id, outs } = await createUser({
                userData: "ticket OPS-42",
                notificationEmailAddress: "ops@example.com",
                voicemail: true,
                voicePortalPasscode: "482916",
            });
            assert.equal(id, "jdoe@example.com");
            assert.equal(liveUser()?.phoneNumber, "+12125550101");
            assert.equal(liveUser()?.voicePortalPasscode, "482916");
            const [task] = sim().tasks();
            assert.equal(task.status, "COMPLETED");
            assert.equal(outs.jobId, task.jobId);
            assert.equal(outs.taskId, task.taskId);
            const [create] = apiRequests(sim(), "user/create", "POST");
            assert.equal((create.body as Record<string, unknown>).userData, "ticket OPS-42");
            assert.equal((create.body as Record<string, unknown>).webPortalPassword, "[REDACTED]");
            assert.ok(apiRequests(sim(), `task/${task.taskId}/view`).length >= 1);
            assert.deepEqual(sim().emails().map((e) => e.headers["X-MAS-USER-DATA"]), ["ticket OPS-42"]);
            assert.equal(tokenRequests(sim()).length, 1);
        });

        it("returns the conference id and moderator PIN the create task generated", async () => {
            const { outs } = await createUser({ conference: true });
            const live = liveUser()!;
            assert.equal(outs.conferenceId, live.conferenceId);
            assert.equal(outs.conferenceModeratorPin, live.conferenceModeratorPin);
            assert.deepEqual(outs.resultData, { conferenceId: live.conferenceId, conferenceModeratorPin: live.conferenceModeratorPin });
        });

        it("fails with the vendor's validation message when the request is not accepted", async () => {
            await assert.rejects(createUser({ groupId: "NO-SUCH-GROUP" }), (error: MasergyApiError) => {
                assert.ok(error instanceof MasergyApiError);
                assert.equal(error.statusCode, 400);
                assert.match(error.message, /^Masergy: (find|create) user jdoe@example\.com failed: HTTP 400 VALIDATION_ERROR/);
                return true;
            });
            assert.equal(sim().tasks().length, 0);
        });

        it("fails with the names and messages of the failed steps when the job fails before the account exists", async () => {
            sim().seedUser({ ...wireUser(), userId: "other@example.com", phoneNumber: "+12125550110" });
            await assert.rejects(createUser(), (error: MasergyApiError) => {
                assert.equal(error.name, "MasergyTaskFailedError");
                assert.match(error.message, /create user jdoe@example\.com failed: task .* step "create account" failed: Extension 0101 is already used/);
                return true;
            });
            assert.equal(liveUser(), undefined);
        });

        it("records a user whose create job failed after the account existed; only a live check confirms it broken and plans its replacement", async () => {
            sim().failNextTask({ step: "assign service pack", message: "Service pack quota exceeded" });
            const inputs = await checked(provider, masergyUserArgs());
            let recorded: Record<string, unknown> = {};
            await assert.rejects(provider.create({ ...inputs, __provider: fakeProviderText }), (error: InitError) => {
                assert.equal(error.id, "jdoe@example.com");
                assert.match(error.message, /step "assign service pack" failed: Service pack quota exceeded.*recorded as incomplete; `pulumi up --refresh` checks it live/);
                assert.equal(error.properties?.__provider, fakeProviderText);
                recorded = error.properties!;
                return true;
            });
            const { __provider: _p, ...olds } = recorded;
            // Without a refresh the plan is an update, never a delete on the record alone ...
            assert.deepEqual(await provider.diff("jdoe@example.com", olds, inputs), { changes: true });
            // ... and the update, finding it still broken, sends nothing and asks for the refresh that shows the replacement.
            sim().clearRequests();
            await assert.rejects(
                provider.update("jdoe@example.com", olds, { ...inputs, __provider: fakeProviderText }),
                /^Error: Masergy user jdoe@example\.com is incomplete: its create task \S+ step "assign service pack" failed: Service pack quota exceeded\. .*nothing was sent\. Run `pulumi up --refresh`/,
            );
            assert.equal(sim().requests().filter((r) => r.method === "POST").length, 0);
            // A refresh confirms it, and then the plan replaces it.
            const { result: read, lines } = await capturingLog(() => provider.read("jdoe@example.com", olds));
            assert.match(lines.join("\n"), /^Masergy: user jdoe@example\.com is incomplete: .* The plan replaces it \(deletes it and creates it again\)\.$/);
            const diff = await provider.diff("jdoe@example.com", read.props!, inputs);
            assert.equal(diff.changes, true);
            assert.equal(diff.deleteBeforeReplace, true);
            assert.equal(diff.replaces?.length, 1);
            assert.ok(liveUser());
        });

        it("records a job still running at the deadline, and the next update finishes it without a second create", async () => {
            process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.004";
            try {
                sim().hangNextTask({ step: "create account" });
                const inputs = await checked(provider, masergyUserArgs());
                let recorded: Record<string, unknown> = {};
                await assert.rejects(provider.create({ ...inputs, __provider: fakeProviderText }), (error: InitError) => {
                    assert.equal(error.id, "jdoe@example.com");
                    assert.match(error.message, /was still RUNNING after .*ucaas:masergyJobTimeoutMinutes.*never submits a second create/);
                    recorded = error.properties!;
                    return true;
                });
                const [task] = sim().tasks();
                assert.equal(recorded.jobId, task.jobId);
                assert.equal(recorded.taskId, task.taskId);
                assert.equal(liveUser(), undefined);

                // Still hung: the next run checks the task, sends nothing else, and records it again.
                const { __provider: _p, ...olds } = recorded;
                assert.deepEqual(await provider.diff("jdoe@example.com", olds, inputs), { changes: true }, "an update settles the job");
                await assert.rejects(provider.update("jdoe@example.com", olds, { ...inputs, __provider: fakeProviderText }), (error: InitError) => {
                    assert.equal(error.properties?.taskId, task.taskId);
                    return true;
                });
                sim().releaseTasks();
                const { outs } = await provider.update("jdoe@example.com", olds, { ...inputs, __provider: fakeProviderText });
                assert.equal(outs?.taskId, task.taskId);
                assert.equal(outs?.__pendingJob, undefined);
                assert.ok(liveUser());
                assert.equal(apiRequests(sim(), "user/create", "POST").length, 1, "never a second create");
            } finally {
                process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.5";
            }
        });

        it("settles a recorded create whose task Masergy no longer reports by whether the user exists", async () => {
            process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.002";
            try {
                sim().hangNextTask();
                const inputs = await checked(provider, masergyUserArgs());
                const recorded = await provider.create({ ...inputs, __provider: fakeProviderText }).then(
                    () => assert.fail("the create should have been recorded as unfinished"),
                    (error: InitError) => error.properties!,
                );
                sim().releaseTasks();
                const taskView = `/apiman-gateway/MasergyUCaaS/provisioning/1.0/task/${recorded.taskId}/view`;
                while (sim().tasks()[0].status !== "COMPLETED") await new Promise((resolve) => setTimeout(resolve, 10));
                sim().injectFault({ kind: "status", status: 404, pathPrefix: taskView, count: 2 });
                const { __provider: _p, ...olds } = recorded;
                assert.equal((await provider.read("jdoe@example.com", olds)).id, "jdoe@example.com");
                const { outs } = await provider.update("jdoe@example.com", olds, { ...inputs, __provider: fakeProviderText });
                assert.equal(outs?.__pendingJob, undefined);
                assert.equal(apiRequests(sim(), "user/create", "POST").length, 1);
            } finally {
                process.env.UCAAS_MASERGY_JOB_TIMEOUT_MINUTES = "0.5";
            }
        });

        it("refuses an existing user without adopt, naming it and saying to set adopt: true", async () => {
            sim().seedUser(wireUser());
            await assert.rejects(
                createUser(),
                /^ExistingObjectError: Masergy user jdoe@example\.com in group SIM-NYC already exists\. Set adopt: true .*ucaas:adoptMatching=true.* \(user\/find does not report the service pack, time zone, address type/,
            );
            assert.equal(apiRequests(sim(), "user/create").length, 0);
        });

        it("takes over an existing user with adopt: true and converges names, number and password", async () => {
            sim().seedUser({ ...wireUser(), firstName: "J.", phoneNumber: "+12125550109", webPortalPassword: "old-Passw0rd" });
            const { id } = await createUser({ adopt: true });
            assert.equal(id, "jdoe@example.com");
            const live = liveUser()!;
            assert.deepEqual([live.firstName, live.phoneNumber, live.webPortalPassword], ["Jane", "+12125550101", "portal-Passw0rd"]);
            assert.equal(apiRequests(sim(), "user/create").length, 0);
        });
    });

    describe("update", () => {
        it("changes a last name through user/update_name only, passing the notification fields through", async () => {
            const { id, inputs, outs } = await createUser({ userData: "ticket OPS-44" });
            sim().clearRequests();
            const news = { ...inputs, lastName: "Smith" };
            const { outs: updated } = await provider.update(id, outs, { ...news, __provider: fakeProviderText });
            const writes = sim().requests().filter((r) => r.method === "POST");
            assert.deepEqual(writes.map((r) => r.path.split("/").slice(-2).join("/")), ["user/update_name"]);
            assert.deepEqual(
                [(writes[0].body as Record<string, unknown>).firstName, (writes[0].body as Record<string, unknown>).lastName],
                ["Jane", "Smith"],
            );
            assert.equal((writes[0].body as Record<string, unknown>).userData, "ticket OPS-44");
            assert.equal(liveUser()?.lastName, "Smith");
            assert.equal(updated?.taskId, sim().tasks().at(-1)?.taskId);
        });

        it("changes phone number and password with their own calls, and nothing for an unchanged user", async () => {
            const { id, inputs, outs } = await createUser();
            sim().clearRequests();
            await provider.update(id, outs, { ...inputs, __provider: fakeProviderText });
            assert.equal(sim().requests().filter((r) => r.method === "POST").length, 0);
            await provider.update(id, outs, { ...inputs, phoneNumber: "+12125550102", webPortalPassword: "new-Passw0rd", __provider: fakeProviderText });
            const writes = sim().requests().filter((r) => r.method === "POST").map((r) => r.path.split("/").pop());
            assert.deepEqual(writes, ["update_phone_number", "update_web_portal_password"]);
            assert.deepEqual([liveUser()?.phoneNumber, liveUser()?.webPortalPassword], ["+12125550102", "new-Passw0rd"]);
        });

        it("records what was reached when a later job fails", async () => {
            const { id, inputs, outs } = await createUser();
            sim().failNextTask({ step: "set web portal password", message: "Password does not meet the complexity rules" });
            const news = { ...inputs, firstName: "Janet", webPortalPassword: "weak-password" };
            await assert.rejects(provider.update(id, outs, { ...news, __provider: fakeProviderText }), (error: InitError) => {
                assert.equal(error.id, id);
                assert.equal(error.properties?.firstName, "Janet");
                assert.equal(error.properties?.webPortalPassword, "portal-Passw0rd");
                assert.match(error.message, /only partly updated: .*step "set web portal password" failed: Password does not meet/);
                return true;
            });
        });

        it("fails with the plain vendor error when the first call is refused", async () => {
            const { id, inputs, outs } = await createUser();
            sim().injectFault({ kind: "status", status: 403, pathPrefix: "/apiman-gateway/MasergyUCaaS/provisioning/1.0/user/update_name" });
            await assert.rejects(
                provider.update(id, outs, { ...inputs, lastName: "Smith", __provider: fakeProviderText }),
                (error: MasergyApiError) => error instanceof MasergyApiError && error.statusCode === 403 && !("id" in error),
            );
        });
    });

    describe("a user recorded as incomplete is checked live", () => {
        const notes = (props: Record<string, unknown> | undefined) => Object.keys(props ?? {}).filter((key) => /^__(incomplete|pendingJob|createOutcome)/.test(key));

        it("a complete user recorded as incomplete by a duplicate create's failure (the old rerun bug): refresh and update record it complete, sending nothing", async () => {
            const { id, inputs, outs } = await createUser();
            const duplicate = await masergyApi.createUser(masergyClient(), inputs as masergyApi.WireObject & masergyApi.UserKey);
            await until(() => sim().tasks().at(-1)?.status === "FAILED", "the duplicate create to fail");
            const recorded = {
                ...outs,
                jobId: duplicate.jobId,
                taskId: duplicate.taskId,
                __incompleteCreate: `Masergy: create user ${id} failed: task ${duplicate.taskId} (job ${duplicate.jobId}) step "create account" failed: User ${id} already exists`,
            };
            assert.deepEqual(await provider.diff(id, recorded, inputs), { changes: true }, "an update that checks live, never a replace on the record alone");

            sim().clearRequests();
            const { result: read, lines } = await capturingLog(() => provider.read(id, recorded));
            assert.deepEqual(notes(read.props), []);
            assert.deepEqual(await provider.diff(id, read.props!, inputs), { changes: false }, "the refreshed plan changes nothing");
            assert.match(lines.join("\n"), /^Masergy: user jdoe@example\.com, recorded as incomplete, is complete: its create task \S+ did not make it/);

            const { outs: updated } = await capturingLog(() => provider.update(id, recorded, { ...inputs, __provider: fakeProviderText })).then((r) => r.result);
            assert.deepEqual(notes(updated), []);
            assert.equal(sim().requests().filter((r) => r.method === "POST").length, 0, "nothing sent, nothing deleted");
            assert.equal(sim().tasks().filter((t) => t.type === "DELETE_USER").length, 0);
        });

        it("a user gone since it was recorded incomplete: refresh drops it, and the update creates it again without deleting anything", async () => {
            sim().failNextTask({ step: "assign service pack", message: "Service pack quota exceeded" });
            const inputs = await checked(provider, masergyUserArgs());
            const recorded = await provider.create({ ...inputs, __provider: fakeProviderText }).then(
                () => assert.fail("recorded as incomplete"),
                (error: InitError) => error.properties!,
            );
            await provider.delete("jdoe@example.com", recorded);
            sim().clearRequests();
            assert.deepEqual(await provider.read("jdoe@example.com", recorded), { id: "" });
            const { outs } = await provider.update("jdoe@example.com", recorded, { ...inputs, __provider: fakeProviderText });
            assert.deepEqual(notes(outs), []);
            assert.deepEqual(sim().requests().filter((r) => r.method === "POST").map((r) => r.path.split("/").pop()), ["create"]);
            assert.equal(liveUser()?.mainServicePack, "UC-Standard");
        });
    });

    describe("read", () => {
        it("reports out-of-band name and number changes, reading a national number with its country code", async () => {
            const { id, outs } = await createUser();
            sim().mutateUser("jdoe@example.com", { lastName: "Changed", phoneNumber: "+12125550105" });
            const result = await provider.read(id, outs);
            const props = result.props as Record<string, unknown>;
            assert.equal(result.id, id);
            assert.equal(props.lastName, "Changed");
            assert.equal(props.phoneNumber, "+12125550105");
            assert.equal(props.webPortalPassword, "portal-Passw0rd");
            const [find] = apiRequests(sim(), "user/find");
            assert.deepEqual(find.query, { GROUP_ID: "SIM-NYC", USER_ID: "jdoe@example.com", USER_ID_MATCH_TYPE: "EXACT" });
        });

        it("returns an empty id only when the user is really gone", async () => {
            const { id, outs } = await createUser();
            await provider.delete(id, outs);
            assert.deepEqual(await provider.read(id, outs), { id: "" });
        });
    });

    describe("delete", () => {
        it("waits for the delete job, passing the notification fields through, and treats a missing user as done", async () => {
            const { id, outs } = await createUser({ userData: "ticket OPS-43" });
            await provider.delete(id, outs);
            assert.equal(liveUser(), undefined);
            const [request] = apiRequests(sim(), "user/delete", "POST");
            assert.deepEqual(request.body, { userData: "ticket OPS-43", groupId: "SIM-NYC", userId: "jdoe@example.com" });
            assert.equal(sim().tasks().at(-1)?.status, "COMPLETED");
            sim().clearRequests();
            await provider.delete(id, outs);
            assert.equal(apiRequests(sim(), "user/delete").length, 0);
        });
    });
});

/** MasergyUser fixture args in the wire format, for seeding the simulator. */
function wireUser(): Record<string, unknown> {
    return { voicemail: false, voicemailTranscriptionMachine: false, ucOverlay: false, conference: false, ...masergyUserArgs() };
}
