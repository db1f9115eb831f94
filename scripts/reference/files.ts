/**
 * The generated files, by repository-relative path: what `npm run types` and `npm run docs` write
 * and what the drift tests (test/docs) compare with the committed files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceReferences } from "../../provider/reference/resources";
import { generatedDocs } from "./docs";
import { generatedTypeFiles } from "./types";

export const repoRoot = path.resolve(__dirname, "..", "..");

export type Generated = "types" | "docs";

export function generatedFiles(what: Generated): Record<string, string> {
    const refs = resourceReferences();
    switch (what) {
        case "types":
            return generatedTypeFiles(refs);
        case "docs":
            return generatedDocs(refs);
    }
}

/** Writes the files of `what`; resolves to their paths. */
export function writeGenerated(what: Generated): string[] {
    const files = generatedFiles(what);
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(repoRoot, file)), { recursive: true });
        fs.writeFileSync(path.join(repoRoot, file), text);
    }
    return Object.keys(files);
}
