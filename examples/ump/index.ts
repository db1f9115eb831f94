import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

// Connection settings (ucaas:umpUrl, and ucaas:umpToken where a token guards UMP) come from stack
// config or UCAAS_* variables; they are never resource inputs. The users themselves live in the
// directory: UmpEndpoint gives them a number and voice settings.
const config = new pulumi.Config();

const alice = new ucaas.UmpEndpoint("alice", {
    identity: "sip:alice@contoso.com",
    enterpriseVoiceEnabled: true,
    lineUri: config.get("aliceLineUri") ?? "tel:+311111121",
    voicePolicy: "International",
    dialPlan: config.get("aliceDialPlan") ?? "NL-Amsterdam",
    usageLocation: "NL",
    department: "Support",
});

// Bob's number outlives the stack: with retainOnDelete, destroy leaves everything at UMP as it is.
const bob = new ucaas.UmpEndpoint(
    "bob",
    {
        identity: "sip:bob@contoso.com",
        enterpriseVoiceEnabled: true,
        lineUri: "tel:+31202000101", // a Teams Phone System number
        voicePolicy: "National",
        dialPlan: "NL-Rotterdam",
    },
    { retainOnDelete: true },
);

// Carol had a number before this stack existed: adopt: true takes her endpoint over.
const carol = config.getBoolean("adoptCarol")
    ? new ucaas.UmpEndpoint("carol", {
          identity: "sip:carol@contoso.com",
          enterpriseVoiceEnabled: true,
          lineUri: "tel:+311111131",
          voicePolicy: "Local",
          adopt: true,
      })
    : undefined;

export const numbers = {
    alice: alice.lineUri,
    bob: bob.lineUri,
    ...(carol ? { carol: carol.lineUri } : {}),
};
export const aliceDisplayName = alice.displayName;

// Lookups run in the program, so they query UMP on every preview; this one is opt-in.
export const numbersAvailable = config.getBoolean("listNumberRanges")
    ? ucaas.ump.numberRanges().then((ranges) => Object.fromEntries(ranges.map((range) => [range.identity, range.numbersAvailable])))
    : undefined;
