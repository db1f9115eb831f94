/**
 * A read-only window on what vendors answer, before an answer is read: `pulumi-ucaas doctor` uses
 * it to describe the shape of every answer and to say where one differs from our reading. Nothing
 * listens during `pulumi up`, and a listener can change nothing: it gets a copy of each answer.
 */
import type { HttpMethod } from "./client";

export interface ObservedAnswer {
    /** The vendor as the client names it in errors ("PortSIP", "Masergy", ...). */
    vendor: string;
    /** The request's operation, in words (it may name objects: never put it in a report). */
    operation: string;
    method: HttpMethod;
    /** Below the client's base URL, as sent (it may hold ids). */
    path: string;
    searchParams?: Record<string, string | number | boolean | undefined>;
    statusCode?: number;
    contentType?: string;
    /** The body as received; undefined when it was too large and was cut off. */
    text?: string;
    /** The answer was larger than the client reads, and was aborted while it streamed in. */
    tooLarge?: boolean;
}

export type AnswerObserver = (answer: ObservedAnswer) => void;

const observers = new Set<AnswerObserver>();

/** Calls `observer` with every answer any vendor client receives from now on; returns the way to stop. */
export function observeAnswers(observer: AnswerObserver): () => void {
    observers.add(observer);
    return () => void observers.delete(observer);
}

/** Called by the client for each answer it receives (retries included). */
export function notifyAnswerObservers(answer: ObservedAnswer): void {
    for (const observer of observers) {
        observer(answer);
    }
}
