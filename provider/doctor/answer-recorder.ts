/**
 * Records every answer the vendors give while the doctor's checks run: its shape for the report
 * (values never kept), and the raw answers of the running check only, so the runner can say where
 * an answer the schema refused differs, and a check can see members its schema ignores.
 */
import { observeAnswers, type ObservedAnswer } from "../http/answer-observer";
import type { VendorKey } from "./check";
import { requestTemplate, shapeOf, type Shape } from "./shape";

export interface RecordedAnswer {
    vendor: VendorKey;
    check: string;
    /** Method and path with every id and query value replaced by its kind. */
    request: string;
    status?: number;
    /** The media type, without parameters. */
    contentType?: string;
    bytes?: number;
    body: Shape;
}

/** The body's shape; a body that is not JSON is described by what it is. */
export function bodyShape(answer: ObservedAnswer): Shape {
    if (answer.tooLarge) return "too large: cut off while it streamed in";
    const text = answer.text ?? "";
    if (text === "") return "empty";
    try {
        return shapeOf(JSON.parse(text));
    } catch {
        return /^\s*</.test(text) ? "not JSON: markup (an HTML or XML page)" : "not JSON";
    }
}

export class AnswerRecorder {
    readonly answers: RecordedAnswer[] = [];
    private running?: { vendor: VendorKey; check: string; request: string };
    private raw: ObservedAnswer[] = [];
    private stopObserving?: () => void;

    start(): void {
        this.stopObserving = observeAnswers((answer) => this.record(answer));
    }

    stop(): void {
        this.stopObserving?.();
        this.running = undefined;
    }

    /** The answers that arrive from now on belong to this check (`request`: its template, whose words are kept in paths). */
    begin(vendor: VendorKey, check: string, request: string): void {
        this.running = { vendor, check, request };
        this.raw = [];
    }

    /** The last answer of the running check, to the request named `operation` when given. */
    lastAnswer(operation?: string): ObservedAnswer | undefined {
        return this.raw.findLast((answer) => operation === undefined || answer.operation === operation);
    }

    private record(answer: ObservedAnswer): void {
        if (!this.running) return;
        this.raw.push(answer);
        const { vendor, check, request } = this.running;
        this.answers.push({
            vendor,
            check,
            request: requestTemplate(answer.method, answer.path, answer.searchParams, request),
            status: answer.statusCode,
            contentType: answer.contentType?.split(";")[0].trim().toLowerCase(),
            bytes: answer.text === undefined ? undefined : Buffer.byteLength(answer.text),
            body: bodyShape(answer),
        });
    }
}

/** The parsed JSON body of an answer, when it has one. */
export function jsonBodyOf(answer: ObservedAnswer | undefined): unknown {
    try {
        return answer?.text ? JSON.parse(answer.text) : undefined;
    } catch {
        return undefined;
    }
}
