/** Runs `action` with console.log captured (a provider's deployment lines), and returns both. */
export async function capturingLog<T>(action: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
    const lines: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.join(" "));
    try {
        return { result: await action(), lines };
    } finally {
        console.log = original;
    }
}
