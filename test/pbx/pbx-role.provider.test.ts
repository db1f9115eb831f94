import { strict as assert } from "node:assert";
import { checked, checkedAndCreated, fakeProviderText, providerFor } from "../helpers/providers";
import { usePortSipSimulator } from "../helpers/portsip";
import { pbxRoleArgs, pbxUserArgs } from "../helpers/fixtures";

const provider = providerFor("PbxRole");

const createRole = (overrides: Record<string, unknown> = {}) => checkedAndCreated(provider, pbxRoleArgs(overrides));

describe("PbxRole provider, called directly against the PortSIP simulator", () => {
    const sim = usePortSipSimulator();
    const customRoles = () => sim().state().roles.filter((role: { name: string }) => role.name === "Support");

    it("rejects built-in role names in check, in any letter case, before any request", async () => {
        const result = await provider.check({}, { ...pbxRoleArgs({ name: "standarduser" }), __provider: fakeProviderText });
        assert.equal(result.failures?.[0].property, "name");
        assert.match(result.failures![0].reason, /built-in/);
        assert.equal(sim().requests().length, 0);
    });

    it("fills every omitted permission flag with false", async () => {
        const inputs = await checked(provider, pbxRoleArgs());
        const permissions = inputs.permissions as Record<string, Record<string, boolean>>;
        assert.equal(Object.keys(permissions).length, 11);
        assert.equal(permissions.general.voicemailFullAccess, true);
        assert.equal(permissions.general.meeting, false);
        assert.equal(permissions.billing.fullAccess, false);
    });

    it("rejects unknown permission flags with their path", async () => {
        const result = await provider.check({}, { ...pbxRoleArgs({ permissions: { general: { teleport: true } } }), __provider: fakeProviderText });
        assert.deepEqual(result.failures?.map((f) => f.property), ["permissions.general.teleport"]);
    });

    it("creates the role in the vendor's spelling, with the name as id", async () => {
        const { id, outs } = await createRole();
        assert.equal(id, "Support");
        const [role] = customRoles();
        assert.equal(role.permissions.general.voicemail_full_access, true);
        assert.equal(role.permissions.company_call_log.call_log_view_only, false);
        assert.equal(outs.description, "First-line support");
    });

    it("refuses an existing role without adopt and takes it over with adopt", async () => {
        sim().seedRole({ name: "Support", description: "made by hand" });
        await assert.rejects(createRole(), /role "Support" already exists\. Set adopt: true/);
        await createRole({ adopt: true });
        assert.equal(customRoles()[0].description, "First-line support");
    });

    it("replaces on rename and updates permissions in place", async () => {
        const { id, inputs, outs } = await createRole();
        assert.deepEqual((await provider.diff(id, outs, { ...inputs, name: "Helpdesk" })).replaces, ["name"]);
        const news = await checked(provider, pbxRoleArgs({ permissions: { billing: { viewOnly: true } } }));
        const diff = await provider.diff(id, outs, news);
        assert.equal(diff.changes, undefined);
        assert.deepEqual(diff.replaces, []);
        await provider.update(id, outs, news);
        assert.equal(customRoles()[0].permissions.billing.view_only, true);
        assert.equal(customRoles()[0].permissions.general.voicemail_full_access, false);
    });

    it("reads permission drift made in the PBX and reports a deleted role as gone", async () => {
        const { id, outs } = await createRole();
        const live = customRoles()[0];
        const response = await fetch(`${sim().url}/api/roles/Support`, {
            method: "POST",
            headers: { authorization: `Bearer ${sim().token}`, "content-type": "application/json" },
            body: JSON.stringify({ name: "Support", permissions: { ...live.permissions, billing: { view_only: true, full_access: true } } }),
        });
        assert.equal(response.status, 204);
        const read = await provider.read(id, outs);
        const permissions = (read.props as { permissions: Record<string, Record<string, boolean>> }).permissions;
        assert.equal(permissions.billing.fullAccess, true);
        assert.deepEqual((await provider.diff(id, read.props as Record<string, unknown>, outs)).replaces, []);
        await provider.delete(id, outs);
        assert.deepEqual(await provider.read(id, outs), { id: "" });
        await provider.delete(id, outs); // already gone is done
    });

    it("explains that a role still assigned to users cannot be deleted", async () => {
        const { id, outs } = await createRole();
        sim().seedUser({ name: "bob", display_name: "Bob", email: "bob@example.com", role: "Support", extension_number: "2001", password: "bob-Passw0rd", extension_password: "bob-Ext-Secret", voicemail_pin: "135792" });
        await assert.rejects(provider.delete(id, outs), /PortSIP: delete role Support failed: HTTP 409 RESOURCE_IN_USE/);
        void pbxUserArgs;
    });
});
