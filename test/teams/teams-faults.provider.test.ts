/**
 * Issue 10's fault rows for ConnecttoTeams, provider methods called directly over HTTP against the
 * simulator. configureUser adds or edits and there is no lookup, so a create whose answer is lost
 * or not understood sends the same full body once more: ADD settles it (this run created the user),
 * EDIT is ambiguous and refused with a message that says what happened and how to adopt.
 */
import { strict as assert } from "node:assert";
import { answerFaults, failureOf } from "../helpers/faults";
import { checked, fakeProviderText, providerFor } from "../helpers/providers";
import { teamsRequestsTo, teamsUserArgs, useTeamsSimulator } from "../helpers/teams";

const provider = providerFor("TeamsEnterpriseUser");
const CONFIGURE = "/enterprise/configureUser";

describe("ConnecttoTeams faults: each fails naming vendor and operation, or settles itself; the rerun converges", () => {
    const sim = useTeamsSimulator();
    const users = () => sim().state().users;
    afterEach(() => void delete process.env.UCAAS_ADOPT_MATCHING);

    const args = (overrides: Record<string, unknown> = {}) => checked(provider, teamsUserArgs(sim(), overrides));
    const create = async (overrides: Record<string, unknown> = {}) => provider.create({ ...(await args(overrides)), __provider: fakeProviderText });

    /** One active user, holding the declared settings. */
    const assertConverged = () => {
        assert.deepEqual(users().map((u) => [u.loginID, u.status, u.fields.pbxLocation]), [["jdoe@contoso.com", "ACTIVE", "pbx-east"]]);
    };

    for (const { row, fault } of answerFaults) {
        it(`${row} on the create's configureUser: settles itself by sending the same body once more, or refuses an ambiguous EDIT`, async () => {
            sim().injectFault({ ...fault, pathPrefix: CONFIGURE });
            if (fault.kind !== "truncate") {
                // The fault answered instead of the vendor: the resend adds the user.
                const created = await create();
                assert.equal(created.id, `${sim().tenant.tenantId}/jdoe@contoso.com`);
                assert.deepEqual(teamsRequestsTo(sim(), CONFIGURE).map((r) => r.fault ?? "none"), [fault.kind, "none"]);
                assertConverged();
                return;
            }
            // The vendor added the user and its answer was cut: the resend meets it as an EDIT.
            const error = await failureOf(create());
            assert.match(error.message, /^ConnecttoTeams: configure user jdoe@contoso\.com in tenant \S+ failed: HTTP 200 answer not understood/);
            assert.match(error.message, /sent once more with the same settings and ConnecttoTeams answered EDIT: ConnecttoTeams user jdoe@contoso\.com exists .* now holds this program's settings.*set adopt: true/);
            assert.equal(error.id, undefined, "nothing recorded");
            await create({ adopt: true });
            assertConverged();
        });
    }

    for (const { row, fault } of answerFaults.filter(({ fault: f }) => ["html", "truncate", "huge"].includes(f.kind))) {
        it(`${row} on the delete's disableUsers: fails naming ConnecttoTeams and the operation; the next destroy converges`, async () => {
            const inputs = await args();
            const created = await provider.create({ ...inputs, __provider: fakeProviderText });
            sim().injectFault({ ...fault, pathPrefix: "/provisioning/disableUsers" });
            await assert.rejects(provider.delete(created.id, inputs), /ConnecttoTeams: disable user jdoe@contoso\.com in tenant \S+ failed: HTTP 200 answer not understood/);
            await provider.delete(created.id, inputs);
            assert.deepEqual(users().map((u) => u.status), ["MARKED_FOR_DELETION"]);
        });
    }

    describe("lost create response", () => {
        it("the resend answers EDIT: refused as ambiguous, saying the user holds this program's settings and how to adopt it", async () => {
            sim().injectFault({ kind: "lost", pathPrefix: CONFIGURE });
            const error = await failureOf(create());
            assert.match(error.message, /^ConnecttoTeams: configure user jdoe@contoso\.com in tenant \S+ failed: no response \(ECONNRESET/);
            assert.match(
                error.message,
                /whether the lost request created it or it existed before cannot be told, and Pulumi does not manage it\. If no one else manages this user, set adopt: true on this TeamsEnterpriseUser/,
            );
            assert.deepEqual(teamsRequestsTo(sim(), CONFIGURE).map((r) => r.status), [0, 200], "sent twice, the same full body");
            assert.equal(users().length, 1, "no duplicate");
            await create({ adopt: true });
            assertConverged();
        });

        it("the resend's answer is lost too: nothing is recorded, and the message says so", async () => {
            sim().injectFault({ kind: "drop", pathPrefix: CONFIGURE, count: 2 });
            const error = await failureOf(create());
            assert.match(error.message, /Sent once more with the same settings to settle it: ConnecttoTeams: configure user .* failed: no response.*Nothing is recorded/);
            assert.deepEqual(users(), []);
        });

        it("after an interrupted up, ucaas:adoptMatching cannot take the user over and says why", async () => {
            await create();
            process.env.UCAAS_ADOPT_MATCHING = "true";
            const error = await failureOf(create());
            assert.match(error.message, /ucaas:adoptMatching cannot take it over: ConnecttoTeams has no endpoint to read a user, so nothing can be compared\. If an interrupted `pulumi up` created it, set adopt: true/);
            assertConverged();
        });
    });
});
