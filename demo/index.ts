// The demo program: deploys a roster file with pulumi-ucaas. `npm run demo` points it at a copy of
// examples/roster/roster.yaml (config `roster`) so it can edit a user without touching the original.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ucaas from "pulumi-ucaas";

const file = new pulumi.Config().get("roster") ?? path.join(__dirname, "..", "examples", "roster", "roster.yaml");
const roster = ucaas.loadRoster(file);
const deployed = ucaas.deployRosterAsync(roster);

export const managed = deployed.then(() => ucaas.rosterIdentities(roster));
