#!/usr/bin/env node
/**
 * `pulumi-ucaas`: the package's command line. Subcommands live in one table; each is a module
 * with a summary, its usage and a `run` that resolves to an exit code.
 */
import { UsageError, type Command, type CommandIo } from "./command";
import { exportRosterCommand } from "./export-command";
import { masergyLogin } from "./masergy-login";

const commands: Record<string, Command> = {
    export: exportRosterCommand,
    "masergy-login": masergyLogin,
};

const usage = `Usage: pulumi-ucaas <command> [options]

Commands:
${Object.entries(commands)
    .map(([name, command]) => `  ${name.padEnd(16)} ${command.summary}`)
    .join("\n")}

Run \`pulumi-ucaas <command> --help\` for a command's options.`;

export async function main(argv: string[], io: CommandIo): Promise<number> {
    const [name, ...args] = argv;
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
        (name === undefined ? io.stderr : io.stdout).write(`${usage}\n`);
        return name === undefined ? 2 : 0;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) {
        io.stderr.write(`pulumi-ucaas: unknown command "${name}"\n\n${usage}\n`);
        return 2;
    }
    try {
        return await command.run(args, io);
    } catch (error) {
        io.stderr.write(`pulumi-ucaas ${name}: ${(error as Error).message}\n`);
        if (error instanceof UsageError) {
            io.stderr.write(`\n${command.usage}\n`);
            return 2;
        }
        return 1;
    }
}

if (require.main === module) {
    void main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
        (code) => (process.exitCode = code),
    );
}
