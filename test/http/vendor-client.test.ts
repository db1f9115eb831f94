import { strict as assert } from "node:assert";
import { z } from "zod";
import { jsonAnswer, noAnswer } from "../../provider/http/answer";
import { staticToken } from "../../provider/http/auth";
import { createVendorClient, maxAnswerBytes, type VendorRequest } from "../../provider/http/client";
import { PortSipApiError, VendorAnswerError, VendorApiError } from "../../provider/http/errors";
import { orMissing } from "../../provider/http/or-missing";
import { registerSecret } from "../../provider/http/secret-values";
import { portSipErrorFormat } from "../../provider/pbx/portsip-answers";
import { defaultRetryPolicy } from "../../provider/http/retry-policy";
import { htmlLoginPage, send, useRawServer } from "../helpers/raw-server";
import { restoreUcaasVariablesAfterEach } from "../helpers/settings";

const token = "raw-server-bearer-token-0f3a9c";
const password = "Echoed-Passw0rd-77";

const json = "application/json; charset=utf-8";
const items = jsonAnswer("a list page {items: [{id}]}", z.looseObject({ items: z.array(z.looseObject({ id: z.string() })) }));

describe("vendor client: every answer is read as its request declares", () => {
    const server = useRawServer();
    restoreUcaasVariablesAfterEach();
    const client = () =>
        createVendorClient({
            vendor: "PortSIP",
            baseUrl: server().url,
            errors: (d) => new PortSipApiError(d),
            errorFormat: portSipErrorFormat,
            tokens: staticToken(token),
            retryPolicy: { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2_000 },
        });
    const list: VendorRequest<z.output<typeof items.schema>> = { operation: "list users", method: "GET", path: "api/users", answer: items };
    const write: VendorRequest<unknown> = { operation: "update user 7", method: "POST", path: "api/users/7", json: { password }, answer: noAnswer, idempotent: true };

    async function rejection(request: Promise<unknown>): Promise<VendorApiError> {
        const error = await request.then(
            () => assert.fail("expected the request to fail"),
            (e: unknown) => e,
        );
        assert.ok(error instanceof VendorApiError, String(error));
        return error;
    }

    async function answerError(request: Promise<unknown>): Promise<VendorAnswerError> {
        const error = await rejection(request);
        assert.ok(error instanceof VendorAnswerError, String(error));
        return error;
    }

    it("reads a JSON answer that matches, ignoring members it does not read", async () => {
        server().answer((_r, res) => send(res, 200, json, JSON.stringify({ count: 1, items: [{ id: "a", extra: true }], more: "x" })));
        assert.deepEqual(await client().send(list), { count: 1, items: [{ id: "a", extra: true }], more: "x" });
    });

    it("refuses an HTML page answered 200 to a read, naming vendor, operation, status, what was expected and what came", async () => {
        server().answer((_r, res) => send(res, 200, "text/html", htmlLoginPage));
        const error = await answerError(client().send(list));
        assert.equal(error.vendor, "PortSIP");
        assert.equal(error.statusCode, 200);
        assert.equal(error.outcomeUnknown, false, "a read changes nothing");
        assert.match(error.message, /^PortSIP: list users failed: HTTP 200 answer not understood: expected a list page \{items: \[\{id\}\]\}, as JSON, received text\/html \(\d+ bytes\): <!DOCTYPE html><html><head><title>Sign in/);
        assert.ok(error.received.length < 260, "the excerpt is short");
        assert.equal(server().requests.length, 1, "never retried");
    });

    it("refuses an HTML page answered 200 to a write: the write's outcome is unknown, and it is not sent again", async () => {
        server().answer((_r, res) => send(res, 200, "text/html", htmlLoginPage));
        const error = await answerError(client().send(write));
        assert.equal(error.outcomeUnknown, true);
        assert.match(error.message, /expected no body, or a JSON body.*whether it took effect is unknown/);
        assert.equal(server().requests.length, 1);
    });

    it("accepts a write answered with no body or with JSON it does not read", async () => {
        server().answer((_r, res) => send(res, 204, undefined, ""));
        assert.equal(await client().send(write), undefined);
        server().answer((_r, res) => send(res, 200, json, JSON.stringify({ Status: "Success" })));
        assert.equal(await client().send(write), undefined);
    });

    it("refuses truncated JSON", async () => {
        server().answer((_r, res) => send(res, 200, json, '{"items":[{"id":"a"},{"id":'));
        const error = await answerError(client().send(list));
        assert.match(error.received, /^malformed JSON/);
    });

    it("refuses a JSON answer whose shape misses what is read, naming the paths", async () => {
        server().answer((_r, res) => send(res, 200, json, JSON.stringify({ items: [{ id: "a" }, { name: "no id" }] })));
        const error = await answerError(client().send(list));
        assert.deepEqual(error.issues.map((issue) => issue.path), ["items[1].id"]);
        assert.match(error.message, /\(items\[1\]\.id: Invalid input: expected string, received undefined\)/);
        server().answer((_r, res) => send(res, 200, json, JSON.stringify({ users: [] })));
        assert.deepEqual((await answerError(client().send(list))).issues.map((issue) => issue.path), ["items"]);
    });

    it("refuses an empty body where one is read", async () => {
        server().answer((_r, res) => send(res, 200, json, ""));
        const error = await answerError(client().send(list));
        assert.equal(error.received, "an empty body");
    });

    it("refuses JSON served with a content type that is not JSON", async () => {
        server().answer((_r, res) => send(res, 200, "text/plain", JSON.stringify({ items: [] })));
        const error = await answerError(client().send(list));
        assert.match(error.message, /as JSON, received text\/plain/);
        server().answer((_r, res) => send(res, 200, "application/problem+json", JSON.stringify({ items: [] })));
        assert.deepEqual(await client().send(list), { items: [] });
    });

    it("aborts an answer larger than 4 MiB while it streams in, with or without a Content-Length", async () => {
        const chunk = Buffer.alloc(256 * 1024, "a");
        const total = 40; // 10 MiB
        let written = 0;
        server().answer((_r, res) => {
            res.writeHead(200, { "content-type": json });
            const next = () => {
                while (written < total) {
                    written++;
                    if (!res.write(chunk)) return void res.once("drain", next);
                }
                res.end();
            };
            res.on("close", () => undefined);
            next();
        });
        const error = await answerError(client().send(list));
        assert.match(error.message, /expected an answer of at most 4 MiB, received more than that .*aborted while it streamed in/);
        assert.ok(written < total, `the server was cut off (wrote ${written} of ${total} chunks)`);

        server().answer((_r, res) => void res.writeHead(200, { "content-type": json, "content-length": String(maxAnswerBytes + 1) }).write("{"));
        assert.match((await answerError(client().send(list))).message, /at most 4 MiB/);
    });

    it("takes only the vendor's own 404 for 'not found'; a proxy's HTML 404 is an error", async () => {
        server().answer((_r, res) => send(res, 404, json, JSON.stringify({ errors: [{ code: "NOT_FOUND", message: "user not found" }] })));
        assert.equal(await orMissing(client().send(list)), undefined);

        server().answer((_r, res) => send(res, 404, "text/html", "<html><body><h1>404 Not Found</h1>nginx</body></html>"));
        const error = await orMissing(client().send(list)).then(
            () => assert.fail("a proxy's 404 must not read as gone"),
            (e: unknown) => e as VendorApiError,
        );
        assert.ok(error instanceof PortSipApiError);
        assert.equal(error.isNotFound, false);
        assert.match(error.message, /HTTP 404: not PortSIP's error format \{errors: \[\{code, message\}\]\}: text\/html: <html><body><h1>404 Not Found<\/h1>nginx/);
    });

    it("scrubs an echoed Authorization header and password from every message, excerpt and detail", async () => {
        registerSecret(password); // as the runtime does for a resource's secret inputs
        const echo = (request: { headers: Record<string, unknown>; body: string }) =>
            `auth=${String(request.headers.authorization)} body=${request.body} form=${encodeURIComponent(password)}`;
        server().answer((r, res) =>
            send(res, 400, json, JSON.stringify({ errors: [{ code: "VALIDATE_FAILED", message: echo(r), detail: { echoed: echo(r), password } }] })),
        );
        const refused = await rejection(client().send(write));
        server().answer((r, res) => send(res, 502, "text/html", `<pre>${echo(r)}</pre>`));
        const proxied = await rejection(client().send(write));
        server().answer((r, res) => send(res, 200, json, JSON.stringify({ items: "oops", echo: echo(r) })));
        const misread = await rejection(client().send(list));

        for (const error of [refused, proxied, misread]) {
            const everything = JSON.stringify({ ...error, text: error.message, stack: error.stack, detail: error.vendorDetail });
            assert.ok(everything.includes("[REDACTED]"), everything);
            for (const secret of [token, password, encodeURIComponent(password), JSON.stringify(password)]) {
                assert.equal(everything.includes(secret), false, `${secret} leaked: ${everything}`);
            }
        }
        assert.match(refused.message, /HTTP 400 VALIDATE_FAILED: auth=Bearer \[REDACTED\] body=/);
    });

    it("says how long the vendor asked to wait when it gives up on a 429", async () => {
        server().answer((_r, res) => send(res, 429, json, JSON.stringify({ errors: [{ code: "TOO_MANY_REQUESTS", message: "slow down" }] }), { "retry-after": "3600" }));
        const tooLong = await rejection(client().send(list));
        assert.equal(server().requests.length, 1, "a wait longer than the policy allows is not waited");
        assert.equal(tooLong.retryAfterMs, 3_600_000);
        assert.match(tooLong.message, /HTTP 429 TOO_MANY_REQUESTS: slow down; PortSIP asked to wait 3600 s before trying again \(Retry-After\)/);

        server().answer((_r, res) => send(res, 429, json, JSON.stringify({ errors: [{ code: "TOO_MANY_REQUESTS", message: "slow down" }] }), { "retry-after": "0" }));
        const exhausted = await rejection(client().send(list));
        assert.equal(exhausted.attempts, defaultRetryPolicy.retries + 1);
        assert.match(exhausted.message, /after 4 attempts: HTTP 429.*asked to wait 0 s/);
    });

    it("times out after ucaas:httpTimeoutSeconds (fractions allowed) and says which setting", async () => {
        process.env.UCAAS_HTTP_TIMEOUT_SECONDS = "0.2";
        server().answer((_r, res) => void setTimeout(() => send(res, 200, json, JSON.stringify({ items: [] })), 1_000));
        const started = Date.now();
        const error = await rejection(client().send({ ...write, idempotent: false }));
        assert.ok(Date.now() - started < 900, "gave up at the timeout");
        assert.equal(error.networkCode, "ETIMEDOUT");
        assert.equal(error.outcomeUnknown, true, "a write that timed out may have been applied");
        assert.match(error.message, /no answer within 0\.2 s \(ucaas:httpTimeoutSeconds \/ UCAAS_HTTP_TIMEOUT_SECONDS\)/);

        process.env.UCAAS_HTTP_TIMEOUT_SECONDS = "soon";
        await assert.rejects(client().send(list), /Setting ucaas:httpTimeoutSeconds \/ UCAAS_HTTP_TIMEOUT_SECONDS is "soon", which is not a number: use a number of seconds greater than 0 and at most 3600/);
    });
});
