import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { configKeyName, envVarName, isSecretSetting, needsPlaintextFlag, settingKeys } from "../../provider/settings/catalog";

const root = path.join(__dirname, "..", "..");
const settingsPage = fs.readFileSync(path.join(root, "docs", "settings.md"), "utf8");
const tableRows = settingsPage.split("\n").filter((line) => line.startsWith("| `ucaas:"));
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const configuration = readme.slice(readme.indexOf("## Configuration\n"), readme.indexOf("\n## ", readme.indexOf("## Configuration\n") + 1));

describe("docs/settings.md and the README's configuration section", () => {
    it("the settings page has a row for every setting, with its variable, its secrecy and what check verifies", () => {
        assert.equal(tableRows.length, settingKeys.length);
        for (const key of settingKeys) {
            const row = tableRows.find((line) => line.split("|")[1].trim() === `\`${configKeyName(key)}\``);
            assert.ok(row, `no row for ${configKeyName(key)}`);
            const [, , variable, secret, , , verifies] = row.split("|");
            assert.equal(variable.trim(), `\`${envVarName(key)}\``, key);
            assert.equal(secret.trim() === "secret", isSecretSetting(key), `${key} secret marking`);
            assert.ok(verifies?.trim(), `${key}: the check column is empty`);
        }
    });

    it("says what check verifies of the URLs, the credential alternatives and the numbers", () => {
        const verifies = (key: string) => tableRows.find((line) => line.startsWith(`| \`ucaas:${key}\``))!.split("|")[6].trim();
        assert.equal(verifies("pbxUrl"), "set; a URL (see below), not ending with `/api` (it is the PBX's address; every request adds /api/...)");
        assert.equal(verifies("pbxToken"), "this, or `pbxUsername` and `pbxPassword`");
        assert.match(verifies("masergyPollIntervalSeconds"), /^a number > 0 and <= 3600; at least 10 .* unless `ucaas:masergyApiUrl` is on this machine$/);
        assert.match(verifies("insecureHttp"), /, for every vendor$/);
        assert.equal(verifies("umpToken"), "-");
    });

    it("tells to set each non-secret key that the Pulumi CLI takes for a secret with --plaintext, in the README and the page", () => {
        const keys = settingKeys.filter(needsPlaintextFlag);
        assert.deepEqual(keys, ["masergyTokenUrl"]);
        for (const key of keys) {
            assert.ok(configuration.includes(`pulumi config set --plaintext ${configKeyName(key)} https://`), key);
            assert.ok(settingsPage.includes(`pulumi config set --plaintext ${configKeyName(key)} https://`), key);
        }
    });

    it("the README keeps the points that matter most and links to the page", () => {
        assert.ok(configuration.includes("](docs/settings.md)"));
        assert.ok(configuration.includes("**Checked at preview.**"));
        assert.ok(configuration.includes("--run-program"));
    });
});
