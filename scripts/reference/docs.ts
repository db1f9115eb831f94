/**
 * `npm run docs`: the reference under docs/, generated from the package's own registries and
 * schemas: one page per resource, the roster, the settings and the commands, and an index.
 */
import { typeToken } from "../../provider/dynamic/kinds";
import type { ResourceReference } from "../../provider/reference/resource-reference";
import { commandsPage, commandsPageFile } from "./commands-page";
import { generatedNote, page, table } from "./markdown";
import { resourcePage, resourcePageFile } from "./resource-page";
import { rosterPage, rosterPageFile } from "./roster-page";
import { settingsPage, settingsPageFile } from "./settings-page";
import { shardingPage, shardingPageFile } from "./sharding-page";

const relative = (file: string) => file.replace(/^docs\//, "");

function index(refs: readonly ResourceReference[]): string {
    return page([
        generatedNote("scripts/reference/docs.ts"),
        "# pulumi-ucaas reference",
        "Generated from the package itself by `npm run docs` (a test fails while a page is stale): the zod schemas the resources " +
            "validate with, the roster's registries, the settings registry and the command registry.",
        "## Resources",
        table(
            ["resource", "type token", "vendor"],
            refs.map((ref) => [`[${ref.kind}](${relative(resourcePageFile(ref))})`, `\`${typeToken(ref.kind)}\``, ref.vendor]),
        ),
        "## Everything else",
        [
            `- [The roster](${relative(rosterPageFile)}): sections, logical names, \`sections:\`, secret references, per-entry options, tenant aliases.`,
            `- [Settings](${relative(settingsPageFile)}): every \`ucaas:*\` config key and \`UCAAS_*\` variable.`,
            `- [Commands](${relative(commandsPageFile)}): \`pulumi-ucaas\` and its options.`,
            `- [Sharding](${relative(shardingPageFile)}): one roster in many stacks, \`pulumi-ucaas shards\`, moves between shards.`,
        ].join("\n"),
    ]);
}

export function generatedDocs(refs: readonly ResourceReference[]): Record<string, string> {
    return {
        "docs/README.md": index(refs),
        ...Object.fromEntries(refs.map((ref) => [resourcePageFile(ref), resourcePage(ref)])),
        [rosterPageFile]: rosterPage(),
        [settingsPageFile]: settingsPage(),
        [commandsPageFile]: commandsPage(),
        [shardingPageFile]: shardingPage(),
    };
}
