import { z } from "zod";
import { describeValue } from "./issues";

/** How a roster names a secret: the stack config key that holds it, never the value. */
export const SecretRef = z
    .strictObject({
        secret: z
            .string()
            .min(1)
            .describe("Stack config key holding the value (`pulumi config set --secret <key> <value>`); `namespace:key` for another namespace."),
    })
    .describe("A reference to a secret in the stack's config.");

export type SecretRef = z.output<typeof SecretRef>;

/** A secret field of a roster entry: only a `{ secret: <config key> }` reference is accepted. */
export function secretField(description?: string) {
    return z
        .unknown()
        .superRefine((value, ctx) => {
            if (SecretRef.safeParse(value).success) {
                return;
            }
            ctx.addIssue({ code: "custom", message: secretRefProblem(value) });
        })
        .meta({ ...secretRefJsonSchema(), ...(description ? { description } : {}) });
}

function secretRefProblem(value: unknown): string {
    if (typeof value === "string" || typeof value === "number") {
        return "is a secret and must not be written in the roster: store it with `pulumi config set --secret <key>` and write `{ secret: <key> }` here";
    }
    const shape = "must be `{ secret: <stack config key> }`";
    if (value && typeof value === "object" && !Array.isArray(value)) {
        const others = Object.keys(value).filter((key) => key !== "secret");
        return others.length
            ? `${shape}; ${others.map((key) => `\`${key}:\``).join(", ")} ${others.length === 1 ? "is" : "are"} not part of a secret reference`
            : `${shape} with a non-empty key`;
    }
    return `${shape}, not ${describeValue(value)}`;
}

export function isSecretRef(value: unknown): value is SecretRef {
    return SecretRef.safeParse(value).success;
}

/** The JSON Schema editors see for a secret field: only the reference shape. */
function secretRefJsonSchema(): Record<string, unknown> {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(SecretRef, { io: "input" });
    return schema;
}
