/**
 * `pulumi-ucaas` built on commander from the registered commands, with the conventions every
 * command shares: `--help` on the program and on each command (help to stdout), `--version`,
 * a wrong call refused with one line on stderr and a pointer to `--help` (exit 2), a failed
 * operation reported as one line on stderr (exit 1). See errors.ts for the exit codes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { UsageError, describeError, exitCodeFor, exitCodes } from "./errors";
import { writeLine, type CommandIo } from "./io";
import { registeredCommands, type CommandContext } from "./registry";

const programName = "pulumi-ucaas";

/** This package's folder: the one above dist/provider/cli or provider/cli whose package.json is ours. */
export function packageRoot(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (manifest.name === programName && manifest.version) return dir;
        }
        if (path.dirname(dir) === dir) throw new Error(`${programName}: cannot find its own package.json above ${__dirname}`);
    }
}

/** The version in this package's package.json. */
export function packageVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

const helpPointer = (name: string) => `Run \`${name} --help\` for usage.`;

/** Commander's messages, written to the command's stderr as `<name>: <message>` with a pointer to `--help`. */
function useConventions(command: Command, name: string, io: CommandIo): Command {
    return command
        .configureOutput({
            writeOut: (text) => io.stdout.write(text),
            writeErr: (text) => io.stderr.write(text),
            outputError: (text, write) => write(`${name}: ${text.replace(/^error: /, "")}`),
        })
        .showHelpAfterError(helpPointer(name));
}

/** The exit code for commander's own outcomes: help and version are successes, anything else a wrong call. */
function commanderExitCode(error: CommanderError): number {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return exitCodes.ok;
    // `pulumi-ucaas help <command>` exits 0; help shown because no command was given comes with exit code 1.
    if (error.code === "commander.help") return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    return exitCodes.usage;
}

/** Runs `pulumi-ucaas <argv>` and resolves to its exit code; never throws for an expected error. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
    const program = useConventions(new Command(programName), programName, io)
        .description("Pulumi dynamic resources for UCaaS user provisioning: the package's commands.")
        .version(packageVersion(), "-V, --version", "print the version")
        .helpOption("-h, --help", "show help")
        .configureHelp({ sortSubcommands: true })
        .exitOverride();
    program.helpCommand("help [command]", "show help for a command");
    program.addHelpText("after", `\nExit codes: 0 success, 1 the operation failed, 2 wrong command line.`);

    let exitCode: number = exitCodes.ok;
    let running: string = programName;
    for (const spec of registeredCommands()) {
        const command = useConventions(program.command(spec.name), `${programName} ${spec.name}`, io)
            .summary(spec.summary)
            .description(spec.summary);
        spec.define?.(command);
        if (spec.details) command.addHelpText("after", `\n${spec.details}`);
        command.action(async () => {
            running = `${programName} ${spec.name}`;
            exitCode = (await spec.run(context(command, io))) ?? exitCodes.ok;
        });
    }

    try {
        await program.parseAsync(unknownCommandFirst(argv), { from: "user" });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) return commanderExitCode(error);
        io.stderr.write(`${running}: ${describeError(error)}\n`);
        if (error instanceof UsageError) io.stderr.write(`${helpPointer(running)}\n`);
        return exitCodeFor(error);
    }
}

/**
 * Commander answers `nonexistent --help` with the program's help (exit 0) and `help nonexistent`
 * with it on stderr; both name an unknown command, so parse just that name to get commander's
 * "unknown command" (with its "Did you mean" suggestion).
 */
function unknownCommandFirst(argv: string[]): string[] {
    const named = argv[0] === "help" ? argv[1] : argv[0];
    const known = named === "help" || registeredCommands().some((spec) => spec.name === named);
    return named !== undefined && !named.startsWith("-") && !known ? [named] : argv;
}

function context(command: Command, io: CommandIo): CommandContext<unknown> {
    const options = command.opts();
    return {
        options,
        args: command.args,
        io,
        stack: { cwd: io.cwd, env: io.env, stack: typeof options.stack === "string" ? options.stack : undefined },
        result: (text: string) => writeLine(io.stdout, text),
        note: (text: string) => writeLine(io.stderr, text),
    };
}
