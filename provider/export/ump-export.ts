/**
 * Reads the AudioCodes UMP directory as roster entries that adopt every endpoint with voice
 * settings (a LineURI or Enterprise Voice), which is what counts as an existing UmpEndpoint.
 */
import { umpClient } from "../ump/client";
import * as api from "../ump/ump-api";
import { normalizeLiveValue, umpAttributeKeys } from "../ump/ump-endpoint.schema";
import { wireNameOf } from "../ump/wire";
import { mapWithProgress, type ExportedVendor } from "./exported-vendor";
import type { Progress } from "./progress";

export async function exportUmp(progress: Progress): Promise<ExportedVendor> {
    const client = umpClient();
    const summaries = await api.listEndpoints(client);
    const voiceUsers = summaries.filter((s) => (s.LineURI ?? "").trim() !== "" || s.EnterpriseVoiceEnabled === true);
    // An endpoint that left the directory between the list and its read is left out.
    const endpoints = (
        await mapWithProgress(voiceUsers, 8, progress, "UMP endpoints", async (summary) => {
            const sipAddress = summary.SipAddress.trim();
            const live = await api.getEndpoint(client, sipAddress);
            if (!live) {
                return undefined;
            }
            const entry: Record<string, unknown> = { identity: sipAddress };
            for (const key of umpAttributeKeys) {
                const value = normalizeLiveValue(key, live[wireNameOf[key]]);
                if (value !== undefined) {
                    entry[key] = value;
                }
            }
            return { ...entry, adopt: true };
        })
    ).filter((endpoint) => endpoint !== undefined);
    const skipped = summaries.length - voiceUsers.length;
    return {
        lists: endpoints.length ? { endpoints } : {},
        secrets: [],
        notes: skipped ? [`${skipped} UMP directory user(s) have no number or voice settings and were left out.`] : [],
    };
}
