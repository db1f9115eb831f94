#!/usr/bin/env node
/**
 * `pulumi-ucaas-sim`: starts the vendor simulators on loopback ports, prints their URLs and the
 * `UCAAS_*` variables that point the provider at them, and serves until SIGINT/SIGTERM.
 * The text output is shell-friendly (comments start with #); `--json` prints one JSON line instead.
 */
import { startMasergySimulator } from "./masergy/index";
import { startPortSipSimulator } from "./portsip/index";
import { startUmpSimulator } from "./ump/index";
import { startTeamsSimulator } from "./teams/index";

interface Running {
  url: string;
  adminUrl: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

interface VendorEntry {
  title: string;
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
    async start(options) {
      // No token: UMP ENT documents no authentication, so UCAAS_UMP_TOKEN stays unset.
      const handle = await startUmpSimulator(options);
      return { url: handle.url, adminUrl: handle.adminUrl, env: { UCAAS_UMP_URL: handle.url }, stop: () => handle.stop() };
    },
  },
  teams: {
    title: "ConnecttoTeams",
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
        },
        stop: () => handle.stop(),
      };
    },
  },
};

const USAGE = `Usage: pulumi-ucaas-sim [--portsip] [--masergy] [--ump] [--teams] [--port-<vendor> N] [--latency-ms N] [--json]

Starts loopback simulators of the vendor APIs (all of them unless some are named)
and serves until interrupted.

  --portsip          start the PortSIP PBX simulator
  --port-portsip N   listen on port N (default: a free port)
  --ump              start the AudioCodes UMP 365 simulator (API base .../sysadmin/api)
  --port-ump N       listen on port N (default: a free port)
  --teams            start the ConnecttoTeams simulator
  --port-teams N     listen on port N (default: a free port)
  --masergy          start the Masergy provisioning API and token endpoint simulator
  --port-masergy N   listen on port N (default: a free port)
  --latency-ms N     delay every vendor response by N milliseconds
  --json             print one JSON line describing the simulators instead of text
  --help             show this help`;

interface CliOptions {
  vendors: string[];
  ports: Record<string, number>;
  latencyMs?: number;
  json: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliOptions | "help" {
  const options: CliOptions = { vendors: [], ports: {}, json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === "--help" || flag === "-h") return "help";
    if (flag === "--json") options.json = true;
    else if (flag === "--latency-ms") options.latencyMs = parseNumber(flag, value(), 0, Number.MAX_SAFE_INTEGER);
    else if (flag.startsWith("--port-") && Object.hasOwn(VENDORS, flag.slice(7))) {
      options.ports[flag.slice(7)] = parseNumber(flag, value(), 0, 65535);
    } else if (flag.startsWith("--") && Object.hasOwn(VENDORS, flag.slice(2))) options.vendors.push(flag.slice(2));
    else throw new UsageError(`unknown argument: ${argv[i]}`);
  }
  if (options.vendors.length === 0) options.vendors = Object.keys(VENDORS);
  return options;
}

function parseNumber(flag: string, raw: string, min: number, max: number): number {
  const value = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}`);
  return value;
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

async function main(): Promise<void> {
  let options: CliOptions | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`pulumi-ucaas-sim: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
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
        ...Object.entries(simulator.env).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    }
    process.stdout.write("# Serving until interrupted (Ctrl+C).\n");
  }
}

void main();
