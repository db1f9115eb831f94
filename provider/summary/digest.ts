/**
 * The JSON `pulumi preview --json` prints (the CLI's PreviewDigest), read and checked. Only the
 * fields the summary uses are described; everything else the CLI adds is let through. Input that
 * is not a digest, and the digest of a preview that failed, are errors that say what to do.
 */
import { z } from "zod";

const PropertyMap = z.record(z.string(), z.unknown());

const ResourceState = z.looseObject({
    urn: z.string().optional(),
    type: z.string().optional(),
    id: z.string().optional(),
    inputs: PropertyMap.nullish(),
    outputs: PropertyMap.nullish(),
    additionalSecretOutputs: z.array(z.string()).nullish(),
    /** The old object of a replacement that deletes it first. */
    pendingReplacement: z.boolean().optional(),
    /** The old object of a replacement that creates the new one first. */
    delete: z.boolean().optional(),
});

const PreviewStep = z.looseObject({
    op: z.string().min(1),
    urn: z.string().startsWith("urn:pulumi:", "must be a Pulumi URN"),
    oldState: ResourceState.nullish(),
    newState: ResourceState.nullish(),
    diffReasons: z.array(z.string()).nullish(),
    replaceReasons: z.array(z.string()).nullish(),
    detailedDiff: z.record(z.string(), z.looseObject({ kind: z.string(), inputDiff: z.boolean().optional() })).nullish(),
});

const PreviewDiagnostic = z.looseObject({
    urn: z.string().optional(),
    message: z.string(),
    severity: z.string(),
});

const PreviewDigest = z.looseObject({
    steps: z.array(PreviewStep).nullish(),
    diagnostics: z.array(PreviewDiagnostic).nullish(),
    changeSummary: z.record(z.string(), z.number()).nullish(),
});

export type ResourceState = z.output<typeof ResourceState>;
export type PreviewStep = z.output<typeof PreviewStep>;
export type PreviewDigest = z.output<typeof PreviewDigest>;

/** The preview the digest records failed: its errors are the message. */
export class FailedPreviewError extends Error {
    override name = "FailedPreviewError";
    constructor(readonly errors: string[]) {
        super(`the preview failed, so there is nothing to summarize. Its errors:\n${errors.map((e) => `  ${e.replace(/\n/g, "\n  ")}`).join("\n")}`);
    }
}

const howToGetOne = "Pipe `pulumi preview --json` into it, or save that output to a file and name the file.";

function firstLine(text: string): string {
    const line = text.trimStart().split("\n", 1)[0];
    return line.length > 60 ? `${line.slice(0, 60)}...` : line;
}

/** Parses and checks the text of `pulumi preview --json`; throws an Error that says what is wrong. */
export function parseDigest(text: string): PreviewDigest {
    const body = text.replace(/^\uFEFF/, "");
    if (body.trim() === "") {
        throw new Error(`the input is empty. ${howToGetOne}`);
    }
    let json: unknown;
    try {
        json = JSON.parse(body);
    } catch {
        throw new Error(`the input is not JSON (it starts with "${firstLine(body)}"): summarize reads what \`pulumi preview --json\` prints, not the text of \`pulumi preview\`. ${howToGetOne}`);
    }
    const known = ["steps", "changeSummary", "diagnostics"];
    const object = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
    if (!object || !known.some((key) => key in object)) {
        const found = object ? `an object with ${Object.keys(object).join(", ") || "no keys"}` : `a JSON ${json === null ? "null" : Array.isArray(json) ? "array" : typeof json}`;
        throw new Error(`the input is not the output of \`pulumi preview --json\` (expected an object with steps and changeSummary, got ${found}). ${howToGetOne}`);
    }
    const parsed = PreviewDigest.safeParse(json);
    if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`);
        throw new Error(`the input does not have the shape of \`pulumi preview --json\` output: ${problems.join("; ")}`);
    }
    const digest = parsed.data;
    const errors = (digest.diagnostics ?? []).filter((d) => d.severity === "error").map((d) => d.message.trim().replace(/^error: /, ""));
    if (errors.length) {
        throw new FailedPreviewError([...new Set(errors)]);
    }
    if (!digest.changeSummary) {
        throw new Error("the preview did not finish (its JSON has no changeSummary): run `pulumi preview --json` again and summarize a complete one.");
    }
    return digest;
}
