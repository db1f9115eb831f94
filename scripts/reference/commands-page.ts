/**
 * docs/commands.md: the `pulumi-ucaas` commands, from the CLI's registry (provider/cli/registry.ts):
 * each command's summary, usage, arguments, options and details, as `--help` shows them.
 */
import { Command } from "commander";
import "../../provider/cli/main";
import { exitCodes } from "../../provider/cli/errors";
import { registeredCommands, type CommandSpec } from "../../provider/cli/registry";
import { code, generatedNote, page, table } from "./markdown";

export const commandsPageFile = "docs/commands.md";

/** The command as commander builds it from the spec, without running anything. */
function built(spec: CommandSpec<unknown>): Command {
    const command = new Command(spec.name);
    spec.define?.(command);
    return command;
}

function commandSection(spec: CommandSpec<unknown>): string {
    const command = built(spec);
    const usage = `pulumi-ucaas ${command.createHelp().commandUsage(command)}`;
    const args = command.registeredArguments.map((argument) => [code(argument.name()), argument.required ? "yes" : "", argument.description]);
    const options = [
        ...command.options.map((option) => [
            code(option.flags),
            option.description,
            option.defaultValue === undefined || option.negate ? "" : code(JSON.stringify(option.defaultValue)),
        ]),
        [code("-h, --help"), "show help", ""],
    ];
    return [
        `## \`pulumi-ucaas ${spec.name}\``,
        spec.summary[0].toUpperCase() + spec.summary.slice(1) + ".",
        `\`\`\`sh\n${usage}\n\`\`\``,
        args.length ? table(["argument", "required", "description"], args) : undefined,
        table(["option", "description", "default"], options),
        // As `--help` prints them: laid out for a terminal, with its own lists and examples.
        spec.details ? `\`\`\`text\n${spec.details}\n\`\`\`` : undefined,
    ]
        .filter(Boolean)
        .join("\n\n");
}

export function commandsPage(): string {
    const specs = [...registeredCommands()].sort((a, b) => a.name.localeCompare(b.name));
    return page([
        generatedNote("the command registry (provider/cli/registry.ts, provider/cli/commands/)"),
        "# Commands",
        "`npx pulumi-ucaas <command> [options]`; `npx pulumi-ucaas --help` lists them, `npx pulumi-ucaas <command> --help` shows one. " +
            "Results (a roster, a token, a summary) go to stdout, everything else (progress, notes, prompts, errors) to stderr; an " +
            "error is one line without a stack trace. Commands that use the stack's config take `--stack NAME` (default: the " +
            "selected stack) and read the `ucaas:*` settings as the resources do, then the `UCAAS_*` variables.",
        table(
            ["exit code", "meaning"],
            [
                [String(exitCodes.ok), "done"],
                [String(exitCodes.failed), "the operation failed (a vendor refused, `pulumi` failed), or a check found a difference"],
                [String(exitCodes.usage), "wrong command line: unknown command or option, a missing or invalid value, no Pulumi project where one is needed"],
            ],
        ),
        table(["command", "what it does"], specs.map((spec) => [`[${code(spec.name)}](#pulumi-ucaas-${spec.name})`, spec.summary])),
        ...specs.map(commandSection),
    ]);
}
