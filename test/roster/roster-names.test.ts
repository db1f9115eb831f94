import { strict as assert } from "node:assert";
import { parseRoster } from "pulumi-ucaas";
import { nameEntries } from "../../provider/roster/names";

const guid = "0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c";

const roster = (tenants: string) => `masergy:
  users:
    - groupId: SIM-NYC
      userId: jdoe@example.com
      firstName: Jane
      lastName: Doe
      webPortalPassword: { secret: janePortalPassword }
      extension: "0101"
      mainServicePack: UC-Standard
      addressType: NONE
      timeZone: America/New_York
pbx:
  roles:
    - name: First Line
  users:
    - name: alice
      displayName: Alice
      email: alice@example.com
      role: First Line
      extensionNumber: "1001"
      password: { secret: alicePassword }
      extensionPassword: { secret: aliceExtensionPassword }
      voicemailPin: { secret: aliceVoicemailPin }
ump:
  endpoints:
    - identity: Alice@Contoso.com
teams:
${tenants}  users:
    - tenantId: ${tenants ? "contoso" : guid}
      loginId: alice@contoso.com
      pbxLocation: pbx-east
      pbxUserId: "1001"
      teamsUserId: alice@contoso.onmicrosoft.com
      sbcGatewayId: 11
    - tenantId: tenant-two
      loginId: bob@fabrikam.com
      pbxLocation: pbx-east
      pbxUserId: "1002"
      teamsUserId: bob@fabrikam.onmicrosoft.com
      sbcGatewayId: 11
sections: [masergy.users, pbx.roles, pbx.users, ump.endpoints, teams.users]
`;

function names(text: string) {
    const parsed = parseRoster(text);
    return nameEntries(parsed.sections, { tenants: parsed.tenants ?? {} }).map((n) => ({ name: n.name, aliases: n.aliases, identity: n.identity }));
}

describe("roster logical names: old -> new", () => {
    it("names each entry after an identity that no update changes, with its old name as an alias", () => {
        assert.deepEqual(names(roster(`  tenants:\n    contoso: ${guid}\n    two: tenant-two\n`)), [
            { name: "masergy-user-jdoe@example.com", aliases: [], identity: "jdoe@example.com (group SIM-NYC)" },
            { name: "pbx-role-First_Line", aliases: [], identity: "First Line" },
            { name: "pbx-user-alice", aliases: ["pbx-user-1001"], identity: "alice (extension 1001)" },
            { name: "ump-endpoint-alice@contoso.com", aliases: ["ump-endpoint-sip_alice@contoso.com"], identity: "sip:alice@contoso.com" },
            {
                name: "teams-user-contoso/alice@contoso.com",
                aliases: [`teams-user-${guid}_alice@contoso.com`, "teams-user-0b7e3c9a/alice@contoso.com"],
                identity: `${guid}/alice@contoso.com`,
            },
            {
                name: "teams-user-two/bob@fabrikam.com",
                aliases: ["teams-user-tenant-two_bob@fabrikam.com", "teams-user-tenant-two/bob@fabrikam.com"],
                identity: "tenant-two/bob@fabrikam.com",
            },
        ]);
    });

    it("without teams.tenants: the first eight hex digits of a GUID tenant, another tenant id as it is", () => {
        const teams = names(roster("")).filter((n) => n.name.startsWith("teams-user-"));
        assert.deepEqual(teams.map((n) => [n.name, n.aliases]), [
            ["teams-user-0b7e3c9a/alice@contoso.com", [`teams-user-${guid}_alice@contoso.com`]],
            ["teams-user-tenant-two/bob@fabrikam.com", ["teams-user-tenant-two_bob@fabrikam.com"]],
        ]);
    });

    it("never claims, as an alias, a name another entry has now", () => {
        // bob's old name (by extension 1002) is the name of the user called "1002".
        const text = `pbx:
  users:
    - { name: "1002", displayName: a, email: a@example.com, role: StandardUser, extensionNumber: "1001", password: { secret: a }, extensionPassword: { secret: b }, voicemailPin: { secret: c } }
    - { name: bob, displayName: b, email: b@example.com, role: StandardUser, extensionNumber: "1002", password: { secret: a }, extensionPassword: { secret: b }, voicemailPin: { secret: c } }
sections: [pbx.users]
`;
        assert.deepEqual(names(text).map((n) => [n.name, n.aliases]), [["pbx-user-1002", ["pbx-user-1001"]], ["pbx-user-bob", []]]);
    });
});
