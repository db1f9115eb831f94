import * as path from "node:path";
import * as ucaas from "pulumi-ucaas";

// Every user, role and number assignment lives in roster.yaml; this program only deploys it.
// Secrets in the roster are `{ secret: <config key> }` references to this stack's config.
const roster = ucaas.loadRoster(path.join(__dirname, "roster.yaml"));
// In batches, yielding between them: the engine starts on the first entries while the rest are declared.
const deployed = ucaas.deployRosterAsync(roster);

// Logical name -> what it is at the vendor. A map: adding a user adds one line to a preview's diff.
// (Exported once every entry is declared, so the program ends only then, and fails as deployRoster would.)
// A roster split into `shards:` lists this stack's shard alone (docs/sharding.md).
export const managed = deployed.then(() => ucaas.rosterIdentities(ucaas.rosterOfStack(roster)));
