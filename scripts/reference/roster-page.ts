/** docs/roster.md: the roster file, from the roster's own registries and schemas (provider/roster). */
import { sectionsDescription } from "../../provider/roster/declared-sections";
import { EntryOptionsSchema, optionsKey } from "../../provider/roster/entry-options";
import { SecretRef } from "../../provider/roster/secret-ref";
import { EntryShardSchema, ShardsSchema, shardKey } from "../../provider/roster/shards";
import { rosterSections, sectionPath } from "../../provider/roster/sections";
import { TenantAliasesSchema } from "../../provider/roster/tenants";
import type { z } from "zod";
import { typeText } from "./field-types";
import { code, generatedNote, page, table } from "./markdown";
import { kebab } from "./resource-page";
import { core, defOf } from "./zod-reading";

export const rosterPageFile = "docs/roster.md";

const example = `\`\`\`yaml
# yaml-language-server: $schema=node_modules/pulumi-ucaas/schema/roster.schema.json
pbx:
  roles:
    - name: Support
      permissions:
        general: { voicemailFullAccess: true }
  users:
    - name: alice
      displayName: Alice Example
      email: alice@example.com
      role: Support                  # a roster role: created first, referenced by its output
      extensionNumber: "1001"
      password: { secret: alicePassword }
      extensionPassword: { secret: aliceExtensionPassword }
      voicemailPin: { secret: aliceVoicemailPin }
      options:                       # Pulumi resource options for this entry alone
        protect: true
        ignoreChanges: [displayName]
  groups:
    - name: Support team
      members: [alice]               # a roster user: added once created, by its extension output
teams:
  tenants:                           # short names for tenants, used in logical names
    contoso: 0b7e3c9a-4f1d-4e2b-8a6c-5d9f1e2a3b4c
  users: []                          # managed, and empty on purpose
# The sections this file manages: always the last key.
sections: [pbx.roles, pbx.users, pbx.groups, teams.users]
\`\`\``;

const program = `\`\`\`ts
import * as ucaas from "pulumi-ucaas";
const roster = ucaas.loadRoster("roster.yaml");
const deployed = ucaas.deployRosterAsync(roster);        // (roster, opts) adds options for every entry
export const managed = deployed.then(() => ucaas.rosterIdentities(roster));  // logical name -> what it is at the vendor
\`\`\``;

function sectionRows(): string[][] {
    return rosterSections.map((section) => [
        code(sectionPath(section)),
        `[${section.kind}](resources/${kebab(section.kind)}.md)`,
        section.naming.name,
        section.naming.former ?? "",
        section.secretKeys.map(code).join(", "),
    ]);
}

/** `name` or `name` or `extensionNumber`: the fields a reference may name, in the order they are tried. */
const orList = (keys: readonly string[]) => keys.map(code).join(" or ");

function referenceLines(): string[] {
    return rosterSections.flatMap((section) =>
        (section.references ?? []).map((reference) => {
            const field = section.rosterFields?.[reference.field] ?? (section.schema.shape[reference.field] as z.ZodType);
            const list = defOf(core(field, "input")).type === "array";
            const where = list ? `each item of ${code(`${sectionPath(section)}[].${reference.field}`)}` : code(`${sectionPath(section)}[].${reference.field}`);
            const otherwise = reference.otherwise
                ? ` Any other value must be valid as it stands, else \`loadRoster\` refuses it at its position (a value that ${reference.otherwise.says}).`
                : "";
            return (
                `- ${where} naming a ${code(reference.section)} entry's ${orList(reference.keys)} becomes that resource's ` +
                `${code(reference.output)} output: the entry is declared after it, and the preview shows the dependency.${otherwise}`
            );
        }),
    );
}

function optionRows(): string[][] {
    return Object.entries(EntryOptionsSchema.shape).map(([key, schema]) => [code(key), typeText(schema), schema.description ?? ""]);
}

export function rosterPage(): string {
    return page([
        generatedNote("provider/roster (sections.ts, entry-options.ts, declared-sections.ts, tenants.ts, secret-ref.ts, shards.ts)"),
        "# The roster",
        "A YAML file that an ops repository edits by pull request, deployed by a four-line program:",
        program,
        "`loadRoster(file)` reads and validates it and reports every problem at once, each with file, line, column and field " +
            "path, before anything is sent to a vendor (in `pulumi preview`/`up` that is the whole error). `deployRoster(roster, opts?)` " +
            "declares one resource per entry; `deployRosterAsync(roster, opts?, { batchSize? })` declares the same resources in batches " +
            "(25 by default), yielding to the event loop between them so that the engine starts on the first while the rest are declared, " +
            "and resolves once all are; `rosterIdentities(roster)` maps each logical name to what it is at the vendor.",
        example,
        "## Sections",
        "One section per resource type. Each entry is exactly the resource's arguments (see its page), except that secret fields take " +
            "a reference and `options:` holds the entry's resource options. Each entry's resource is named after an identity that no " +
            "update changes, so reordering the file changes nothing; the names it had before are declared as Pulumi `aliases`. " +
            "Characters other than letters, digits and `. _ @ + - /` become `_`.",
        table(["section", "resource", "logical name", "former name (an alias)", "secret fields"], sectionRows()),
        "## `sections:`, the last key",
        sectionsDescription,
        "## Secret fields",
        `A secret field never holds its value: it takes ${code("{ secret: <config key> }")}, the stack config key that holds it ` +
            `(${SecretRef.shape.secret.description}). It resolves to a Pulumi secret. A plain value is refused with the command that ` +
            "stores it. When the stack lacks some, `deployRoster` names them all at once, before declaring anything, with the commands to set them.",
        `## Per-entry options (\`${optionsKey}:\`)`,
        `${EntryOptionsSchema.description} An entry's ${code("protect")} and ${code("retainOnDelete")} take precedence over ` +
            `deployRoster's; its ${code("ignoreChanges")} and ${code("dependsOn")} add to them. ${code("dependsOn")} names entries by ` +
            "their logical names (the table above, and the `managed` output); entries are declared in an order that puts each after " +
            "what it depends on. A name that is no entry of the roster, the entry's own name and a cycle of dependencies are " +
            "refused by `loadRoster`, at their position.",
        table(["option", "type", "description"], optionRows()),
        "## References between entries",
        referenceLines().join("\n"),
        `## Shards (\`shards:\` and an entry's \`${shardKey}:\`)`,
        `${ShardsSchema.description} ${code(`${shardKey}:`)} on an entry: ${EntryShardSchema.description} ` +
            "`deployRoster` then declares the entries of this stack's shard alone (`ucaas:shard`, else the stack's name), and " +
            "`npx pulumi-ucaas shards up` runs every shard's stack within the vendors' limits. See [sharding.md](sharding.md).",
        "## Teams tenant aliases (`teams.tenants`)",
        TenantAliasesSchema.description ?? "",
        "## Editor support",
        "`schema/roster.schema.json` (and one schema per resource) is generated from the same zod schemas by `npm run schema`; " +
            "the `yaml-language-server` comment in the example points editors at it, for completion and validation.",
    ]);
}
