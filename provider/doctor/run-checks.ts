/**
 * Runs one vendor's checks in order and turns what each found, or the error it met, into a result:
 * an answer our schema refused "differs" (with where and how), a refusal or no answer is
 * "unreachable", a missing or malformed setting "not configured". After a failure that every later
 * request would meet too (no answer, a refused credential), the vendor's remaining checks are
 * listed as not tried; after "not configured" they are left out.
 */
import { VendorAnswerError, VendorApiError } from "../http/errors";
import { answerDifferences } from "./answer-differences";
import type { AnswerRecorder } from "./answer-recorder";
import { NotConfigured, NotTried, type Check, type CheckResult, type VendorKey } from "./check";

/** Failures after which the vendor's other requests would fail the same way: no answer, or a refused credential or grant. */
function stopsTheVendor(check: Check, error: unknown): boolean {
    if (!(error instanceof VendorApiError) || error instanceof VendorAnswerError) return false;
    return error.statusCode === undefined || [401, 403].includes(error.statusCode) || check.name === "token";
}

function resultOf(vendor: VendorKey, check: Check, error: unknown, recorder: AnswerRecorder): CheckResult {
    const base = { vendor, check: check.name, request: check.request };
    if (error instanceof NotTried) {
        return { ...base, status: "unreachable", detail: error.message, differences: [], failure: { notTried: true } };
    }
    if (error instanceof NotConfigured) {
        return { ...base, status: "not configured", detail: error.message, differences: [] };
    }
    if (error instanceof VendorAnswerError) {
        return { ...base, status: "differs", detail: error.message, differences: answerDifferences(error, recorder.lastAnswer(error.operation)) };
    }
    if (error instanceof VendorApiError) {
        const failure = { statusCode: error.statusCode, vendorCode: error.vendorCode, networkCode: error.networkCode };
        return { ...base, status: "unreachable", detail: error.message, differences: [], failure };
    }
    throw error; // not a vendor's doing: a bug, reported as one
}

export async function runChecks(vendor: VendorKey, checks: Check[], recorder: AnswerRecorder, report: (result: CheckResult) => void): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    let stoppedBy: string | undefined;
    for (const check of checks) {
        let result: CheckResult;
        if (stoppedBy) {
            result = resultOf(vendor, check, new NotTried(`not tried: "${stoppedBy}" failed`), recorder);
        } else {
            recorder.begin(vendor, check.name, check.request);
            try {
                const found = await check.run();
                const differences = found.differences ?? [];
                const status = differences.length ? "differs" : found.note ? "note" : "ok";
                result = { vendor, check: check.name, request: check.request, status, detail: found.summary, summary: found.summary, differences };
            } catch (error) {
                result = resultOf(vendor, check, error, recorder);
                if (stopsTheVendor(check, error)) stoppedBy = check.name;
            }
        }
        results.push(result);
        report(result);
        if (result.status === "not configured") break;
    }
    return results;
}
