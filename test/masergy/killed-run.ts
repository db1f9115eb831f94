/**
 * A `pulumi` command run as a person runs it, so that a test can kill it hard (a runner lost
 * mid-deployment): the CLI and every process under it (language host, program, dynamic provider)
 * get SIGKILL, and nothing of them runs on.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import type * as automation from "@pulumi/pulumi/automation";
import type { TestStack } from "../helpers/engine";

/** Starts `pulumi <args> --stack test --non-interactive` in the stack's program folder with its workspace's variables. */
export function startPulumi(t: TestStack, args: string[]): ChildProcess {
    const workspace = t.stack.workspace as automation.LocalWorkspace;
    return spawn("pulumi", [...args, "--stack", t.stack.name, "--non-interactive"], {
        cwd: workspace.workDir,
        env: { ...process.env, ...workspace.envVars },
        stdio: "ignore",
    });
}

/** The ids of every process below `pid`, read from /proc. */
function descendants(pid: number): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
        let stat: string;
        try {
            stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        } catch {
            continue; // ended meanwhile
        }
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    }
    const below = (id: number): number[] => (children.get(id) ?? []).flatMap((child) => [child, ...below(child)]);
    return below(pid);
}

/** SIGKILLs the process and everything under it, and resolves once the process has ended. */
export async function killTree(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    for (const pid of [child.pid!, ...descendants(child.pid!)]) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            // already gone
        }
    }
    return ended;
}
