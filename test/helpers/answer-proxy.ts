/**
 * A loopback proxy in front of a vendor simulator that can change what comes back, as a corporate
 * proxy, a login portal or a newer vendor version would: every request is forwarded unchanged,
 * unless a rule answers it itself or rewrites the simulator's answer. Simulators stay strict and
 * untouched; the proxy is the "something in front of the vendor".
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
    method: string;
    /** Path and query, as received. */
    url: string;
    headers: Record<string, string>;
    body: string;
}

export interface ProxiedAnswer {
    status: number;
    contentType?: string;
    body: string;
}

export interface ProxyRule {
    method?: string;
    /** Matches the path (without query). */
    path: RegExp;
    /** How many requests the rule applies to; default every one. */
    count?: number;
    /** Answers the request without forwarding it. */
    respond?: (request: ProxiedRequest) => ProxiedAnswer;
    /** Forwards the request and changes the simulator's answer. */
    rewrite?: (answer: ProxiedAnswer, request: ProxiedRequest) => ProxiedAnswer;
}

export interface AnswerProxy {
    url: string;
    rule(rule: ProxyRule): void;
    clearRules(): void;
    stop(): Promise<void>;
}

export async function startAnswerProxy(target: () => string): Promise<AnswerProxy> {
    let rules: Array<ProxyRule & { used: number }> = [];
    const server: Server = createServer((incoming, outgoing) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", async () => {
            const request: ProxiedRequest = {
                method: incoming.method ?? "GET",
                url: incoming.url ?? "/",
                headers: Object.fromEntries(Object.entries(incoming.headers).map(([k, v]) => [k, String(v)])),
                body: Buffer.concat(chunks).toString("utf8"),
            };
            const path = request.url.split("?")[0];
            const rule = rules.find((r) => (!r.method || r.method === request.method) && r.path.test(path) && (r.count === undefined || r.used < r.count));
            if (rule) rule.used++;
            try {
                let answer: ProxiedAnswer;
                if (rule?.respond) {
                    answer = rule.respond(request);
                } else {
                    const { host: _host, "content-length": _length, connection: _connection, ...headers } = request.headers;
                    const forwarded = await fetch(`${target()}${request.url}`, {
                        method: request.method,
                        headers,
                        body: request.body === "" ? undefined : request.body,
                    });
                    answer = { status: forwarded.status, contentType: forwarded.headers.get("content-type") ?? undefined, body: await forwarded.text() };
                    if (rule?.rewrite) answer = rule.rewrite(answer, request);
                }
                outgoing.writeHead(answer.status, answer.contentType ? { "content-type": answer.contentType } : {}).end(answer.body);
            } catch {
                outgoing.destroy();
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        rule: (rule) => void rules.push({ ...rule, used: 0 }),
        clearRules: () => void (rules = []),
        stop: async () => {
            server.closeAllConnections();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
}

/** An echo of the request (its headers and body) as a vendor error answer, as some vendors and proxies send. */
export function echoRequest(status: number, wrap: (echo: string) => unknown = (echo) => ({ errors: [{ code: "VALIDATE_FAILED", message: echo }] })) {
    return (request: ProxiedRequest): ProxiedAnswer => {
        const echo = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${request.body}`;
        return { status, contentType: "application/json", body: JSON.stringify(wrap(echo)) };
    };
}

/**
 * Mocha hooks: an answer proxy in front of `target()` (a simulator's origin), started once, its
 * rules cleared before each test, and `variable` pointed at it (with `path` appended) while the file runs.
 * Register it after the simulator's own hooks, so it overrides the variable they set.
 */
export function useAnswerProxy(target: () => string, variable: string, path: () => string = () => ""): () => AnswerProxy {
    let proxy: AnswerProxy | undefined;
    const saved = process.env[variable];
    before(async () => {
        proxy = await startAnswerProxy(target);
        process.env[variable] = `${proxy.url}${path()}`;
    });
    beforeEach(() => proxy!.clearRules());
    after(async () => {
        if (saved === undefined) delete process.env[variable];
        else process.env[variable] = saved;
        await proxy?.stop();
    });
    return () => proxy!;
}
