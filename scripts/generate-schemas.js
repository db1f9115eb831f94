#!/usr/bin/env node
// `npm run schema`: regenerates schema/*.json from the zod schemas (run after changing a resource's
// fields; a test fails while the committed files are stale).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { generateJsonSchemas, serializeJsonSchema } = require("../dist/provider/roster/json-schema");

const dir = path.join(__dirname, "..", "schema");
fs.mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(generateJsonSchemas())) {
    fs.writeFileSync(path.join(dir, file), serializeJsonSchema(schema));
    console.log(`wrote schema/${file}`);
}
