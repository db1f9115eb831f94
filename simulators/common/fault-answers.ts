/**
 * How each injected fault answers a request: instead of the handler (status, drop, html, raw,
 * huge, echo), or around it (truncate, lost, delay, ignore). The pipeline in sim-server.ts takes a
 * fault from the queue and hands it here with a way to run the real handler.
 */
import type { ServerResponse } from "node:http";
import type { HandlerWrapper, IncomingParts } from "./dispatch";
import { clientGone, JSON_CONTENT_TYPE, payloadOf, send, sendBytes } from "./send";
import type { SimProblem, SimResponse } from "./sim-response";
import type { Fault } from "./types";

/** Saves the vendor's state; the function it returns puts that state back. */
export type Checkpoint = () => () => void;

export interface FaultContext {
  parts: IncomingParts;
  response: ServerResponse;
  /** Routes and runs the real handler (auth, body parsing and errors included). */
  run(wrap?: HandlerWrapper): Promise<SimResponse>;
  renderProblem(problem: SimProblem): SimResponse;
  checkpoint?: Checkpoint;
  /** True once the simulator was reset or stopped after the request arrived. */
  cancelled(): boolean;
}

/** Applies `fault` to one request and answers it; returns the status to log (0: nothing was answered). */
export async function answerWithFault(fault: Fault, context: FaultContext): Promise<number> {
  const { response } = context;
  const answered = (status: number, sent: boolean) => (sent ? status : 0);
  switch (fault.kind) {
    case "status": {
      const answer = injectedError(context, fault.status, `injected fault: status ${fault.status}`);
      const retryAfter: Record<string, string> = fault.status === 429 && fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
      return answered(fault.status, send(response, { ...answer, headers: { ...answer.headers, ...retryAfter } }));
    }
    case "drop":
      response.socket?.destroy();
      return 0;
    case "html": {
      const status = fault.status ?? 200;
      return answered(status, sendBytes(response, status, { "content-type": "text/html; charset=utf-8" }, Buffer.from(LOGIN_PAGE)));
    }
    case "raw": {
      const status = fault.status ?? 200;
      const headers: Record<string, string> = fault.contentType !== undefined ? { "content-type": fault.contentType } : {};
      return answered(status, sendBytes(response, status, headers, Buffer.from(fault.body ?? "", "utf8")));
    }
    case "huge":
      return streamHuge(response, fault.status ?? 200, fault.megabytes ?? 64, fault.contentLength ?? false);
    case "echo": {
      const status = fault.status ?? 400;
      return answered(status, send(response, injectedError(context, status, echoMessage(context.parts), echoDetail(context.parts))));
    }
    case "truncate": {
      const answer = await context.run();
      const payload = payloadOf(answer);
      if (payload === undefined) return answered(answer.status, send(response, answer));
      const whole = Buffer.from(payload);
      const cut = whole.subarray(0, Math.floor(whole.length * (fault.fraction ?? 0.5)));
      return answered(answer.status, sendBytes(response, answer.status, { ...answer.headers, "content-type": JSON_CONTENT_TYPE }, cut));
    }
    case "lost":
      await context.run();
      response.socket?.destroy();
      return 0;
    case "delay": {
      const slowFirst = (fault.mode ?? "slow-then-done") === "slow-then-done";
      if (slowFirst) await sleep(fault.ms);
      // A write still waiting when the simulator is reset must not land in the next test's state.
      if (context.cancelled()) {
        response.socket?.destroy();
        return 0;
      }
      const answer = await context.run();
      if (!slowFirst) await sleep(fault.ms);
      return answered(answer.status, send(response, answer));
    }
    case "ignore": {
      const answer = await context.run(undoing(context.checkpoint!));
      return answered(answer.status, send(response, answer));
    }
  }
}

/** Checks that this simulator can apply the fault at all (only `ignore` needs something of the vendor). */
export function unsupportedFault(vendor: string, fault: Fault, checkpoint: Checkpoint | undefined): string | undefined {
  if (fault.kind === "ignore" && !checkpoint) {
    return `the ${vendor} simulator cannot ignore writes: it has no state checkpoint (its writes are jobs; use its task faults)`;
  }
  return undefined;
}

function injectedError(context: FaultContext, status: number, message: string, detail?: unknown): SimResponse {
  return context.renderProblem({ status, kind: "injected_fault", message, ...(detail !== undefined && { detail }) });
}

/** Everything the request carried, secrets included: what an echoing vendor hands back. */
function echoDetail(parts: IncomingParts): Record<string, unknown> {
  return { method: parts.method, path: parts.path, query: parts.query, headers: parts.headers, body: parts.raw.toString("utf8") };
}

/** The echo in the message too, since some vendors' error formats carry nothing else. */
function echoMessage(parts: IncomingParts): string {
  return `injected fault: echo of ${parts.method} ${parts.path}: headers ${JSON.stringify(parts.headers)}; body ${parts.raw.toString("utf8")}`;
}

/**
 * Runs the handler between a checkpoint and its restore. A synchronous handler (all of them today)
 * is undone before any other request can run, so no other request's change is lost.
 */
function undoing(checkpoint: Checkpoint): HandlerWrapper {
  return (handler) => {
    const restore = checkpoint();
    let result: ReturnType<typeof handler>;
    try {
      result = handler();
    } catch (error) {
      restore();
      throw error;
    }
    if (result instanceof Promise) return result.finally(restore);
    restore();
    return result;
  };
}

const MIB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "x");

/** `{"filler":"xxx..."}` of the given size, written as the socket drains; stops when the client goes. */
async function streamHuge(response: ServerResponse, status: number, megabytes: number, announceLength: boolean): Promise<number> {
  if (clientGone(response)) return 0;
  const head = Buffer.from('{"filler":"');
  const tail = Buffer.from('"}');
  const total = Math.max(Math.round(megabytes * MIB), head.length + tail.length);
  const headers: Record<string, string> = { "content-type": JSON_CONTENT_TYPE };
  if (announceLength) headers["content-length"] = String(total);
  response.writeHead(status, headers);
  let open = response.write(head);
  for (let left = total - head.length - tail.length; left > 0; left -= CHUNK.length) {
    if (clientGone(response) || (!open && !(await drained(response)))) return status;
    open = response.write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left));
  }
  response.end(tail);
  return status;
}

/** Resolves true when the response can take more, false when the client went away. */
function drained(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (open: boolean) => {
      response.off("drain", onDrain);
      response.off("close", onClose);
      resolve(open);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    response.on("drain", onDrain);
    response.on("close", onClose);
  });
}

/** Does not keep the process alive: a stopped simulator's delayed requests are simply abandoned. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** What a misconfigured proxy or SSO gateway serves instead of the API. */
const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in</title></head>
<body>
<h1>Sign in to continue</h1>
<p>Your session has expired or you are not signed in. Sign in with your corporate account to reach the requested page.</p>
<form method="post" action="/sso/login">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>
`;
