package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// options are the command-line settings of the host.
type options struct {
	// engineAddress is the engine's gRPC address: the last positional argument.
	engineAddress string
	// tracing is the tracing endpoint passed by the engine (unused, kept for
	// completeness of parsing: `--tracing <url>` takes a separate value).
	tracing string
	// root is the project root directory (older engines pass `-root=DIR`).
	root string
	// Runtime options that older engines pass as flags; newer engines send them
	// in ProgramInfo.Options, which take precedence.
	typescript *bool
	tsconfig   string
	nodeargs   string

	verbose     int
	logToStderr bool
	showVersion bool
}

// flagsWithValue may take their value as the next argument (`--tracing URL`).
var flagsWithValue = map[string]bool{
	"tracing":        true,
	"root":           true,
	"tsconfig":       true,
	"nodeargs":       true,
	"packagemanager": true,
}

// parseArgs parses the host's arguments leniently: unknown flags are ignored
// (never fatal), and the engine address is the last positional argument.
func parseArgs(args []string) options {
	var o options
	var positional []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(arg) < 2 || arg[0] != '-' {
			positional = append(positional, arg)
			continue
		}
		name := strings.TrimLeft(arg, "-")
		value, hasValue := "", false
		if k, v, ok := strings.Cut(name, "="); ok {
			name, value, hasValue = k, v, true
		}
		// A value-taking flag written as `--flag value`: take the next argument,
		// unless that is the last one (which is reserved for the engine address).
		if !hasValue && flagsWithValue[name] && i+2 < len(args) {
			i++
			value, hasValue = args[i], true
		}
		switch name {
		case "tracing":
			o.tracing = value
		case "root":
			o.root = value
		case "tsconfig":
			o.tsconfig = value
		case "nodeargs":
			o.nodeargs = value
		case "typescript":
			b := true
			if hasValue {
				if parsed, err := strconv.ParseBool(value); err == nil {
					b = parsed
				}
			}
			o.typescript = &b
		case "v", "verbose":
			if n, err := strconv.Atoi(value); err == nil {
				o.verbose = n
			} else if !hasValue {
				o.verbose = 1
			}
		case "logtostderr", "logflow":
			o.logToStderr = !hasValue || value == "true"
		case "version":
			o.showVersion = true
		}
	}
	if len(positional) > 0 {
		o.engineAddress = positional[len(positional)-1]
	}
	return o
}

// logf writes a diagnostic line to stderr when the engine asked for verbose
// plugin logging (`pulumi -v=N --logtostderr`). The engine shows our stderr.
func (o options) logf(level int, format string, args ...any) {
	if o.logToStderr && o.verbose >= level {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: "+format+"\n", args...)
	}
}
