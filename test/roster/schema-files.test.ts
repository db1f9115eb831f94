import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { generateJsonSchemas, serializeJsonSchema } from "../../provider/roster/json-schema";

const schemaDir = path.join(__dirname, "..", "..", "schema");

describe("schema/*.json", () => {
    const generated = generateJsonSchemas();

    it("are exactly what `npm run schema` generates from the zod schemas (run it after changing fields)", () => {
        const committed = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".json")).sort();
        assert.deepEqual(committed, Object.keys(generated).sort());
        for (const [file, schema] of Object.entries(generated)) {
            assert.equal(fs.readFileSync(path.join(schemaDir, file), "utf8"), serializeJsonSchema(schema), `schema/${file} is stale`);
        }
    });

    it("carry field descriptions and accept only secret references in secret fields", () => {
        const roster = generated["roster.schema.json"] as { properties: { pbx: { properties: { users: { items: { properties: Record<string, { description?: string; required?: string[] }> } } } } } };
        const fields = roster.properties.pbx.properties.users.items.properties;
        assert.match(fields.extensionNumber.description!, /unique on the PBX/);
        assert.deepEqual(fields.password.required, ["secret"]);
    });

    it("carry the declared-sections rule: sections is required, and a section is in the file exactly when it is declared", () => {
        const roster = generated["roster.schema.json"] as { required: string[]; allOf: unknown[]; properties: { sections: { description: string } } };
        assert.deepEqual(roster.required, ["sections"]);
        assert.match(roster.properties.sections.description, /must be the file's last key/);
        assert.deepEqual(roster.allOf[2], {
            if: { properties: { sections: { contains: { const: "pbx.users" } } }, required: ["sections"] },
            then: { required: ["pbx"], properties: { pbx: { required: ["users"] } } },
            else: { properties: { pbx: { not: { required: ["users"] } } } },
        });
        assert.equal(roster.allOf.length, 6);
    });
});
