import { createHash } from "node:crypto";

/**
 * Clients and token sources live for the whole provider process, one per vendor endpoint and
 * credential, so every resource of a run shares one token and one pool of keep-alive sockets.
 * Keys are hashed: credentials never sit in a map key in the clear.
 */
const cache = new Map<string, unknown>();

export function cached<T>(parts: readonly (string | undefined)[], create: () => T): T {
    const key = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
    if (!cache.has(key)) {
        cache.set(key, create());
    }
    return cache.get(key) as T;
}
