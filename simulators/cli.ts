#!/usr/bin/env node
/**
 * `pulumi-ucaas-sim`: starts the vendor simulators on loopback ports, prints their URLs and the
 * `UCAAS_*` variables that point the provider at them, and serves until SIGINT/SIGTERM.
 * The text output is shell-friendly (comments start with #); `--json` prints one JSON line instead.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { startMasergySimulator } from "./masergy/index";
import { startPortSipSimulator } from "./portsip/index";
import { DEMO_UMP_DIRECTORY, startUmpSimulator } from "./ump/index";
import { startTeamsSimulator } from "./teams/index";

interface Running {
  url: string;
  adminUrl: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

interface VendorEntry {
  title: string;
  /** Shown after the title in --help. */
  note?: string;
  start(options: { port?: number; latencyMs?: number }): Promise<Running>;
}

/** Every simulator the CLI can start; later vendors add themselves here. */
const VENDORS: Record<string, VendorEntry> = {
  portsip: {
    title: "PortSIP PBX",
    async start(options) {
      const handle = await startPortSipSimulator(options);
      return {
        url: handle.url,
        adminUrl: handle.adminUrl,
        env: { UCAAS_PBX_URL: handle.url, UCAAS_PBX_TOKEN: handle.token },
        stop: () => handle.stop(),
      };
    },
  },
  masergy: {
    title: "Masergy UCaaS Provisioning API",
    note: "and its Keycloak token endpoint",
    async start(options) {
      const handle = await startMasergySimulator(options);
      return {
        url: handle.url,
        adminUrl: handle.adminUrl,
        env: {
          UCAAS_MASERGY_API_URL: handle.apiUrl,
          UCAAS_MASERGY_TOKEN_URL: handle.tokenUrl,
          UCAAS_MASERGY_REFRESH_TOKEN: handle.refreshToken,
          // The simulated jobs take 1.5 s; the real API asks for no more than one poll per 10 s.
          UCAAS_MASERGY_POLL_INTERVAL_SECONDS: "1",
        },
        stop: () => handle.stop(),
      };
    },
  },
  ump: {
    title: "AudioCodes UMP 365",
    note: "API base .../sysadmin/api; its directory holds alice and bob @contoso.com",
    async start(options) {
      // No token: UMP ENT documents no authentication, so UCAAS_UMP_TOKEN stays unset.
      const handle = await startUmpSimulator(options);
      DEMO_UMP_DIRECTORY.forEach((user) => handle.seedEndpoint({ ...user }));
      return { url: handle.url, adminUrl: handle.adminUrl, env: { UCAAS_UMP_URL: handle.url }, stop: () => handle.stop() };
    },
  },
  teams: {
    title: "ConnecttoTeams",
    note: "and the Microsoft sign-in of its enterprises (https)",
    async start(options) {
      const handle = await startTeamsSimulator(options);
      return {
        url: handle.url,
        adminUrl: handle.adminUrl,
        env: {
          UCAAS_TEAMS_URL: handle.url,
          UCAAS_TEAMS_CLIENT_ID: handle.client.clientId,
          UCAAS_TEAMS_CLIENT_SECRET: handle.client.clientSecret,
          UCAAS_TEAMS_USERNAME: handle.admin.username,
          UCAAS_TEAMS_PASSWORD: handle.admin.password,
          // The simulated Microsoft sign-in (teams-login): https with a test CA that Node trusts through NODE_EXTRA_CA_CERTS.
          UCAAS_TEAMS_MICROSOFT_AUTHORITY: handle.microsoft.url,
          UCAAS_TEAMS_MICROSOFT_CLIENT_ID: handle.microsoft.client.clientId,
          NODE_EXTRA_CA_CERTS: handle.microsoft.caFile,
        },
        stop: () => handle.stop(),
      };
    },
  },
};

const programName = "pulumi-ucaas-sim";

/** This package's version (package.json above dist/simulators or simulators/). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    const manifest = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string }) : {};
    if (manifest.name === "pulumi-ucaas" && manifest.version) return manifest.version;
    if (path.dirname(dir) === dir) throw new Error(`${programName}: cannot find its own package.json above ${__dirname}`);
  }
}

function integer(min: number, max?: number) {
  return (raw: string): number => {
    const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > (max ?? Number.MAX_SAFE_INTEGER)) {
      throw new InvalidArgumentError(`must be a whole number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}.`);
    }
    return value;
  };
}

interface CliOptions {
  vendors: string[];
  ports: Record<string, number>;
  latencyMs?: number;
  json: boolean;
  printConfig: boolean;
}

/**
 * The command line, on commander like `pulumi-ucaas`: help and --version on stdout (exit 0), a wrong
 * argument as one line on stderr with a pointer to --help (exit 2).
 */
