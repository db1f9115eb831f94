/** Running `pulumi-ucaas doctor` and reading its lines, for the doctor's tests. */
import "../../provider/cli/main";
import { runCli } from "../../provider/cli/program";
import type { RequestLogEntry } from "pulumi-ucaas/simulators";
import { memoryIo } from "../cli/run";

export interface DoctorLine {
    vendor: string;
    check: string;
    status: string;
    text: string;
}

export interface DoctorOutput {
    code: number;
    stdout: string;
    stderr: string;
    /** One per check, in order (the closing count is not one). */
    lines: DoctorLine[];
}

/** `pbx      roles               ok: 7 roles` -> its parts; the columns are fixed (8 and 19 wide). */
export function parseDoctorOutput(code: number, stdout: string, stderr: string): DoctorOutput {
    const lines = stdout
        .split("\n")
        .filter((line) => /^(pbx|masergy|ump|teams) /.test(line))
        .map((line) => {
            const match = /^(ok|note|differs|unreachable|not configured): (.*)$/.exec(line.slice(29));
            if (!match) throw new Error(`not a check line: ${line}`);
            return { vendor: line.slice(0, 8).trim(), check: line.slice(9, 28).trim(), status: match[1], text: match[2] };
        });
    return { code, stdout, stderr, lines };
}

/** Runs `pulumi-ucaas doctor <args>` in this process (settings from the UCAAS_* variables). */
export async function doctor(...args: string[]): Promise<DoctorOutput> {
    const out = memoryIo();
    const code = await runCli(["doctor", ...args], out.io);
    return parseDoctorOutput(code, out.stdout(), out.stderr());
}

export function lineOf(output: DoctorOutput, vendor: string, check: string): DoctorLine {
    const line = output.lines.find((l) => l.vendor === vendor && l.check === check);
    if (!line) throw new Error(`no line for ${vendor} ${check} in:\n${output.stdout}${output.stderr}`);
    return line;
}

/**
 * Requests that change nothing: GETs, token grants, and the reads a vendor made a POST or PUT
 * (UMP's endpoint list, ConnecttoTeams' getAuthenticatedUser).
 */
export function isReadOnly(request: RequestLogEntry): boolean {
    if (request.method === "GET") return true;
    const readsAsWrites = [
        ["POST", /\/api\/login\/oauth\/token$/],
        ["POST", /\/openid-connect\/token$/],
        ["POST", /^\/oauth\/token$/],
        ["POST", /\/sysadmin\/api\/proxy\/endpoint\/list$/],
        ["PUT", /^\/reseller\/getAuthenticatedUser$/],
    ] as const;
    return readsAsWrites.some(([method, path]) => request.method === method && path.test(request.path));
}
