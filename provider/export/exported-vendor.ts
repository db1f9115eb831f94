import type { Progress } from "./progress";

/** A secret read from a vendor, to be stored in stack config under `key`; the roster only names the key. */
export interface ExportedSecret {
    key: string;
    value: string;
}

/** What one vendor contributes to an exported roster. */
export interface ExportedVendor {
    /** Section entries by list name, e.g. `{ roles: [...], users: [...] }`. */
    lists: Record<string, Array<Record<string, unknown>>>;
    secrets: ExportedSecret[];
    /** Things a person should know, e.g. what could not be exported. */
    notes: string[];
}

/** Choices a person makes for an export, for what the vendors cannot report. */
export interface ExportOptions {
    /** Masergy: values for `mainServicePack`, `timeZone` and `addressType`, which user/find does not report. */
    masergyDefaults?: Record<string, string>;
}

export type VendorExporter = (progress: Progress, options: ExportOptions) => Promise<ExportedVendor>;

/** `pbx-user`, `1001`, `voicemailPin` -> `pbxUser1001VoicemailPin`: a valid, readable config key. */
export function secretConfigKey(prefix: string, naturalKey: string, field: string): string {
    const words = [...prefix.split("-"), naturalKey.replace(/[^A-Za-z0-9]/g, ""), field];
    return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** Runs `task` over `items` with at most `limit` in flight, reporting progress. */
export async function mapWithProgress<T, R>(
    items: readonly T[],
    limit: number,
    progress: Progress,
    label: string,
    task: (item: T) => Promise<R>,
): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    let done = 0;
    progress.step(label, 0, items.length);
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index]);
            progress.step(label, ++done, items.length);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
