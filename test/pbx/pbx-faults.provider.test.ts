/**
 * Issue 10's answer-fault rows for PortSIP, provider methods called directly over HTTP against the
 * simulator: every fault on every kind of operation either fails with a message naming PortSIP and
 * the operation, or settles itself; then the rerun (what the next `pulumi up` or `refresh` calls)
 * converges: the PBX as declared, one user, no user deleted, the recorded state what the PBX holds.
 */
import { strict as assert } from "node:assert";
import { answerFaults, failureOf } from "../helpers/faults";
import { pbxRoleArgs, pbxUserArgs } from "../helpers/fixtures";
import { requestsTo, usePortSipSimulator } from "../helpers/portsip";
import { checked, checkedAndCreated, fakeProviderText, providerFor } from "../helpers/providers";

const users = providerFor("PbxUser");
const roles = providerFor("PbxRole");

describe("PortSIP answer faults: each fails naming vendor and operation, or settles itself; the rerun converges", () => {
    const sim = usePortSipSimulator();
    const liveUsers = () => sim().state().users;

    /** The next refresh reads the user as it was recorded, and the next up has nothing to do. */
    async function assertConverged(id: string, inputs: Record<string, unknown>, recorded: Record<string, unknown>) {
        const read = await users.read(id, recorded);
        assert.equal(read.id, id);
        assert.deepEqual(await users.diff(id, read.props!, inputs), { changes: false });
        assert.deepEqual(liveUsers().map((u) => [u.id, u.display_name, u.extension_number]), [[id, inputs.displayName, "1001"]]);
    }

    for (const { row, fault } of answerFaults) {
        describe(row, () => {
            it("on refresh of a user: fails naming PortSIP and the read, state untouched; the next refresh converges", async () => {
                const { id, inputs, outs } = await checkedAndCreated(users, pbxUserArgs({ department: "Support" }));
                const before = structuredClone(outs);
                sim().injectFault({ ...fault, method: "GET", pathPrefix: `/api/users/${id}` });
                const error = await failureOf(users.read(id, outs));
                assert.match(error.message, new RegExp(`^PortSIP: read user ${id} failed: HTTP 200 answer not understood`));
                assert.deepEqual(outs, before);
                await assertConverged(id, inputs, outs);
            });

            it("on refresh of a role: fails naming PortSIP and the read; the next refresh converges", async () => {
                const { id, inputs, outs } = await checkedAndCreated(roles, pbxRoleArgs());
                sim().injectFault({ ...fault, method: "GET", pathPrefix: "/api/roles/Support" });
                await assert.rejects(roles.read(id, outs), /^VendorAnswerError: PortSIP: read role Support failed: HTTP 200 answer not understood/);
                const read = await roles.read(id, outs);
                assert.deepEqual(await roles.diff(id, read.props!, inputs), { changes: false });
            });

            it("on the create answer: settles itself by looking the extension up again (one user, no duplicate)", async () => {
                sim().injectFault({ ...fault, method: "POST", pathPrefix: "/api/users" });
                const { id, inputs, outs } = await checkedAndCreated(users, pbxUserArgs());
                const creates = requestsTo(sim(), "/api/users", "POST").filter((r) => r.path === "/api/users");
                // A truncated answer came after the PBX created the user: found and recorded. Every
                // other fault answered instead of the PBX: the user was absent, so it was sent once more.
                assert.deepEqual(creates.map((r) => r.fault ?? "none"), fault.kind === "truncate" ? ["truncate"] : [fault.kind, "none"]);
                await assertConverged(id, inputs, outs);
            });

            it("on an update's answer: fails naming PortSIP and the write (or the read-back catches it); the next up converges", async () => {
                const { id, inputs, outs } = await checkedAndCreated(users, pbxUserArgs());
                const news = await checked(users, { ...pbxUserArgs(), displayName: "Alice B. Example" });
                sim().injectFault({ ...fault, method: "POST", pathPrefix: `/api/users/${id}` });
                const update = users.update(id, outs, { ...news, __provider: fakeProviderText });
                if (fault.kind === "truncate") {
                    // PortSIP answers an update 204, without a body to cut: nothing to see, and it is read back as applied.
                    await update;
                } else {
                    const error = await failureOf(update);
                    assert.match(
                        error.message,
                        fault.kind === "html" || fault.kind === "huge"
                            ? new RegExp(`PortSIP user ${id} was only partly updated: PortSIP: update user ${id} \\(display_name\\) failed: HTTP 200 answer not understood`)
                            : // An empty or a JSON body is a fine answer to a write; the read-back shows it was not applied.
                              new RegExp(`^PortSIP: update user ${id} \\(display_name\\) answered as done, but reading the user ${id} back shows displayName not as declared`),
                    );
                    assert.equal(error.id, id);
                    assert.equal(error.properties?.displayName, "Alice Example", "the state records what the PBX holds");
                    await users.update(id, error.properties!, { ...news, __provider: fakeProviderText });
                }
                await assertConverged(id, news, { ...inputs, ...news, userId: id });
            });
        });
    }
});
