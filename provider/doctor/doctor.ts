/**
 * `pulumi-ucaas doctor`: reads each configured vendor (or the ones named) with read-only requests
 * through the same clients, settings and answer schemas the resources use, and says per check
 * whether the answer is what we read. Vendors are checked one after another, so every answer
 * belongs to the check that was running when it came.
 */
import { AnswerRecorder, type RecordedAnswer } from "./answer-recorder";
import { vendorKeys, type CheckResult, type DoctorOptions, type VendorDoctor, type VendorKey } from "./check";
import { masergyDoctor } from "./masergy-checks";
import { pbxDoctor } from "./pbx-checks";
import { runChecks } from "./run-checks";
import { teamsDoctor } from "./teams-checks";
import { umpDoctor } from "./ump-checks";

export const vendorDoctors: Record<VendorKey, VendorDoctor> = { pbx: pbxDoctor, masergy: masergyDoctor, ump: umpDoctor, teams: teamsDoctor };

export interface DoctorRequest {
    /** Only these vendors; default: every one that is configured or required. */
    only?: readonly VendorKey[];
    /** Checked even when none of their settings is given (then they fail): the vendors a person named. */
    required?: readonly VendorKey[];
    options: DoctorOptions;
}

export interface DoctorRun {
    results: CheckResult[];
    /** Every answer, as a shape. */
    answers: RecordedAnswer[];
    /** Vendors left out because none of their settings is given (and they were not named). */
    skipped: VendorKey[];
    /** Every check of every vendor checked is ok (or a note), and at least one vendor was checked. */
    passed: boolean;
}

export async function runDoctor(request: DoctorRequest, report: (result: CheckResult) => void): Promise<DoctorRun> {
    const recorder = new AnswerRecorder();
    const results: CheckResult[] = [];
    const skipped: VendorKey[] = [];
    recorder.start();
    try {
        for (const key of vendorKeys) {
            const doctor = vendorDoctors[key];
            if (request.only && !request.only.includes(key)) continue;
            if (!request.required?.includes(key) && !doctor.configured()) {
                skipped.push(key);
                report({ vendor: key, check: "settings", request: `ucaas:${key}*`, status: "not configured", detail: `no ucaas:${key}* setting is given: not checked`, differences: [] });
                continue;
            }
            results.push(...(await runChecks(key, doctor.checks({ options: request.options, lastAnswer: (operation) => recorder.lastAnswer(operation) }), recorder, report)));
        }
    } finally {
        recorder.stop();
    }
    return { results, answers: recorder.answers, skipped, passed: results.length > 0 && results.every((result) => result.status === "ok" || result.status === "note") };
}
