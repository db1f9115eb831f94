import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

// Connection settings (ucaas:teamsUrl, ucaas:teamsClientId, ucaas:teamsClientSecret,
// ucaas:teamsUsername, ucaas:teamsPassword) come from stack config or UCAAS_* variables; they are
// never resource inputs. The users' passwords are stack secrets.
const config = new pulumi.Config();
const tenantId = config.require("tenantId");
const sbcGatewayId = config.requireNumber("sbcGatewayId");

const alice = new ucaas.TeamsEnterpriseUser("alice", {
    tenantId,
    loginId: config.get("aliceLoginId") ?? "alice@contoso.com", // changing it replaces the user
    teamsUserId: "alice@contoso.onmicrosoft.com",
    pbxLocation: "pbx-east",
    pbxUserId: "2001",
    sbcGatewayId,
    firstName: "Alice",
    lastName: "Example",
    email: "alice@contoso.com",
    phoneNumber: "+12025550101",
    password: config.requireSecret("alicePassword"),
    portalPassword: config.requireSecret("alicePortalPassword"),
    pbxCallPolicyInfo: {
        callPolicyName: config.get("aliceCallPolicy") ?? "Global", // changes in place
        forwardedCallsCallerId: "TRANSPARENT",
    },
    useTeamsVoicemail: true,
});

const bob = new ucaas.TeamsEnterpriseUser("bob", {
    tenantId,
    loginId: "bob@contoso.com",
    teamsUserId: "bob@contoso.onmicrosoft.com",
    pbxLocation: "pbx-east",
    pbxUserId: "2002",
    pbxAuthUserId: "auth-2002",
    sbcGatewayId,
    phoneNumber: "+12025550102",
    password: config.requireSecret("bobPassword"),
    provisioningUsername: "bob-phone",
    provisioningPassword: config.requireSecret("bobProvisioningPassword"),
    callPolicyInfo: { callPolicyName: "Sales", callPolicyCallerId: "+12025550100" },
    useEnterpriseDialPlan: true,
});

// A user of a second enterprise, when one is configured. Each tenant has its own model: a tenant
// that signed in with `npx pulumi-ucaas teams-login --tenant <id>` acts as the enterprise (calling
// enabled by its own Microsoft authorization, delete removes the user); any other tenant acts with
// the reseller token alone (calling enabled only with its Service Provider Consent).
const otherTenantId = config.get("otherTenantId");
const carol = otherTenantId
    ? new ucaas.TeamsEnterpriseUser("carol", {
          tenantId: otherTenantId,
          loginId: "carol@fabrikam.com",
          teamsUserId: "carol@fabrikam.onmicrosoft.com",
          pbxLocation: "pbx-west",
          pbxUserId: "3001",
          sbcGatewayId: config.requireNumber("otherSbcGatewayId"),
          phoneNumber: "+12025550103",
          password: config.requireSecret("carolPassword"),
          pbxCallPolicyInfo: { callPolicyName: config.get("carolCallPolicy") ?? "Global" },
      })
    : undefined;

export const users = { alice: alice.id, bob: bob.id, ...(carol && { carol: carol.id }) };
export const aliceCallPolicy = alice.pbxCallPolicyInfo.apply((policy) => policy?.callPolicyName);
