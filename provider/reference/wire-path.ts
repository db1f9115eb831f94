import { camelToSnake } from "../wire/case";

/**
 * How the reference writes a property's wire name: the path with each key in the vendor's
 * spelling, `[]` for the items of a list (`outbound_caller_ids[].provider_id`), as inline code.
 */
export function wirePath(path: readonly string[], spell: (key: string) => string): string {
    const text = path.map((key) => (key === "[]" ? key : `.${spell(key)}`)).join("").replace(/^\./, "");
    return `\`${text}\``;
}

/**
 * `wireName` for a vendor that spells every property in snake_case (PortSIP): `adopt` is never
 * sent, and a top-level property listed in `own` reaches the vendor elsewhere, as its text says.
 */
export function snakeCaseWireNames(own: Readonly<Record<string, string>> = {}): (path: readonly string[]) => string | undefined {
    return (path) => (path[0] === "adopt" ? undefined : (path.length === 1 && own[path[0]]) || wirePath(path, camelToSnake));
}
