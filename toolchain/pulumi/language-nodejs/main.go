// Command pulumi-language-nodejs is a small Node.js language host for the
// Pulumi engine, written for pulumi-ucaas.
//
// The upstream Node.js language host is a separate Go module that the module
// proxy available to this project does not serve, so scripts/toolchain.sh
// builds this host next to the Pulumi CLI instead. It implements just what the
// engine needs to run a Node.js/TypeScript program: it starts
// `node <@pulumi/pulumi/cmd/run> ...` in the program directory and reports how
// the program exited. It also starts Node.js policy packs
// (`node <@pulumi/pulumi/cmd/run-policy-pack> ...`, see plugin.go). Dependencies are installed by npm, not by the host, and
// plugins are never downloaded (the only provider our programs use is the
// bundled `pulumi-nodejs` dynamic provider).
//
// The engine starts the host as
//
//	pulumi-language-nodejs [flags...] <engine address>
//
// The host serves gRPC on 127.0.0.1 and prints the chosen port on the first line
// of stdout. Unknown flags are ignored.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
)

func main() {
	opts := parseArgs(os.Args[1:])
	if opts.showVersion {
		fmt.Println(hostVersion())
		return
	}

	ctx, stop := context.WithCancel(context.Background())
	defer stop()

	// The engine stops plugins by sending SIGINT to their process group (ours
	// includes the Node.js program) and kills them 5 s later: shut down
	// promptly. Stopping the context also stops a running program.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-signals
		opts.logf(5, "received %v, shutting down", sig)
		stop()
	}()

	host := newHost(ctx, opts)

	cancel := make(chan bool)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: cancel,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}

	// If the engine goes away without killing us, stop serving (and stop any
	// running program) instead of lingering forever.
	if opts.engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, opts.engineAddress, time.Minute, stop); err != nil {
			opts.logf(1, "cannot watch the engine at %s: %v", opts.engineAddress, err)
		}
	}
	go func() {
		<-ctx.Done()
		close(cancel)
	}()

	// The engine reads the port from the first line of our stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}
