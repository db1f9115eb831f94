/**
 * A loopback HTTP server whose every answer the test writes by hand (an HTML login page with 200,
 * truncated JSON, a body of many megabytes), for testing how the HTTP core reads what comes back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RawRequest {
    method: string;
    path: string;
    headers: IncomingMessage["headers"];
    body: string;
}

export type RawHandler = (request: RawRequest, response: ServerResponse) => void | Promise<void>;

export interface RawServer {
    url: string;
    requests: RawRequest[];
    /** How the next requests are answered. */
    answer(handler: RawHandler): void;
}

/** Mocha hooks for one raw server per test file; the request log and handler reset before each test. */
export function useRawServer(): () => RawServer {
    let server: Server | undefined;
    let handler: RawHandler = (_request, response) => void response.writeHead(500).end();
    const state: RawServer = { url: "", requests: [], answer: (next) => void (handler = next) };
    before(async () => {
        server = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on("data", (chunk: Buffer) => chunks.push(chunk));
            request.on("end", () => {
                const raw: RawRequest = {
                    method: request.method ?? "GET",
                    path: request.url ?? "/",
                    headers: request.headers,
                    body: Buffer.concat(chunks).toString("utf8"),
                };
                state.requests.push(raw);
                void Promise.resolve(handler(raw, response)).catch(() => response.destroy());
            });
        });
        await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
        state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    beforeEach(() => {
        state.requests.length = 0;
        handler = (_request, response) => void response.writeHead(500).end();
    });
    after(async () => {
        server?.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
    });
    return () => state;
}

/** Answers with `status`, a content type and a body written as given. */
export function send(response: ServerResponse, status: number, contentType: string | undefined, body: string, headers: Record<string, string> = {}): void {
    response.writeHead(status, { ...(contentType && { "content-type": contentType }), ...headers }).end(body);
}

export const htmlLoginPage =
    "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\" method=\"post\">" +
    "<input name=\"username\"><input name=\"password\" type=\"password\"></form></body></html>";
