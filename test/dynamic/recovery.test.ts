import { strict as assert } from "node:assert";
import { assertMayTakeOver, ExistingObjectError, existingObjectPolicy, type ExistingObject } from "../../provider/dynamic/adoption";
import { createVerified } from "../../provider/dynamic/verified-create";
import { PortSipApiError } from "../../provider/http/errors";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";

const existing = (differing: string[] = []): ExistingObject => ({
    vendor: "PortSIP",
    object: 'extension 1001 (user "alice", id U1)',
    kind: "PbxUser",
    differing,
});

describe("taking over existing objects", () => {
    restoreUcaasVariablesAfterEach();

    it("takes over with adopt: true, whatever differs", () => {
        assert.equal(existingObjectPolicy({ adopt: true }), "adopt");
        assertMayTakeOver({ adopt: true }, existing(["email"]));
    });

    it("refuses without adopt, naming the object, the differing fields and both ways out", () => {
        delete process.env.UCAAS_ADOPT_MATCHING;
        assert.throws(
            () => assertMayTakeOver({}, existing(["email"])),
            (error: Error) =>
                error instanceof ExistingObjectError &&
                error.message.includes('PortSIP extension 1001 (user "alice", id U1) already exists') &&
                error.message.includes("differs in email") &&
                error.message.includes("adopt: true") &&
                error.message.includes("--clear-pending-creates") &&
                error.message.includes("UCAAS_ADOPT_MATCHING=true"),
        );
    });

    it("with ucaas:adoptMatching takes over only an object that matches every declared field", () => {
        process.env.UCAAS_ADOPT_MATCHING = "true";
        assert.equal(existingObjectPolicy({}), "adopt-matching");
        assertMayTakeOver({}, existing());
        assert.throws(() => assertMayTakeOver({}, existing(["email", "displayName"])), /differs from this PbxUser in email, displayName/);
    });
});

describe("creates whose outcome is unknown", () => {
    const lost = () => new PortSipApiError({ operation: "create user alice", networkCode: "ECONNRESET", outcomeUnknown: true });

    it("records a create whose answer was lost when the object now exists and matches", async () => {
        let lookups = 0;
        const result = await createVerified({
            what: "PortSIP user alice",
            send: async () => { throw lost(); },
            find: async () => { lookups++; return { id: "U1" }; },
            idOf: (found) => found.id,
            differing: () => [],
        });
        assert.deepEqual(result, { id: "U1", verified: true });
        assert.equal(lookups, 1);
    });

    it("records nothing when the object found differs from what was sent", async () => {
        await assert.rejects(
            createVerified({
                what: "PortSIP user alice",
                send: async () => { throw lost(); },
                find: async () => ({ id: "U1" }),
                idOf: (found) => found.id,
                differing: () => ["email"],
            }),
            /exists now but differs from what was sent in email/,
        );
    });

    it("sends once more when the object is verified absent, and gives up after the second unknown outcome", async () => {
        let sent = 0;
        const result = await createVerified({
            what: "PortSIP user alice",
            send: async () => { sent++; if (sent === 1) throw lost(); return "U2"; },
            find: async () => undefined,
            idOf: () => "never",
            differing: () => [],
        });
        assert.deepEqual(result, { id: "U2", verified: false });
        sent = 0;
        await assert.rejects(
            createVerified({ what: "PortSIP user alice", send: async () => { sent++; throw lost(); }, find: async () => undefined, idOf: () => "x", differing: () => [] }),
            /does not exist \(looked again\), so nothing was created/,
        );
        assert.equal(sent, 2);
    });

    it("passes a definite refusal through without looking again", async () => {
        let lookups = 0;
        const refusal = new PortSipApiError({ operation: "create user alice", statusCode: 400, vendorCode: "VALIDATE_FAILED" });
        await assert.rejects(
            createVerified({ what: "x", send: async () => { throw refusal; }, find: async () => { lookups++; return undefined; }, idOf: () => "", differing: () => [] }),
            (error) => error === refusal,
        );
        assert.equal(lookups, 0);
    });
});
