import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

describe("npm run demo", function () {
    this.timeout(10 * 60_000);

    it("deploys the example roster, previews it without vendor calls, applies one edit and cleans up", async () => {
        const repo = path.join(__dirname, "..");
        const { stdout } = await promisify(execFile)(process.execPath, [path.join(repo, "scripts", "demo.js")], {
            cwd: repo,
            maxBuffer: 32 << 20,
        });
        assert.match(stdout, /pulumi up: deploy examples\/roster\/roster\.yaml/);
        assert.match(stdout, /vendor requests during that preview: 0\n/);
        // The edited user, under its readable logical name, with the one property that changes.
        assert.match(stdout, /\[urn=urn:pulumi:demo::ucaas-demo::pulumi-nodejs:dynamic\/ucaas:PbxUser::pbx-user-alice\]\n(.*\n)*?\s+~ displayName: "Alice Example" => "Alice Example \(edited\)"/);
        assert.match(stdout, /teams-user-contoso\/alice@contoso\.com/);
        assert.match(stdout, /vendor requests during that update: portsip POST \/api\/users\/\S+\n/);
        assert.match(stdout, /extension 1001\s+alice\s+"Alice Example \(edited\)"/);
        assert.match(stdout, /jdoe@example\.com\s+Jane Doe\s+\+12125550101\s+extension 0101/);
        assert.match(stdout, /sip:alice@contoso\.com\s+tel:\+311111121\s+Enterprise Voice/);
        assert.match(stdout, /alice@contoso\.com\s+\w+\s+call policy Global/);
        assert.match(stdout, /Demo finished/);
    });
});
