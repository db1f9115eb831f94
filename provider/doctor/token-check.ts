/**
 * The token check: a grant made now through the vendor client's own token source (so the answer is
 * read by the token module's schema), and what the lifetime it granted means for a run.
 */
import { expirySkewMs, type TokenSource } from "../http/auth";
import type { Check } from "./check";

/** Makes a grant now, as a run's first request does; a token this process already holds is renewed. */
async function grantNow(tokens: TokenSource): Promise<number | undefined> {
    const before = tokens.fetchCount;
    const value = await tokens.get();
    if (tokens.fetchCount === before) {
        tokens.invalidate(value);
        await tokens.get();
    }
    const granted = tokens.granted;
    return granted?.expiresAt === undefined ? undefined : Math.round((granted.expiresAt - granted.grantedAt) / 1000);
}

function inWords(seconds: number): string {
    if (seconds < 120) return `${seconds} s`;
    if (seconds < 7200) return `${seconds} s (${Math.round(seconds / 60)} min)`;
    return `${seconds} s (about ${Math.round(seconds / 3600)} h)`;
}

/** What a granted lifetime means for a run's requests. */
export function lifetimeInWords(seconds: number | undefined, renewal: string): string {
    const skew = expirySkewMs / 1000;
    if (seconds === undefined) {
        return "the grant gives no lifetime (no expires_in): the token is renewed only when the vendor answers 401";
    }
    const tooShort = seconds <= skew ? `; that is within the ${skew} s a token is renewed before it runs out, so every request fetches a new one` : "";
    return `access token valid ${inWords(seconds)}, renewed ${skew} s before it runs out and after a 401, ${renewal}${tooShort}`;
}

/**
 * `describe` words the grant and its lifetime for this vendor; `tokens` is called when the check
 * runs (after the settings check has made the client).
 */
export function tokenCheck(request: string, tokens: () => TokenSource | undefined, describe: (seconds: number | undefined) => string): Check {
    return {
        name: "token",
        request,
        async run() {
            const source = tokens();
            if (!source?.canRefresh) {
                throw new Error("doctor: the token check needs a client that fetches its tokens");
            }
            return { summary: describe(await grantNow(source)) };
        },
    };
}
