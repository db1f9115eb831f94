/**
 * How the reference writes a property's wire name: the path with each key in the vendor's
 * spelling, `[]` for the items of a list (`outbound_caller_ids[].provider_id`), as inline code.
 */
export function wirePath(path: readonly string[], spell: (key: string) => string): string {
    const text = path.map((key) => (key === "[]" ? key : `.${spell(key)}`)).join("").replace(/^\./, "");
    return `\`${text}\``;
}
