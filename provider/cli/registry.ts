/**
 * The commands of `pulumi-ucaas`. Each command is one file in provider/cli/commands/ that calls
 * `registerCommand` when loaded; main.ts loads them, and program.ts turns them into the command
 * line (commander) with the shared conventions: `--help` on each, unknown commands and options
 * refused, results on stdout and everything else on stderr, exit codes 0/1/2 (errors.ts).
 *
 * Adding `pulumi-ucaas frob`:
 *   1. provider/cli/commands/frob.ts:
 *
 *        import { runPulumi } from "../pulumi";
 *        import { registerCommand } from "../registry";
 *        import { loadStackSettings, stackOption } from "../stack-config";
 *
 *        registerCommand<{ stack?: string; dryRun?: boolean }>({
 *            name: "frob",
 *            summary: "one line, shown by `pulumi-ucaas --help`",
 *            details: "Paragraphs for `pulumi-ucaas frob --help`, lines under 80 characters.",
 *            define: (command) => command.addOption(stackOption()).option("--dry-run", "only say what would change"),
 *            async run({ options, stack, result, note }) {
 *                await loadStackSettings(stack);      // the stack's ucaas:* settings, then UCAAS_*
 *                const { stdout } = await runPulumi(["stack", "output", "--json"], stack);
 *                note("progress and warnings go to stderr");
 *                result(stdout);                      // only results go to stdout
 *            },
 *        });
 *
 *      `run` resolves to the exit code (nothing means 0; 1 for "done, and the answer is no").
 *      Throw `UsageError` (../errors) for a wrong call (exit 2, with a pointer to --help), any
 *      other Error for a failed operation (exit 1): both print `pulumi-ucaas frob: <message>`,
 *      without a stack. An option value that needs checking gets a parser that throws
 *      commander's InvalidArgumentError (exit 2, naming the option).
 *   2. `import "./commands/frob";` next to the other command imports in main.ts.
 *   3. A line in the README's command table, and `npm run docs` (docs/commands.md; a test fails while it is
 *      stale); test/cli/conventions.test.ts checks `frob --help`.
 */
import type { Command } from "commander";
import type { CommandIo } from "./io";
import type { StackOptions } from "./stack-config";

export interface CommandContext<O> {
    /** The parsed options, named as commander names them (`--dry-run` -> `dryRun`, `--no-config` -> `config: false`). */
    options: O;
    /** The positional arguments declared with `command.argument(...)`, as given. */
    args: string[];
    io: CommandIo;
    /** The folder, environment and `--stack` (when the command has that option) for stack config and `pulumi`. */
    stack: StackOptions;
    /** Writes a result to stdout (a line break is added if missing). */
    result(text: string): void;
    /** Writes progress, a note or a warning to stderr (a line break is added if missing). */
    note(text: string): void;
}

export interface CommandSpec<O = Record<string, unknown>> {
    /** `pulumi-ucaas <name>`. */
    name: string;
    /** One line for the command list of `pulumi-ucaas --help`. */
    summary: string;
    /** Paragraphs shown after the options by `pulumi-ucaas <name> --help`. */
    details?: string;
    /** Declares arguments and options with commander's API (`.argument()`, `.option()`, `.addOption()`). */
    define?(command: Command): void;
    /** Does the work; resolves to the exit code (undefined means 0). */
    run(context: CommandContext<O>): Promise<number | void>;
}

const commands = new Map<string, CommandSpec<unknown>>();

export function registerCommand<O>(spec: CommandSpec<O>): void {
    if (commands.has(spec.name)) {
        throw new Error(`pulumi-ucaas: command "${spec.name}" is registered twice`);
    }
    commands.set(spec.name, spec as CommandSpec<unknown>);
}

/** Every registered command, in the order of registration. */
export function registeredCommands(): ReadonlyArray<CommandSpec<unknown>> {
    return [...commands.values()];
}
