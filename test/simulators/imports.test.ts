/**
 * A simulator is the vendor: it must never import the provider (a shared module would make a
 * misreading of the seed pass by construction), nor another vendor's simulator (what vendors share
 * lives in simulators/common). Checked over the source text of every file under simulators/.
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const simulatorsDir = path.join(repoRoot, "simulators");
const providerDir = path.join(repoRoot, "provider");
const SHARED = new Set(["common"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier in static imports, re-exports, dynamic imports and require calls. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

const inside = (file: string, dir: string) => !path.relative(dir, file).startsWith("..") && !path.isAbsolute(path.relative(dir, file));

/** The simulator folder a path is in (`portsip`, `common`, ...), or undefined for simulators/ itself. */
function vendorOf(file: string): string | undefined {
  if (!inside(file, simulatorsDir)) return undefined;
  const [first, ...rest] = path.relative(simulatorsDir, file).split(path.sep);
  return rest.length > 0 ? first : undefined;
}

/** What is wrong with the imports of one simulator file, one line each. */
function violations(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const specifier of specifiers(source)) {
    if (specifier === "pulumi-ucaas" || specifier.startsWith("pulumi-ucaas/")) {
      problems.push(`${specifier}: the package's own modules are the provider`);
      continue;
    }
    if (!specifier.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), specifier);
    if (inside(target, providerDir)) problems.push(`${specifier}: imports the provider`);
    const [from, to] = [vendorOf(file), vendorOf(target)];
    if (from && to && from !== to && !SHARED.has(to)) problems.push(`${specifier}: imports another vendor's simulator (${to}); share it through simulators/common`);
  }
  return problems;
}

describe("simulator imports", () => {
  it("no file under simulators/ imports the provider, and no vendor imports another vendor", () => {
    const files = sourceFiles(simulatorsDir);
    assert.ok(files.length > 40, `found ${files.length} simulator files`);
    const found = files.flatMap((file) => violations(file, readFileSync(file, "utf8")).map((problem) => `${path.relative(repoRoot, file)}: ${problem}`));
    assert.deepEqual(found, []);
  });

  it("would catch each kind of forbidden import", () => {
    const file = path.join(simulatorsDir, "ump", "numbers.ts");
    const forbidden = [
      'import { formatTelUri } from "../../provider/ump/tel-uri";',
      "import type { TaskView } from '../../provider/masergy/task-view';",
      'export { isCountryCode } from "../../provider/ump/country-codes";',
      'const zones = require("../../provider/masergy/time-zones");',
      'const later = await import("../../provider/http/client");',
      'import "../../provider/index";',
      'import { pbx } from "pulumi-ucaas";',
      'import { Problems } from "../portsip/validate";',
    ];
    for (const line of forbidden) assert.equal(violations(file, line).length, 1, line);
    const allowed = ['import { Problems } from "../common/validate";', 'import { readLine } from "./line-uri";', 'import { randomUUID } from "node:crypto";', 'import { parsePhoneNumberFromString } from "libphonenumber-js";'];
    for (const line of allowed) assert.deepEqual(violations(file, line), [], line);
  });
});
