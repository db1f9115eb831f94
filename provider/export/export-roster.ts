import { getSetting, type SettingKey } from "../config";
import { type ExportedSecret, type ExportedVendor, type ExportOptions, type VendorExporter } from "./exported-vendor";
import { exportMasergy } from "./masergy-export";
import { exportPbx } from "./pbx-export";
import { exportUmp } from "./ump-export";
import type { Progress } from "./progress";
import { rosterYaml } from "./roster-writer";

interface ExportableVendor {
    /** The setting whose presence means the vendor is configured. */
    endpointSetting: SettingKey;
    exporter?: VendorExporter;
    /** Why the vendor cannot be exported, when it cannot. */
    unsupported?: string;
}

/** Roster section name -> how to export it. Vendors add themselves here. */
export const exportableVendors: Record<string, ExportableVendor> = {
    masergy: { endpointSetting: "masergyRefreshToken", exporter: exportMasergy },
    pbx: { endpointSetting: "pbxUrl", exporter: exportPbx },
    ump: { endpointSetting: "umpUrl", exporter: exportUmp },
    teams: {
        endpointSetting: "teamsClientId",
        unsupported: "ConnecttoTeams documents no endpoint that reads users, so its users cannot be exported; add them to the roster by hand.",
    },
};

export interface ExportResult {
    yaml: string;
    secrets: ExportedSecret[];
    notes: string[];
}

/**
 * Reads every requested (or every configured) vendor and returns a valid roster that adopts what
 * exists, the secrets it references, and notes for the person running it.
 */
export async function exportRoster(options: ExportOptions & { vendors?: string[]; progress: Progress; schemaPath: string }): Promise<ExportResult> {
    const requested = options.vendors ?? Object.keys(exportableVendors).filter((name) => getSetting(exportableVendors[name].endpointSetting));
    const unknown = requested.filter((name) => !(name in exportableVendors));
    if (unknown.length) {
        throw new Error(`Unknown vendor ${unknown.join(", ")}; choose from ${Object.keys(exportableVendors).join(", ")}.`);
    }
    const exported: Record<string, ExportedVendor> = {};
    const notes: string[] = [];
    for (const name of requested) {
        const vendor = exportableVendors[name];
        if (!vendor.exporter) {
            notes.push(vendor.unsupported ?? `${name} cannot be exported.`);
            continue;
        }
        exported[name] = await vendor.exporter(options.progress, options);
        notes.push(...exported[name].notes);
    }
    options.progress.finish();
    if (requested.length === 0) {
        notes.push("No vendor is configured (ucaas:pbxUrl, ...); the roster is empty.");
    }
    return {
        yaml: rosterYaml(exported, options.schemaPath),
        secrets: Object.values(exported).flatMap((v) => v.secrets),
        notes,
    };
}
