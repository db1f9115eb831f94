import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

// Connection settings (ucaas:pbxUrl, ucaas:pbxToken) come from stack config or UCAAS_* variables;
// they are never resource inputs. Passwords are stack secrets.
const config = new pulumi.Config();

const support = new ucaas.PbxRole("support", {
    name: "Support",
    description: "First-line support agents",
    permissions: {
        general: { voicemailFullAccess: true, meeting: true },
        userCallLog: { callLogViewOnly: true },
        policies: { internalCalls: true, domesticCalls: true },
    },
});

const alice = new ucaas.PbxUser("alice", {
    name: "alice",
    displayName: config.get("aliceDisplayName") ?? "Alice Example",
    email: "alice@example.com",
    role: support.name, // depends on the role, so it is created first
    extensionNumber: "1001",
    password: config.requireSecret("alicePassword"),
    extensionPassword: config.requireSecret("aliceExtensionPassword"),
    voicemailPin: config.requireSecret("aliceVoicemailPin"),
    department: "Support",
    enableVoicemailNotify: true,
    officeHours: {
        mode: "CUSTOM",
        monday: { enabled: true, ranges: [{ from: "08:00", to: "16:00" }] },
        friday: { enabled: true, ranges: [{ from: "08:00", to: "12:00" }] },
    },
});

const bob = new ucaas.PbxUser("bob", {
    name: "bob",
    displayName: "Bob Example",
    email: "bob@example.com",
    role: "StandardUser",
    extensionNumber: config.get("bobExtension") ?? "1002",
    password: config.requireSecret("bobPassword"),
    extensionPassword: config.requireSecret("bobExtensionPassword"),
    voicemailPin: config.requireSecret("bobVoicemailPin"),
    ms365UserId: "bob@example.onmicrosoft.com",
});

// An extension that already exists on the PBX is taken over with adopt: true.
const carol = config.getBoolean("adoptCarol")
    ? new ucaas.PbxUser("carol", {
          name: "carol",
          displayName: "Carol Example",
          email: "carol@example.com",
          role: "StandardUser",
          extensionNumber: "1003",
          password: config.requireSecret("carolPassword"),
          extensionPassword: config.requireSecret("carolExtensionPassword"),
          voicemailPin: config.requireSecret("carolVoicemailPin"),
          adopt: true,
      })
    : undefined;

// A user group owns its whole member list: members left out are removed. Members given as the
// users' extension outputs make the engine create each user before adding it to the group (a
// user removed from the program leaves the group before it is deleted).
const supportTrunk = config.get("supportTrunkId"); // the PBX's id of the trunk the support line goes out through
const supportTeam = new ucaas.PbxGroup("support-team", {
    name: "Support team",
    description: config.get("supportTeamDescription") ?? "Everyone who answers support calls",
    outboundCallerIds: supportTrunk ? [{ providerId: supportTrunk, callerId: "+12125550100", description: "Support line" }] : undefined,
    members: [alice.extensionNumber],
});

export const roleName = support.name;
export const supportTeamId = supportTeam.groupId;
export const extensions = {
    alice: alice.extensionNumber,
    bob: bob.extensionNumber,
    ...(carol ? { carol: carol.extensionNumber } : {}),
};
export const aliceUserId = alice.userId;
