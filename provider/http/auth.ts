import { registerSecret } from "./secret-values";

/**
 * Access tokens shared by every request of a run: one in-flight fetch at a time, reused until
 * shortly before expiry, refreshed once when the vendor answers 401.
 */
export interface AccessToken {
    value: string;
    /** Absolute expiry in epoch milliseconds; undefined when the vendor gave no lifetime. */
    expiresAt?: number;
}

export interface TokenSource {
    /** A valid token, fetched only when there is none or it is about to expire. */
    get(): Promise<string>;
    /** Called after a 401 with the token that was refused; the next `get` fetches a new one. */
    invalidate(refused: string): void;
    /** False for a static token, where fetching again cannot help. */
    readonly canRefresh: boolean;
    /** How many tokens this source has fetched (for tests and the benchmark). */
    readonly fetchCount: number;
    /** When the current token was granted and until when, for `pulumi-ucaas doctor`; undefined before a grant and for a static token. */
    readonly granted?: GrantedToken;
}

export interface GrantedToken {
    /** Epoch milliseconds. */
    grantedAt: number;
    /** Epoch milliseconds; undefined when the vendor gave no lifetime. */
    expiresAt?: number;
}

export function staticToken(value: string): TokenSource {
    registerSecret(value);
    return { get: async () => value, invalidate: () => undefined, canRefresh: false, fetchCount: 0 };
}

/** Renew this long before the vendor's expiry so a token never dies mid-request. */
export const expirySkewMs = 30_000;

export class CachedTokenSource implements TokenSource {
    readonly canRefresh = true;
    fetchCount = 0;
    granted?: GrantedToken;
    private current?: AccessToken;
    private inFlight?: Promise<AccessToken>;

    constructor(private readonly fetchToken: () => Promise<AccessToken>, private readonly now = () => Date.now()) {}

    async get(): Promise<string> {
        if (this.current && !this.isStale(this.current)) {
            return this.current.value;
        }
        if (!this.inFlight) {
            this.fetchCount++;
            this.inFlight = this.fetchToken().then(
                (token) => {
                    registerSecret(token.value); // scrubbed from any message that echoes it
                    this.current = token;
                    this.granted = { grantedAt: this.now(), expiresAt: token.expiresAt };
                    this.inFlight = undefined;
                    return token;
                },
                (error: unknown) => {
                    this.inFlight = undefined;
                    throw error;
                },
            );
        }
        return (await this.inFlight).value;
    }

    invalidate(refused: string): void {
        // Only drop the token if nobody has replaced it yet, so a burst of 401s causes one refresh.
        if (this.current?.value === refused) {
            this.current = undefined;
        }
    }

    private isStale(token: AccessToken): boolean {
        return token.expiresAt !== undefined && token.expiresAt - expirySkewMs <= this.now();
    }
}
