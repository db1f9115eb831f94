import { z } from "zod";

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
            const plaintext = typeof value === "string" || typeof value === "number";
            ctx.addIssue({
                code: "custom",
                message: plaintext
                    ? "is a secret and must not be written in the roster: store it with `pulumi config set --secret <key> <value>` and write `{ secret: <key> }` here"
                    : "must be `{ secret: <stack config key> }`",
            });
        })
        .meta({ ...secretRefJsonSchema(), ...(description ? { description } : {}) });
}

export function isSecretRef(value: unknown): value is SecretRef {
    return SecretRef.safeParse(value).success;
}

/** The JSON Schema editors see for a secret field: only the reference shape. */
function secretRefJsonSchema(): Record<string, unknown> {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(SecretRef, { io: "input" });
    return schema;
}
