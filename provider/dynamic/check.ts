import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Props } from "./handlers";
import { startsWith, unknownPaths } from "./unknowns";

/**
 * Validates and normalizes inputs with a zod schema, reporting every problem with its property
 * path. Values still unknown during preview are not judged; they are checked again once known.
 */
export function checkWithSchema(schema: z.ZodType, news: Props): pulumi.dynamic.CheckResult {
    const unknown = unknownPaths(news);
    const result = schema.safeParse(news, { error: readableIssue });
    if (result.success) {
        return { inputs: unknown.length ? news : (result.data as Props) };
    }
    const failures = result.error.issues
        .filter((issue) => !unknown.some((path) => startsWith(issue.path, path)))
        .flatMap((issue): pulumi.dynamic.CheckFailure[] => {
            if (issue.code === "unrecognized_keys") {
                return issue.keys.map((key) => ({
                    property: [...issue.path, key].join("."),
                    reason: "is not a property of this resource",
                }));
            }
            return [{ property: issue.path.join(".") || "(resource)", reason: issue.message }];
        });
    return failures.length ? { failures } : { inputs: news };
}

/** Zod's wording for a missing value is about types; people need to hear that the field is required. */
export function readableIssue(issue: { input?: unknown; code?: string }): string | undefined {
    return issue.input === undefined && issue.code === "invalid_type" ? "is required" : undefined;
}

/** Check failures as one readable message, for callers that validate outside the engine. */
export function describeFailures(failures: readonly pulumi.dynamic.CheckFailure[]): string {
    return failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
}
