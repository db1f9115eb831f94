#!/usr/bin/env node
// `npm run types` (each resource's declarations, from its zod schemas) and `npm run docs` (the
// reference under docs/): regenerate after changing a schema, a setting or a command; the tests
// fail while the committed files are stale. The generators are TypeScript (scripts/reference/).
"use strict";
const path = require("node:path");
require("ts-node").register({ transpileOnly: true, project: path.join(__dirname, "..", "tsconfig.json") });
const { writeGenerated } = require("./reference/files.ts");

const what = process.argv[2];
if (what !== "types" && what !== "docs") {
    console.error("usage: node scripts/generate-reference.js types|docs");
    process.exit(2);
}
for (const file of writeGenerated(what)) {
    console.log(`wrote ${file}`);
}
