import type { Props } from "./handlers";

/**
 * The vendor object exists but the operation did not finish (a failed follow-up call, a job still
 * running at our deadline). The engine records the resource with `id` and `properties` and shows
 * the reason as an init error, instead of forgetting an object that really exists.
 */
export class ResourceInitError extends Error {
    readonly reasons: string[];

    constructor(readonly id: string, public properties: Props, message: string) {
        super(message);
        this.name = "ResourceInitError";
        this.reasons = [message];
    }
}
