#!/usr/bin/env node
/**
 * `pulumi-ucaas`: commands for the people who keep a roster, next to the Pulumi program.
 */
import type { CommandContext } from "./args";
import { exportCommand, exportUsage } from "./export-command";

interface Command {
    summary: string;
    usage: string;
    run(args: string[], context: CommandContext): Promise<number>;
}

export const commands: Record<string, Command> = {
    export: { summary: "write a roster that adopts what already exists at the vendors", usage: exportUsage, run: exportCommand },
};

function help(): string {
    const width = Math.max(...Object.keys(commands).map((name) => name.length));
    return `usage: pulumi-ucaas <command> [options]\n\n${Object.entries(commands)
        .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
        .join("\n")}\n\n\`pulumi-ucaas <command> --help\` describes a command.\n`;
}

export async function main(argv: string[], context: CommandContext): Promise<number> {
    const [name, ...args] = argv;
    if (!name || name === "help" || name === "--help" || name === "-h") {
        context.stdout.write(help());
        return name ? 0 : 2;
    }
    const command = commands[name];
    if (!command) {
        context.stderr.write(`pulumi-ucaas: unknown command "${name}"\n\n${help()}`);
        return 2;
    }
    if (args.includes("--help")) {
        context.stdout.write(`${command.usage}\n`);
        return 0;
    }
    try {
        return await command.run(args, context);
    } catch (error) {
        context.stderr.write(`pulumi-ucaas ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
}

if (require.main === module) {
    main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
        (code) => process.exit(code),
    );
}
