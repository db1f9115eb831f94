/**
 * The starter roster of `pulumi-ucaas init`: the example's, with only the vendors asked for. Cut
 * as text, so the file keeps its layout and comments: each vendor is one paragraph (a block
 * starting at its top-level key, ending at a blank line), and `sections:` keeps its entries.
 */
import { parse } from "yaml";
import type { VendorKey } from "../settings/vendors";

export function starterRoster(text: string, vendors: readonly VendorKey[]): string {
    const allVendors: VendorKey[] = ["masergy", "pbx", "ump", "teams"];
    const dropped = allVendors.filter((vendor) => !vendors.includes(vendor));
    const paragraphs = text.split(/\n\n/).filter((paragraph) => !dropped.some((vendor) => paragraph.startsWith(`${vendor}:`)));
    const cut = paragraphs
        .join("\n\n")
        .replace(/^sections: \[(.*)\]$/m, (_line, list: string) => {
            const kept = list.split(",").map((entry) => entry.trim()).filter((entry) => !dropped.some((vendor) => entry.startsWith(`${vendor}.`)));
            return `sections: [${kept.join(", ")}]`;
        });
    // The example must stay cuttable this way: exactly the vendors asked for, then sections.
    const keys = Object.keys((parse(cut) ?? {}) as object);
    const expected = [...allVendors.filter((vendor) => vendors.includes(vendor)), "sections"];
    if (keys.join() !== expected.join()) {
        throw new Error(`the example roster does not split into vendors: got ${keys.join(", ")}, expected ${expected.join(", ")}`);
    }
    return cut;
}
