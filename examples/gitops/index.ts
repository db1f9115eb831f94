import * as path from "node:path";
import * as ucaas from "pulumi-ucaas";

// Every user, role and number assignment is in roster.yaml; this program deploys it.
const roster = ucaas.loadRoster(path.join(__dirname, "roster.yaml"));
ucaas.deployRoster(roster);

// Logical name -> what it is at the vendor. A map: a new user adds one line to a preview.
export const managed = ucaas.rosterIdentities(roster);
