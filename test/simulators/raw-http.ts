/**
 * What a raw HTTP client receives from a simulator: status, headers and the body's bytes exactly as
 * sent, or the socket error. No pooling, no retries, no parsing: faults must be seen as they are.
 */
import { request, type IncomingHttpHeaders } from "node:http";

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending to the end of the body. */
  elapsedMs: number;
}

export interface RawOptions {
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Abort the request after this many milliseconds (the promise rejects with code "ETIMEDOUT"). */
  timeoutMs?: number;
  /** Destroy the socket once this many body bytes have arrived (the promise resolves with what came). */
  stopAfterBytes?: number;
}

export function rawCall(baseUrl: string, method: string, path: string, options: RawOptions = {}): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const headers: Record<string, string> = { ...options.headers };
  if (payload) Object.assign(headers, { "content-type": "application/json", "content-length": String(payload.length) });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks), elapsedMs: Date.now() - started });
      incoming.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (options.stopAfterBytes !== undefined && size >= options.stopAfterBytes) {
          outgoing.destroy();
          done();
        }
      });
      incoming.on("end", done);
      incoming.on("error", reject);
    });
    if (options.timeoutMs !== undefined) {
      outgoing.setTimeout(options.timeoutMs, () => outgoing.destroy(Object.assign(new Error("client timeout"), { code: "ETIMEDOUT" })));
    }
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

/** The error code a failed rawCall rejected with, e.g. ECONNRESET for a socket destroyed without an answer. */
export async function socketError(call: Promise<RawAnswer>): Promise<string> {
  try {
    const answer = await call;
    throw new Error(`expected no answer, got HTTP ${answer.status}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return code;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
