import { Document } from "yaml";
import { parseRoster } from "../roster/load";
import type { ExportedVendor } from "./exported-vendor";

/** The comment that gives editors completion and validation from the package's JSON Schema. */
export const schemaComment = (schemaPath: string) => `yaml-language-server: $schema=${schemaPath}`;

/** Roster YAML from exported vendors; it is parsed back before it is returned, so it is always valid. */
export function rosterYaml(vendors: Record<string, ExportedVendor>, schemaPath: string): string {
    const sections = Object.fromEntries(Object.entries(vendors).filter(([, v]) => Object.keys(v.lists).length).map(([name, v]) => [name, v.lists]));
    // The roster's last key declares what it manages (see roster/declared-sections.ts).
    const declared = Object.entries(sections).flatMap(([vendor, lists]) => Object.keys(lists).map((list) => `${vendor}.${list}`));
    const doc = new Document(sections);
    doc.set("sections", doc.createNode(declared, { flow: true }));
    doc.commentBefore = ` ${schemaComment(schemaPath)}\n Exported by pulumi-ucaas: every entry has adopt: true, so \`pulumi up\` takes it over unchanged.`;
    const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    parseRoster(text, "exported roster");
    return text;
}
