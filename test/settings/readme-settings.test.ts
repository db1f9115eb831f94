import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { configKeyName, envVarName, isSecretSetting, needsPlaintextFlag, settingKeys } from "../../provider/settings/catalog";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const configuration = readme.slice(readme.indexOf("## Configuration\n"), readme.indexOf("\n## ", readme.indexOf("## Configuration\n") + 1));
const tableRows = configuration.split("\n").filter((line) => line.startsWith("| `ucaas:"));

describe("README: the configuration section", () => {
    it("has a row for every setting, with its variable, its secrecy and what check verifies", () => {
        for (const key of settingKeys) {
            const row = tableRows.find((line) => line.split("|")[1].includes(`\`${configKeyName(key)}\``));
            assert.ok(row, `no row for ${configKeyName(key)}`);
            const [, keys, variables, , , verifies] = row.split("|");
            assert.ok(variables.includes(`\`${envVarName(key)}\``), `${key}: ${variables}`);
            assert.equal(keys.includes(`\`${configKeyName(key)}\` (secret)`), isSecretSetting(key), `${key} secret marking`);
            assert.ok(verifies?.trim(), `${key}: the check column is empty`);
        }
    });

    it("tells to set each non-secret key that the Pulumi CLI takes for a secret with --plaintext", () => {
        const keys = settingKeys.filter(needsPlaintextFlag);
        assert.deepEqual(keys, ["masergyTokenUrl"]);
        for (const key of keys) {
            assert.ok(configuration.includes(`pulumi config set --plaintext ${configKeyName(key)} https://`), key);
        }
    });
});
