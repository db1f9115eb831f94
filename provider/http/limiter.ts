/** Caps how many requests one vendor client has in flight, so a large stack does not flood a vendor. */
export class ConcurrencyLimiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];

    constructor(readonly limit: number) {}

    async run<T>(task: () => Promise<T>): Promise<T> {
        if (this.active >= this.limit) {
            await new Promise<void>((resolve) => this.waiting.push(resolve));
        } else {
            this.active++;
        }
        try {
            return await task();
        } finally {
            const next = this.waiting.shift();
            if (next) {
                next(); // the slot passes straight to the next waiter
            } else {
                this.active--;
            }
        }
    }
}
