import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

const repoRoot = resolve(__dirname, "../..");

/** Starts `pulumi-ucaas-sim` from source, returns its first `lineCount` stdout lines and a way to stop it. */
export async function startCli(args: string[], lineCount: number) {
  const child = spawn(process.execPath, ["-r", "ts-node/register", "simulators/cli.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_PROJECT: "tsconfig.json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  await new Promise<void>((done, fail) => {
    reader.on("line", (line) => {
      lines.push(line);
      if (lines.length === lineCount) done();
    });
    void exited.then((code) => fail(new Error(`CLI exited early with ${code}`)));
  });
  const stop = async () => {
    child.kill("SIGTERM");
    return exited;
  };
  return { lines, stop };
}
