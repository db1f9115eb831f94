import { strict as assert } from "node:assert";
import { defaultRetryPolicy, parseRetryAfter, retryDelay } from "../../provider/http/retry-policy";
import { redact, scrubText } from "../../provider/http/redact";

const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 400 };

describe("retry policy", () => {
    it("repeats a read after 5xx, 429, 408 and network errors", () => {
        for (const failure of [{ statusCode: 503 }, { statusCode: 429 }, { statusCode: 408 }, { networkCode: "ECONNRESET" }]) {
            assert.notEqual(retryDelay(policy, { attempt: 1, idempotent: true, ...failure }), undefined, JSON.stringify(failure));
        }
    });

    it("repeats a create only when the vendor refused it with 429", () => {
        assert.notEqual(retryDelay(policy, { attempt: 1, idempotent: false, statusCode: 429 }), undefined);
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: false, statusCode: 500 }), undefined);
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: false, networkCode: "ECONNRESET" }), undefined);
    });

    it("never repeats client errors, and stops after the configured number of retries", () => {
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: true, statusCode: 400 }), undefined);
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: true, statusCode: 404 }), undefined);
        assert.equal(retryDelay(policy, { attempt: policy.retries + 1, idempotent: true, statusCode: 503 }), undefined);
    });

    it("waits as long as Retry-After asks, in seconds or as a date, and gives up when that is too long", () => {
        const now = Date.parse("2026-01-01T00:00:00Z");
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: true, statusCode: 429, retryAfter: "3" }, now), 3000);
        assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now), 5000);
        assert.equal(retryDelay(policy, { attempt: 1, idempotent: true, statusCode: 429, retryAfter: "3600" }, now), undefined);
    });

    it("backs off exponentially with jitter, capped", () => {
        const delays = [1, 2, 3].map((attempt) => retryDelay(policy, { attempt, idempotent: true, statusCode: 503 })!);
        assert.ok(delays[0] >= 50 && delays[0] <= 100);
        assert.ok(delays[1] >= 100 && delays[1] <= 200);
        assert.ok(delays[2] >= 200 && delays[2] <= 400);
    });
});

describe("redaction", () => {
    it("replaces secret-named fields at every depth and keeps the rest", () => {
        const redacted = redact({ name: "alice", password: "p", nested: [{ voicemail_pin: "1", refresh_token: "r", email: "e" }] });
        assert.deepEqual(redacted, { name: "alice", password: "[REDACTED]", nested: [{ voicemail_pin: "[REDACTED]", refresh_token: "[REDACTED]", email: "e" }] });
    });

    it("scrubs known secret values out of vendor text", () => {
        assert.equal(scrubText("token abcd1234 is invalid", ["abcd1234"]), "token [REDACTED] is invalid");
    });
});
