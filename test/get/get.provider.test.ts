import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { TeamsEnterpriseUser } from "pulumi-ucaas";
import { fakeProviderText, providerFor } from "../helpers/providers";
import { masergyUserArgs, masergyUserFlags } from "../helpers/fixtures";
import { apiRequests, useMasergySimulator } from "../helpers/masergy";
import { usePortSipSimulator } from "../helpers/portsip";
import { minimalUser } from "../helpers/portsip-bodies";
import { clientFor } from "../helpers/sim-http";
import { seedDirectoryUser, umpRequests, useUmpSimulator } from "../helpers/ump";

/** The provider's `read` as the engine calls it for `<Kind>.get(name, id)`: the props the class declared, no stored outputs. */
const readReference = (kind: Parameters<typeof providerFor>[0], id: string) =>
    providerFor(kind).read(id, { __get: true, __provider: fakeProviderText });

describe("get: the provider reads a reference by its id alone, every field the vendor reports", () => {
    describe("PortSIP", () => {
        const sim = usePortSipSimulator();

        it("PbxRole: the name, description and every permission flag", async () => {
            sim().seedRole({ name: "Sales", description: "Sales team", permissions: { general: { meeting: true }, policies: { domestic_calls: true } } });
            const { id, props } = await readReference("PbxRole", "Sales");
            assert.equal(id, "Sales");
            assert.equal(props.name, "Sales");
            assert.equal(props.description, "Sales team");
            const permissions = props.permissions as Record<string, Record<string, boolean>>;
            assert.equal(permissions.general.meeting, true);
            assert.equal(permissions.policies.domesticCalls, true);
            assert.equal(permissions.billing.fullAccess, false);
            assert.equal(props.__get, true, "the mark stays, so a refresh reads the same way");
            assert.deepEqual(sim().requests().map((r) => r.method), ["GET"]);
        });

        it("PbxUser: every reported field in camelCase and userId, never a secret", async () => {
            const id = sim().seedUser(minimalUser({ name: "bob", display_name: "Bob Example", email: "bob@example.com", extension_number: "1002", department: "Sales" }));
            const { id: readId, props } = await readReference("PbxUser", id);
            assert.equal(readId, id);
            assert.equal(props.userId, id);
            assert.equal(props.extensionNumber, "1002");
            assert.equal(props.department, "Sales");
            assert.equal(props.displayName, "Bob Example");
            for (const secret of ["password", "extensionPassword", "voicemailPin"]) {
                assert.equal(secret in props, false, secret);
            }
            assert.doesNotMatch(JSON.stringify(props), /Passw0rd|Ext-Secret|135792/);
        });

        it("PbxGroup: the name, description, caller ids and members' extensions, with groupId, from two reads", async () => {
            sim().seedUser(minimalUser({ name: "bob", email: "bob@example.com", extension_number: "1002" }));
            sim().seedUser(minimalUser({ name: "dan", email: "dan@example.com", extension_number: "1001" }));
            const api = clientFor(sim().url, sim().token);
            const created = await api.post("/api/groups", {
                name: "Sales floor",
                description: "Everyone who sells",
                outbound_caller_ids: [{ provider_id: "trunk-1", caller_id: "+12125550100", description: "Sales line" }, { provider_id: "trunk-2", caller_id: "+12125550101" }],
            });
            const groupId = created.body.id as string;
            for (const extension of ["1002", "1001"]) await api.post(`/api/groups/${groupId}/members/${extension}`);
            sim().clearRequests();
            const { id, props } = await readReference("PbxGroup", groupId);
            assert.equal(id, groupId);
            assert.deepEqual(props, {
                name: "Sales floor",
                description: "Everyone who sells",
                outboundCallerIds: [{ providerId: "trunk-1", callerId: "+12125550100", description: "Sales line" }, { providerId: "trunk-2", callerId: "+12125550101" }],
                members: ["1001", "1002"],
                groupId,
                __get: true,
            });
            assert.deepEqual(sim().requests().map((r) => `${r.method} ${r.path.replace(groupId, "{id}")}`), ["GET /api/groups/{id}", "GET /api/groups/{id}/members"]);
        });

        it("a missing object fails with the vendor's name for it, and says get creates nothing", async () => {
            await assert.rejects(readReference("PbxUser", "NzAwNTUxOTA5NzczMTQ4MTYw"), {
                message: 'PbxUser.get: PortSIP user "NzAwNTUxOTA5NzczMTQ4MTYw" does not exist. get only reads an object that exists; check the id, or declare `new PbxUser(...)` to create one.',
            });
            await assert.rejects(readReference("PbxRole", "Nobody"), /PbxRole\.get: PortSIP role "Nobody" does not exist/);
            await assert.rejects(readReference("PbxGroup", "NzAwNTUxOTA5NzczMTQ4MTYx"), /PbxGroup\.get: PortSIP group "NzAwNTUxOTA5NzczMTQ4MTYx" does not exist/);
        });

        it("a refresh of a reference reads it again the same way (its outputs carry the mark)", async () => {
            sim().seedRole({ name: "Sales", permissions: {} });
            const first = await readReference("PbxRole", "Sales");
            const again = await providerFor("PbxRole").read("Sales", { ...first.props, __provider: fakeProviderText });
            assert.deepEqual(again.props, first.props);
        });
    });

    describe("AudioCodes UMP", () => {
        const sim = useUmpSimulator();

        it("UmpEndpoint: the attributes UMP reports, normalized, and what it computes; the id in its normal form", async () => {
            seedDirectoryUser(sim(), "sip:carol@contoso.com", { LineURI: "tel:+311111125", EnterpriseVoiceEnabled: true, Department: "Support" });
            const { id, props } = await readReference("UmpEndpoint", "Carol@Contoso.com");
            assert.equal(id, "sip:carol@contoso.com");
            assert.equal(props.identity, "sip:carol@contoso.com");
            assert.equal(props.lineUri, "tel:+311111125");
            assert.equal(props.enterpriseVoiceEnabled, true);
            assert.equal(props.department, "Support");
            assert.equal(props.displayName, "Alice Example");
            assert.deepEqual(umpRequests(sim()).map((r) => r.method), ["GET"]);
        });

        it("a user that is not in the directory fails", async () => {
            await assert.rejects(readReference("UmpEndpoint", "sip:nobody@contoso.com"), /UmpEndpoint\.get: AudioCodes UMP directory user sip:nobody@contoso\.com does not exist/);
        });
    });

    describe("Masergy", () => {
        const sim = useMasergySimulator();

        it("MasergyUser: what user/find reports, found by its user id in any group", async () => {
            sim().seedUser({
                ...masergyUserArgs({ userId: "kim@example.com", groupId: "SIM-LON", phoneNumber: "+442071736900", extension: "0202" }),
                ...masergyUserFlags,
            });
            const { id, props } = await readReference("MasergyUser", "kim@example.com");
            assert.equal(id, "kim@example.com");
            assert.equal(props.groupId, "SIM-LON");
            assert.equal(props.phoneNumber, "+442071736900");
            assert.equal(props.extension, "0202");
            assert.equal(props.firstName, "Jane");
            const [find] = apiRequests(sim(), "user/find");
            assert.deepEqual(find.query, { USER_ID: "kim@example.com", USER_ID_MATCH_TYPE: "EXACT" }, "in any group: no GROUP_ID");
            assert.equal(apiRequests(sim(), "user/create").length, 0);
        });

        it("a user that user/find does not list fails", async () => {
            await assert.rejects(readReference("MasergyUser", "nobody@example.com"), /MasergyUser\.get: Masergy user "nobody@example\.com" does not exist/);
        });
    });

    describe("ConnecttoTeams", () => {
        it("TeamsEnterpriseUser.get is refused when it is called, saying why", () => {
            assert.throws(() => TeamsEnterpriseUser.get("alice", pulumi.output("tenant/alice@contoso.com")), {
                message: /^TeamsEnterpriseUser\.get is not supported: ConnecttoTeams documents no endpoint that reads a user/,
            });
        });

        it("and refused by the provider too, for a read asked through the id option", async () => {
            await assert.rejects(readReference("TeamsEnterpriseUser", "tenant/alice@contoso.com"), /TeamsEnterpriseUser\.get is not supported/);
        });
    });
});
