/**
 * The common fault kinds, over real HTTP, as a raw client sees them: status, content type, body
 * bytes, connection resets and timing; and what the request log records. Run against the PortSIP
 * simulator (the server core is the same for all four; vendor formats are in vendor-faults.test.ts).
 */
import { strict as assert } from "node:assert";
import { startPortSipSimulator, type Fault, type PortSipSimulatorHandle } from "../../simulators";
import { minimalUser } from "../helpers/portsip-bodies";
import { call } from "../helpers/sim-http";
import { rawCall, sleep, socketError } from "./raw-http";

describe("simulator faults (common to every vendor)", () => {
  let sim: PortSipSimulatorHandle;
  const auth = () => ({ authorization: `Bearer ${sim.token}` });
  const get = (path: string) => rawCall(sim.url, "GET", path, { headers: auth() });
  const post = (path: string, json: unknown, extra: { timeoutMs?: number } = {}) => rawCall(sim.url, "POST", path, { headers: auth(), json, ...extra });
  const lastLog = () => sim.requests().at(-1)!;
  const admin = (method: string, path: string, json?: unknown) => call(sim.adminUrl, method, `/__admin${path}`, json === undefined ? {} : { json });

  before(async () => {
    sim = await startPortSipSimulator();
  });
  beforeEach(() => sim.reset());
  after(() => sim.stop());

  describe("answers instead of the handler", () => {
    it("html: a proxy's login page, 200 text/html, and nothing runs", async () => {
      sim.injectFault({ kind: "html", method: "POST", pathPrefix: "/api/users" });
      const page = await post("/api/users", minimalUser());
      assert.equal(page.status, 200);
      assert.equal(page.headers["content-type"], "text/html; charset=utf-8");
      assert.match(page.body.toString(), /^<!DOCTYPE html>[\s\S]*<form[\s\S]*type="password"/);
      assert.equal(sim.state().users.length, 0, "the handler did not run");
      assert.deepEqual([lastLog().status, lastLog().fault], [200, "html"]);
      assert.equal((await post("/api/users", minimalUser())).status, 201, "the fault was used up");
    });

    it("html: with another status, e.g. a gateway's 401 page", async () => {
      sim.injectFault({ kind: "html", status: 401 });
      const page = await get("/api/roles");
      assert.deepEqual([page.status, page.headers["content-type"]], [401, "text/html; charset=utf-8"]);
    });

    it("raw: exactly the given status, content type and body (a wrong shape)", async () => {
      sim.injectFault({ kind: "raw", status: 200, contentType: "application/json", body: '{"unexpected":[1,2]}' });
      const answer = await get("/api/users");
      assert.equal(answer.status, 200);
      assert.equal(answer.headers["content-type"], "application/json");
      assert.equal(answer.body.toString(), '{"unexpected":[1,2]}');
      assert.equal(answer.headers["content-length"], "20");
      assert.equal(lastLog().fault, "raw");
    });

    it("raw: an empty body, with and without a content type", async () => {
      sim.injectFault({ kind: "raw", contentType: "application/json" });
      const empty = await get("/api/users");
      assert.deepEqual([empty.status, empty.headers["content-type"], empty.headers["content-length"], empty.body.length], [200, "application/json", "0", 0]);
      sim.injectFault({ kind: "raw", status: 502, body: "Bad Gateway" });
      const bare = await get("/api/users");
      assert.deepEqual([bare.status, bare.headers["content-type"], bare.body.toString()], [502, undefined, "Bad Gateway"]);
    });

    it("huge: a JSON body of N MiB, streamed chunked without a Content-Length", async () => {
      sim.injectFault({ kind: "huge", megabytes: 2 });
      const answer = await get("/api/users");
      assert.equal(answer.status, 200);
      assert.equal(answer.headers["content-type"], "application/json; charset=utf-8");
      assert.equal(answer.headers["transfer-encoding"], "chunked");
      assert.equal(answer.headers["content-length"], undefined);
      assert.equal(answer.body.length, 2 * 1024 * 1024);
      assert.equal((JSON.parse(answer.body.toString()) as { filler: string }).filler.length, 2 * 1024 * 1024 - 13);
      assert.deepEqual([lastLog().status, lastLog().fault], [200, "huge"]);
    });

    it("huge: announces its size when asked, and survives a client that hangs up mid-body", async () => {
      sim.injectFault({ kind: "huge", megabytes: 0.5, contentLength: true, status: 500 });
      const announced = await get("/api/users");
      assert.deepEqual([announced.status, announced.headers["content-length"], announced.body.length], [500, String(512 * 1024), 512 * 1024]);
      sim.injectFault({ kind: "huge", megabytes: 256 });
      const partial = await rawCall(sim.url, "GET", "/api/users", { headers: auth(), stopAfterBytes: 100_000 });
      assert.ok(partial.body.length < 10 * 1024 * 1024, "the client stopped early");
      assert.equal((await get("/api/users")).status, 200, "the simulator goes on serving");
    });

    it("echo: an error in the vendor's format that hands back every header (Authorization too) and the raw body", async () => {
      sim.injectFault({ kind: "echo" });
      const body = minimalUser({ password: "echo-Secret-1" });
      const answer = await rawCall(sim.url, "POST", "/api/users", { headers: { ...auth(), "x-trace": "t-1" }, json: body });
      assert.equal(answer.status, 400);
      assert.equal(answer.headers["content-type"], "application/json; charset=utf-8");
      const [error] = JSON.parse(answer.body.toString()).errors;
      assert.equal(error.code, "VALIDATE_FAILED");
      assert.ok(error.message.includes(`Bearer ${sim.token}`) && error.message.includes("echo-Secret-1"), error.message);
      assert.equal(error.detail.headers.authorization, `Bearer ${sim.token}`);
      assert.equal(error.detail.headers["x-trace"], "t-1");
      assert.deepEqual(JSON.parse(error.detail.body), body);
      assert.deepEqual([error.detail.method, error.detail.path], ["POST", "/api/users"]);
      assert.equal(sim.state().users.length, 0, "the handler did not run");
      assert.equal((lastLog().body as Record<string, unknown>).password, "[REDACTED]", "the log still redacts");
      sim.injectFault({ kind: "echo", status: 500 });
      assert.equal((await get("/api/users")).status, 500);
    });
  });

  describe("around the real handler", () => {
    it("truncate: the handler runs; its JSON is cut to half and sent as a complete response", async () => {
      sim.injectFault({ kind: "truncate", method: "POST" });
      const answer = await post("/api/users", minimalUser());
      const [user] = sim.state().users;
      assert.ok(user, "the handler ran and its change stays");
      const whole = JSON.stringify({ id: user.id });
      assert.equal(answer.status, 201);
      assert.equal(answer.headers["content-type"], "application/json; charset=utf-8");
      assert.equal(answer.body.toString(), whole.slice(0, Math.floor(whole.length / 2)));
      assert.equal(answer.headers["content-length"], String(answer.body.length), "a complete HTTP message");
      assert.throws(() => JSON.parse(answer.body.toString()));
      assert.deepEqual([lastLog().status, lastLog().fault], [201, "truncate"]);
    });

    it("truncate: keeps the given fraction of the bytes; answers without a body pass unchanged", async () => {
      const text = (await get("/api/roles")).body.toString();
      sim.injectFault({ kind: "truncate", fraction: 0.1, pathPrefix: "/api/roles" });
      const cut = await get("/api/roles");
      assert.equal(cut.body.toString(), text.slice(0, Math.floor(text.length * 0.1)));
      const id = (await call(sim.url, "POST", "/api/users", { token: sim.token, json: minimalUser() })).body.id;
      sim.injectFault({ kind: "truncate" });
      const update = await post(`/api/users/${id}`, { display_name: "Alice T." });
      assert.deepEqual([update.status, update.body.length], [204, 0]);
    });

    it("lost: the write is done, then the connection is reset without an answer (logged with status 0)", async () => {
      sim.injectFault({ kind: "lost", method: "POST", pathPrefix: "/api/users" });
      assert.equal(await socketError(post("/api/users", minimalUser())), "ECONNRESET");
      assert.equal(sim.state().users.length, 1, "the user was created");
      assert.deepEqual([lastLog().method, lastLog().status, lastLog().fault], ["POST", 0, "lost"]);
      const again = await post("/api/users", minimalUser());
      assert.equal(again.status, 400, "a retry meets the user the lost request made");
    });

    it("drop: still resets the connection before the handler runs", async () => {
      sim.injectFault({ kind: "drop", method: "POST" });
      assert.equal(await socketError(post("/api/users", minimalUser())), "ECONNRESET");
      assert.equal(sim.state().users.length, 0);
      assert.deepEqual([lastLog().status, lastLog().fault], [0, "drop"]);
    });

    it("delay slow-then-done: nothing happens during the delay, and the write lands even after the client gave up", async () => {
      sim.injectFault({ kind: "delay", ms: 400 });
      const gaveUp = socketError(post("/api/users", minimalUser(), { timeoutMs: 100 }));
      assert.equal(await gaveUp, "ETIMEDOUT");
      assert.equal(sim.state().users.length, 0, "still waiting");
      await sleep(450);
      assert.equal(sim.state().users.length, 1, "done after the delay");
      assert.deepEqual([lastLog().status, lastLog().fault], [0, "delay"], "no answer reached the client");
      assert.ok(lastLog().durationMs >= 390);
    });

    it("delay slow-then-done: a write still waiting when the simulator is reset never lands, and is not logged", async () => {
      sim.injectFault({ kind: "delay", ms: 200 });
      const abandoned = socketError(post("/api/users", minimalUser()));
      await sleep(50);
      sim.reset();
      assert.equal(await abandoned, "ECONNRESET");
      assert.deepEqual([sim.state().users.length, sim.requests().length], [0, 0]);
    });

    it("delay slow-then-done: a patient client gets the answer after the delay", async () => {
      sim.injectFault({ kind: "delay", ms: 200, mode: "slow-then-done" });
      const answer = await post("/api/users", minimalUser());
      assert.equal(answer.status, 201);
      assert.ok(answer.elapsedMs >= 190, `took ${answer.elapsedMs} ms`);
      assert.deepEqual([lastLog().status, lastLog().fault], [201, "delay"]);
    });

    it("delay done-then-slow: the write is visible at once, the answer comes after the delay", async () => {
      sim.injectFault({ kind: "delay", ms: 300, mode: "done-then-slow" });
      const pending = post("/api/users", minimalUser());
      await sleep(100);
      assert.equal(sim.state().users.length, 1, "done before the answer");
      const answer = await pending;
      assert.equal(answer.status, 201);
      assert.ok(answer.elapsedMs >= 290, `took ${answer.elapsedMs} ms`);
    });

    it("ignore: the normal success is answered and nothing changes", async () => {
      sim.injectFault({ kind: "ignore", method: "POST", pathPrefix: "/api/users" });
      const answer = await post("/api/users", minimalUser());
      assert.equal(answer.status, 201);
      assert.ok(JSON.parse(answer.body.toString()).id);
      assert.equal(sim.state().users.length, 0);
      assert.deepEqual([lastLog().status, lastLog().fault], [201, "ignore"]);
    });
  });

  describe("scripting", () => {
    it("applies a fault to the next `count` requests matching method and path prefix, in queue order", async () => {
      sim.injectFault({ kind: "html", count: 2, method: "GET", pathPrefix: "/api/roles" });
      sim.injectFault({ kind: "raw", status: 503, body: "" });
      assert.equal((await post("/api/users", minimalUser())).status, 503, "the second fault matches everything");
      const kinds = [];
      for (let i = 0; i < 3; i++) kinds.push((await get("/api/roles")).headers["content-type"]);
      assert.deepEqual(kinds, ["text/html; charset=utf-8", "text/html; charset=utf-8", "application/json; charset=utf-8"]);
      assert.deepEqual(sim.requests().map((entry) => entry.fault ?? null), ["raw", "html", "html", null]);
    });

    it("never applies a fault to the admin API", async () => {
      sim.injectFault({ kind: "html", count: 3 });
      sim.injectFault({ kind: "drop", count: 3 });
      const state = await admin("GET", "/state");
      assert.equal(state.status, 200);
      assert.equal(state.body.roles.length, 7);
      const pending = await admin("GET", "/faults");
      assert.deepEqual(pending.body.map((f: Fault & { remaining: number }) => [f.kind, f.remaining]), [["html", 3], ["drop", 3]]);
      assert.equal((await admin("DELETE", "/faults")).status, 200);
      assert.equal((await get("/api/roles")).status, 200);
    });

    it("takes every kind through POST /__admin/faults, answering the fault as queued", async () => {
      const shapes: Fault[] = [
        { kind: "status", status: 503, retryAfterSeconds: 2, count: 2 },
        { kind: "drop", method: "GET" },
        { kind: "html", status: 200, pathPrefix: "/api" },
        { kind: "raw", status: 200, contentType: "text/plain", body: "hello" },
        { kind: "truncate", fraction: 0.25 },
        { kind: "huge", megabytes: 16, status: 200, contentLength: true },
        { kind: "echo", status: 422 },
        { kind: "lost", method: "POST", pathPrefix: "/api/users" },
        { kind: "delay", ms: 1500, mode: "done-then-slow" },
        { kind: "ignore", method: "POST" },
      ];
      for (const fault of shapes) {
        const queued = await admin("POST", "/faults", fault);
        assert.deepEqual([queued.status, queued.body], [201, fault]);
      }
      assert.equal((await admin("GET", "/faults")).body.length, shapes.length);
    });

    it("refuses invalid faults, naming the problem, in the admin API and in-process", async () => {
      const refusals: Array<[unknown, RegExp]> = [
        [{ kind: "explode" }, /kind must be one of/],
        [{ kind: "delay" }, /needs ms/],
        [{ kind: "delay", ms: 10, mode: "later" }, /mode/],
        [{ kind: "truncate", fraction: 1 }, /fraction/],
        [{ kind: "huge", megabytes: 0 }, /megabytes/],
        [{ kind: "raw", status: 700 }, /status must be an integer from 200 to 599/],
        [{ kind: "raw", status: 204, body: "x" }, /takes no body/],
        [{ kind: "echo", status: 200 }, /status must be an integer from 400 to 599/],
        [{ kind: "html", body: "<p>" }, /unknown field.*body/],
        [{ kind: "lost", pathPrefix: "api" }, /pathPrefix/],
        [{ kind: "ignore", count: 0 }, /count/],
      ];
      for (const [fault, message] of refusals) {
        const refused = await admin("POST", "/faults", fault);
        assert.equal(refused.status, 400, JSON.stringify(fault));
        assert.match(refused.body.error.message, message);
        assert.throws(() => sim.injectFault(fault as Fault), message);
      }
      assert.deepEqual((await admin("GET", "/faults")).body, []);
    });

    it("forgets queued faults on reset", async () => {
      sim.injectFault({ kind: "html", count: 5 });
      sim.reset();
      assert.equal((await get("/api/roles")).status, 200);
      assert.equal(lastLog().fault, undefined);
    });
  });
});
