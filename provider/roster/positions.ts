import { isMap, isNode, isPair, isScalar, type Document, type LineCounter, type Node } from "yaml";

export interface Position {
    line: number;
    column: number;
}

/**
 * The position in the YAML text of the value at `path` or, when that value is missing, of the
 * deepest object on the way to it (a required field that is absent points at its entry).
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string): Position {
    let node: Node | undefined = doc.contents ?? undefined;
    for (const segment of path) {
        const next = childNode(node, segment);
        if (!next) {
            break;
        }
        node = next;
    }
    // For an unknown property, point at the property's name.
    if (key !== undefined && isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key)) {
            node = pair.key;
        }
    }
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
}

function childNode(node: Node | undefined, segment: PropertyKey): Node | undefined {
    if (!node || !("get" in node) || typeof node.get !== "function") {
        return undefined;
    }
    const child = (node as unknown as { get(key: unknown, keepScalar: boolean): unknown }).get(
        typeof segment === "number" ? segment : String(segment),
        true,
    );
    return isNode(child) ? child : undefined;
}