function parseArgs(argv: string[]): CliOptions | number {
  const program = new Command(programName)
    .description("Starts loopback simulators of the vendor APIs (all of them unless some are named) and serves until interrupted.")
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .configureOutput({ outputError: (text, write) => write(`${programName}: ${text.replace(/^error: /, "")}`) })
    .showHelpAfterError(`Run \`${programName} --help\` for usage.`)
    .addHelpText("after", "\nExit codes: 0 stopped by SIGINT/SIGTERM, 1 a simulator could not start,\n2 wrong command line.")
    .exitOverride();
  const vendorOptions = Object.entries(VENDORS).map(([vendor, entry]) => {
    const start = new Option(`--${vendor}`, `start the ${entry.title} simulator${entry.note ? ` (${entry.note})` : ""}`);
    const port = new Option(`--port-${vendor} <n>`, "listen on port N (default: a free port)").argParser(integer(0, 65535));
    program.addOption(start).addOption(port);
    return { vendor, start: start.attributeName(), port: port.attributeName() };
  });
  program
    .option("--latency-ms <n>", "delay every vendor response by N milliseconds", integer(0))
    .addOption(new Option("--json", "print one JSON line describing the simulators instead of text").conflicts("printConfig"))
    .option("--print-config", "print `pulumi config set` lines for a stack instead of the variables");
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 2;
  }
  const flags = program.opts();
  const named = vendorOptions.filter((option) => flags[option.start]).map((option) => option.vendor);
  return {
    vendors: named.length ? named : Object.keys(VENDORS),
    ports: Object.fromEntries(vendorOptions.filter((option) => flags[option.port] !== undefined).map((option) => [option.vendor, flags[option.port]])),
    latencyMs: flags.latencyMs,
    json: flags.json === true,
    printConfig: flags.printConfig === true,
  };
}

/**
 * `UCAAS_PBX_TOKEN=x` as the stack config line a user runs: `pulumi config set --secret
 * ucaas:pbxToken x`. Credentials are secrets; a plain value whose key the Pulumi CLI takes for a
 * secret (a token URL) needs --plaintext, or the CLI refuses it.
 */
function configSetLine(variable: string, value: string): string {
  const words = variable.replace(/^UCAAS_/, "").toLowerCase().split("_");
  const key = words[0] + words.slice(1).map((word) => word[0].toUpperCase() + word.slice(1)).join("");
  const secret = /_(TOKEN|SECRET|PASSWORD)$/.test(variable);
  const plaintext = !secret && /TOKEN|SECRET|PASS|PWD/.test(variable);
  return `pulumi config set ${secret ? "--secret " : plaintext ? "--plaintext " : ""}ucaas:${key} ${shellQuote(value)}`;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === "number") {
    process.exitCode = options;
    return;
  }

  const running: Record<string, Running> = {};
  const stopAll = () => Promise.all(Object.values(running).map((simulator) => simulator.stop()));
  try {
    for (const vendor of options.vendors) {
      running[vendor] = await VENDORS[vendor].start({ port: options.ports[vendor], latencyMs: options.latencyMs });
    }
  } catch (error) {
    await stopAll();
    process.stderr.write(`pulumi-ucaas-sim: could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }

  // Listen for signals before printing: whoever reads the URLs may stop us right away.
  const shutdown = (signal: NodeJS.Signals) => {
    process.stderr.write(`pulumi-ucaas-sim: ${signal}, stopping\n`);
    void stopAll().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  if (options.json) {
    const description = Object.fromEntries(
      Object.entries(running).map(([vendor, { url, adminUrl, env }]) => [vendor, { url, adminUrl, env }]),
    );
    process.stdout.write(`${JSON.stringify(description)}\n`);
  } else {
    for (const [vendor, simulator] of Object.entries(running)) {
      const lines = [
        `# ${VENDORS[vendor].title} simulator: ${simulator.url}`,
        `# admin API: ${simulator.adminUrl}`,
        // NODE_EXTRA_CA_CERTS is no setting: Node reads it when a process starts, so it stays a variable.
        ...Object.entries(simulator.env).map(([name, value]) =>
          options.printConfig && name.startsWith("UCAAS_") ? configSetLine(name, value) : `export ${name}=${shellQuote(value)}`,
        ),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    process.stdout.write("# Serving until interrupted (Ctrl+C).\n");
  }
}

void main();
