/**
 * The rule that keeps an empty or truncated roster from deleting users: a roster names the sections
 * it manages in `sections:`, its last key. A file cut short anywhere has lost that line (or is
 * invalid YAML, or has sections it no longer declares), and is refused; a section meant to be empty
 * is declared and written as `[]`, and a roster that manages nothing says `sections: []`.
 */
import { isMap, isPair, isScalar, type Document, type LineCounter } from "yaml";
import type { RosterProblem } from "./errors";
import { positionOf } from "./positions";
import { rosterSections, sectionPath } from "./sections";

export const sectionsDescription =
    "The sections this file manages, e.g. `[pbx.roles, pbx.users]`; it must be the file's last key. " +
    "Each one must be in the file (`users: []` when it is empty on purpose), and no other section may be. " +
    "A file without it, such as an empty or truncated one, is refused: deploying it would delete what it lost. " +
    "`sections: []` manages nothing (deploying it deletes everything the stack has).";

type Data = Record<string, unknown>;

const listOf = (data: Data, vendor: string, list: string): unknown => {
    const section = data[vendor];
    return section && typeof section === "object" ? (section as Data)[list] : undefined;
};

/** The keys of the document's top-level map, in file order. */
function topLevelKeys(doc: Document): string[] {
    return isMap(doc.contents)
        ? doc.contents.items.flatMap((item) => (isPair(item) && isScalar(item.key) ? [String(item.key.value)] : []))
        : [];
}

/** Problems of the `sections:` declaration; `data` is the parsed YAML, whether or not it is otherwise valid. */
export function declaredSectionsProblems(doc: Document, lineCounter: LineCounter, data: Data, file: string, textLength: number): RosterProblem[] {
    const at = (path: readonly PropertyKey[], key?: string) => ({ file, ...positionOf(doc, lineCounter, path, key) });
    const present = rosterSections.filter((s) => listOf(data, s.vendor, s.list) !== undefined).map(sectionPath);
    if (!("sections" in data)) {
        if (Object.keys(data).length === 0) {
            return [{
                ...at([]), path: "",
                message: "the roster is empty: deploying it would delete every user, role and number this stack manages. " +
                    "A roster that manages nothing on purpose says so: `sections: []`",
            }];
        }
        const end = lineCounter.linePos(textLength);
        return [{
            file, line: end.line, column: end.col, path: "sections",
            message: `is missing at the end of the roster: list the sections this file manages as its last key, \`sections: [${present.join(", ")}]\`. ` +
                "Without it the file may have been cut short, and deploying it would delete whatever was lost",
        }];
    }
    const problems: RosterProblem[] = [];
    const keys = topLevelKeys(doc);
    const after = keys.slice(keys.indexOf("sections") + 1);
    if (after.length) {
        problems.push({
            ...at([], after[0]), path: after[0],
            message: "comes after `sections:`, which must be the roster's last key (a file cut short then lacks it and is refused): move `sections:` to the end",
        });
    }
    const declared = data.sections;
    if (!Array.isArray(declared)) {
        return problems; // reported by the schema
    }
    declared.forEach((name, index) => {
        if (declared.indexOf(name) < index) {
            problems.push({ ...at(["sections", index]), path: `sections[${index}]`, message: `lists ${name} twice` });
            return;
        }
        const section = rosterSections.find((s) => sectionPath(s) === name);
        if (section && !present.includes(name)) {
            problems.push({
                ...at(["sections", index]), path: `sections[${index}]`,
                message: `${name} is declared but not in the file; the file may have been cut short. ` +
                    `Write \`${section.list}: []\` under \`${section.vendor}:\` if it is empty on purpose, ` +
                    "or remove it from `sections:` to stop managing it (deploying then deletes its resources)",
            });
        }
    });
    const sectionsLine = at(["sections"]).line;
    for (const name of present.filter((name) => !declared.includes(name))) {
        const [vendor, list] = name.split(".");
        problems.push({ ...at([vendor], list), path: name, message: `is not listed in \`sections:\` (line ${sectionsLine}): add ${name} there if this file manages it` });
    }
    return problems;
}

/**
 * The same rule for editors, in JSON Schema (draft 7): `sections` is required, and a section is in
 * the file exactly when it is declared. That it must be the last key cannot be said in JSON Schema.
 */
export function declaredSectionsJsonSchema(): Record<string, unknown> {
    return {
        required: ["sections"],
        allOf: rosterSections.map((section) => ({
            if: { properties: { sections: { contains: { const: sectionPath(section) } } }, required: ["sections"] },
            then: { required: [section.vendor], properties: { [section.vendor]: { required: [section.list] } } },
            else: { properties: { [section.vendor]: { not: { required: [section.list] } } } },
        })),
    };
}
