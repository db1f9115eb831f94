/** Writing answers to the socket: a handler's SimResponse as JSON, or bytes as they are. */
import type { ServerResponse } from "node:http";
import type { SimResponse } from "./sim-response";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** The JSON text of an answer's body, or undefined when it has none (204 or no body). */
export function payloadOf(answer: SimResponse): string | undefined {
  return answer.body === undefined || answer.status === 204 ? undefined : JSON.stringify(answer.body);
}

/** True when the client has gone, so nothing more can be sent. */
export function clientGone(response: ServerResponse): boolean {
  return response.destroyed || !response.socket || response.socket.destroyed;
}

/** Sends a handler's answer; returns false when the client had gone. */
export function send(response: ServerResponse, answer: SimResponse): boolean {
  const payload = payloadOf(answer);
  if (payload === undefined) return sendBytes(response, answer.status, { ...answer.headers });
  return sendBytes(response, answer.status, { ...answer.headers, "content-type": JSON_CONTENT_TYPE }, Buffer.from(payload));
}

/** Sends a complete answer with a Content-Length of `body`; returns false when the client had gone. */
export function sendBytes(response: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer): boolean {
  if (clientGone(response)) return false;
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return true;
  }
  response.writeHead(status, { ...headers, "content-length": String(body.length) }).end(body);
  return true;
}
