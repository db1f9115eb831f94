/**
 * `pulumi preview --json` -> the Markdown a reviewer reads (see markdown.ts for the layout).
 * Pure: no I/O, no vendor calls; the command line reads the input and prints the result.
 */
import { parseDigest } from "./digest";
import { renderMarkdown } from "./markdown";
import { planOf } from "./plan";

export { FailedPreviewError } from "./digest";

/** Throws an Error saying what to do when the text is not a preview digest, or the preview failed. */
export function summarizePreview(previewJson: string): string {
    return renderMarkdown(planOf(parseDigest(previewJson)));
}
