#!/usr/bin/env node
/**
 * `pulumi-ucaas`: the package's command line. Each command registers itself (registry.ts says how
 * to add one); importing its file here puts it on the command line.
 */
import "./commands/doctor";
import "./commands/export";
import "./commands/init";
import "./commands/masergy-login";
import "./commands/shards";
import "./commands/teams-login";
import "./commands/summarize";
import { processIo } from "./io";
import { runCli } from "./program";

if (require.main === module) {
    void runCli(process.argv.slice(2), processIo()).then((code) => (process.exitCode = code));
}
