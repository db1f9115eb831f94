import { strict as assert } from "node:assert";
import { secretSafeFailures } from "../../provider/dynamic/secret-guard";
import { excerpt } from "../../provider/http/redact";
import { registerSecret, registerSecretsIn, scrubSecrets } from "../../provider/http/secret-values";

describe("secret values", () => {
    it("scrubs a registered secret in every spelling a vendor may echo it in", () => {
        const secret = 'p@ss "word"+1 &x';
        registerSecret(secret);
        const echoed = [secret, JSON.stringify(secret), encodeURIComponent(secret), new URLSearchParams({ p: secret }).toString()].join(" | ");
        const scrubbed = scrubSecrets(echoed);
        assert.equal(scrubbed, '[REDACTED] | "[REDACTED]" | [REDACTED] | p=[REDACTED]');
    });

    it("replaces a secret that contains another one whole, and ignores values too short to be secrets", () => {
        registerSecret("abcd");
        registerSecret("abcdefgh-long");
        registerSecret("xyz");
        assert.equal(scrubSecrets("abcdefgh-long abcd xyz"), "[REDACTED] [REDACTED] xyz");
    });

    it("registers every string inside a secret object", () => {
        registerSecretsIn({ conferenceModeratorPin: "97531864", nested: ["conf-77-secret"] });
        assert.equal(scrubSecrets("pin 97531864 in conf-77-secret"), "pin [REDACTED] in [REDACTED]");
    });

    it("cuts an excerpt only after scrubbing, so a secret is never half shown", () => {
        const secret = "S".repeat(30) + "-tail-secret";
        registerSecret(secret);
        const body = "x".repeat(180) + secret;
        const shown = excerpt(body);
        assert.equal(shown.includes("SSSS"), false, shown);
        assert.ok(shown.startsWith("x".repeat(180) + "[REDACTED]".slice(0, 20)));
        assert.deepEqual(JSON.parse(excerpt(JSON.stringify({ password: "plain", user: "bob" }))), { password: "[REDACTED]", user: "bob" });
    });
});

describe("check failures about secret properties", () => {
    const failures = [
        { property: "password", reason: "Too big: expected string to have <=64 characters" },
        { property: "password.length", reason: "nested" },
        { property: "voicemailPin", reason: "is required" },
        { property: "email", reason: "Invalid email address" },
    ];

    it("are the resource's problem when the secret has a value, so the engine cannot print it", () => {
        const safe = secretSafeFailures(failures, ["password", "voicemailPin"], { password: "x".repeat(70), email: "nope" });
        assert.deepEqual(safe, [
            { property: "", reason: "password (secret, value not shown): Too big: expected string to have <=64 characters" },
            { property: "", reason: "password.length (secret, value not shown): nested" },
            // Missing: there is no value the engine could print, so the property stays named.
            { property: "voicemailPin", reason: "is required" },
            { property: "email", reason: "Invalid email address" },
        ]);
    });

    it("never carry a secret value in their reason", () => {
        registerSecret("Reason-Canary-99");
        const [safe] = secretSafeFailures([{ property: "email", reason: "Reason-Canary-99 is not an email" }], [], {});
        assert.equal(safe.reason, "[REDACTED] is not an email");
    });
});
