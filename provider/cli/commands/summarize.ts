/**
 * `pulumi-ucaas summarize`: turns `pulumi preview --json` into the Markdown summary a reviewer
 * reads in a pull request (one table per vendor: added, changed, replaced, removed).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { summarizePreview } from "../../summary/summarize";
import { UsageError } from "../errors";
import { readAll } from "../prompt";
import { registerCommand } from "../registry";

registerCommand<Record<string, never>>({
    name: "summarize",
    summary: "turn `pulumi preview --json` into a Markdown summary per vendor for a pull request",
    details: `Reads the JSON of \`pulumi preview --json\` from FILE, or from stdin when FILE
is - or omitted, and prints Markdown: a table per vendor of the objects added,
changed (field, before -> after; drift corrections show what the vendor holds
now; secrets only as "changed"), replaced (the field that forces it, whether
the old object is deleted first, what its users lose meanwhile) and removed.
An empty preview prints "No changes.". A failed preview prints its errors and
exits 1.

  pulumi preview --json | npx pulumi-ucaas summarize > summary.md
  pulumi preview --refresh --run-program --json > preview.json
  npx pulumi-ucaas summarize preview.json`,
    define: (command) => command.argument("[file]", "the saved output of `pulumi preview --json` (default: stdin)"),
    async run({ args, io, result }) {
        const file = args[0];
        let text: string;
        if (file === undefined || file === "-") {
            if (io.stdin.isTTY) {
                throw new UsageError("pipe `pulumi preview --json` into it, or name a file that holds that output");
            }
            text = await readAll(io.stdin);
        } else {
            const resolved = path.resolve(io.cwd, file);
            if (!fs.existsSync(resolved)) throw new UsageError(`no such file: ${file}`);
            text = fs.readFileSync(resolved, "utf8");
        }
        result(summarizePreview(text));
    },
});
