import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { approvalCode, parseApprovals, type Replacement } from "../../provider/policy/approvals";
import { allowedDeletions } from "../../provider/policy/deletion-limit";
import { parseCheckpoint } from "../../provider/policy/last-state";
import { providerView } from "../../provider/policy/raw-request";
import { plainCredentials } from "../../provider/policy/secret-inputs";
import { unknownConfigKeyProblems } from "../../provider/settings/unknown-names";
import { repoRoot } from "../helpers/engine";

const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

describe("guardrails: the rules' pieces", () => {
    describe("approvals (ucaas:approveReplace)", () => {
        it("reads a space- or comma-separated string and a list set with --path", () => {
            assert.deepEqual(parseApprovals(undefined), []);
            assert.deepEqual(parseApprovals("  a=1 b=2,c=3\n"), ["a=1", "b=2", "c=3"]);
            assert.deepEqual(parseApprovals('["a=1", " b=2 "]'), ["a=1", "b=2"]);
            for (const bad of ["[1]", "[a=1"]) {
                assert.throws(() => parseApprovals(bad), /^GuardrailError: ucaas:approveReplace must be a list of "<logical name>=<code>" strings, or those strings separated by spaces$/);
            }
        });

        it("is a key of the ucaas namespace that the resources' check accepts", () => {
            const problems = unknownConfigKeyProblems(["ucaas:approveReplace", "ucaas:aproveReplace"]);
            assert.deepEqual(problems.map((p) => p.split(" in the stack config")[0]), ["Unknown setting ucaas:aproveReplace"]);
        });

        const replacement: Replacement = {
            urn: "urn:pulumi:prod::ops::pulumi-nodejs:dynamic/ucaas:PbxUser::pbx-user-alice",
            oldId: "42",
            oldOutputs: { extensionNumber: "1001", __appliedInputs: "digest-of-applied-inputs" },
            fields: [{ key: "extensionNumber", secret: false, from: "1001", to: "1004" }],
        };

        it("names one replacement of one object: another object, another applied state or another target is another code", () => {
            const code = approvalCode(replacement);
            assert.match(code, /^[0-9a-f]{12}$/);
            assert.equal(approvalCode({ ...replacement, fields: [...replacement.fields] }), code, "stable");
            assert.notEqual(approvalCode({ ...replacement, oldId: "43" }), code, "the recreated user has a new id");
            assert.notEqual(approvalCode({ ...replacement, oldOutputs: { ...replacement.oldOutputs, __appliedInputs: "other" } }), code);
            assert.notEqual(approvalCode({ ...replacement, fields: [{ ...replacement.fields[0], to: "1005" }] }), code);
            assert.notEqual(approvalCode({ ...replacement, urn: replacement.urn.replace("prod", "dev") }), code);
        });

        it("takes nothing of a secret field's value into the code", () => {
            const passcode = (to: string): Replacement => ({ ...replacement, fields: [{ key: "voicePortalPasscode", secret: true, from: "1234", to }] });
            assert.equal(approvalCode(passcode("5678")), approvalCode(passcode("9012")));
        });
    });

    describe("the deletion limit", () => {
        it("allows the share of the managed users, and always the minimum", () => {
            assert.equal(allowedDeletions(3, 20, 1), 1, "a 3-user stack can offboard one");
            assert.equal(allowedDeletions(5, 20, 1), 1);
            assert.equal(allowedDeletions(50, 20, 1), 10);
            assert.equal(allowedDeletions(6, 34, 1), 2);
            assert.equal(allowedDeletions(0, 20, 0), 0);
        });
    });

    describe("secret inputs", () => {
        it("finds declared secrets and credential-named strings that the engine got as plain values", () => {
            const raw = {
                name: "carol",
                password: "plain",
                extensionPassword: secret("wrapped"),
                voicemailPin: "135792",
                enableVoicemailPin: true,
                apiToken: "plain-token",
                email: "carol@example.com",
                ms365UserId: null,
            };
            assert.deepEqual(plainCredentials(raw, ["password", "extensionPassword", "voicemailPin"]), ["apiToken", "password", "voicemailPin"]);
            assert.deepEqual(plainCredentials({ password: secret("x"), voicemailPin: secret("y") }, ["password", "voicemailPin"]), []);
        });
    });

    describe("the engine's request", () => {
        it("reads as a provider's diff does in a preview: secrets unwrapped, unknown values undefined and named", () => {
            const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            const view = providerView({
                name: "alice",
                password: secret("p"),
                role: unknown,
                officeHours: { monday: { ranges: [{ from: unknown }] } },
                extensionNumber: secret(unknown),
            });
            assert.deepEqual(view.props, { name: "alice", password: "p", role: undefined, officeHours: { monday: { ranges: [{ from: undefined }] } }, extensionNumber: undefined });
            assert.deepEqual(view.unknownKeys.sort(), ["extensionNumber", "officeHours", "role"]);
        });
    });

    describe("the last state", () => {
        const exported = (resources: unknown[]) => JSON.stringify({ version: 3, deployment: { resources } });

        it("keeps the custom resources that exist, with their secrets revealed as a provider sees them", () => {
            const state = parseCheckpoint(
                "organization/ops/prod",
                exported([
                    { urn: "urn:stack", type: "pulumi:pulumi:Stack", custom: false },
                    { urn: "urn:a", type: "t", custom: true, id: "1", outputs: { pin: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"246813"' }, n: 1 } },
                    { urn: "urn:b", type: "t", custom: true, id: "2", delete: true, outputs: {} },
                ]),
            );
            assert.deepEqual(state.resources, [{ urn: "urn:a", type: "t", id: "1", outputs: { pin: "246813", n: 1 } }]);
            assert.equal(state.byUrn.get("urn:a")?.id, "1");
        });

        it("fails on a secret the export did not reveal", () => {
            const ciphertext = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
            assert.throws(
                () => parseCheckpoint("o/p/s", exported([{ urn: "urn:a", type: "t", custom: true, id: "1", outputs: { pin: ciphertext } }])),
                /the last state of urn:a has a secret that `pulumi stack export --show-secrets` did not reveal/,
            );
        });
    });

    it("the policy pack's version is the package's (@pulumi/policy reports it from the pack's package.json)", () => {
        const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), "utf8")).version;
        assert.equal(read("policy/package.json"), read("package.json"));
    });
});
