package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// policyPackModule runs a Node.js policy pack: `node <it> <engine address> <policy pack dir>`.
const policyPackModule = "@pulumi/pulumi/cmd/run-policy-pack"

// RunPlugin runs a Node.js policy pack (`pulumi preview/up --policy-pack DIR`).
// The engine (v3.276.0) starts every policy pack through the language host of
// the pack's runtime; it no longer looks for a `pulumi-analyzer-policy`
// launcher. Other plugin kinds (source-based providers, tools) are not used by
// this project.
func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	if req.GetKind() != string(apitype.AnalyzerPlugin) {
		return status.Errorf(codes.Unimplemented,
			"this Node.js language host runs policy packs only, not %s plugins (%s)", req.GetKind(), req.GetName())
	}
	if req.GetAttachDebugger() {
		return status.Error(codes.Unimplemented, "attaching a debugger is not supported by this Node.js language host")
	}
	info := req.GetInfo()
	packDir := info.GetProgramDirectory()
	if packDir == "" {
		packDir = req.GetPwd()
	}
	ctx := server.Context()

	node, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("could not find node on PATH: Node.js >= 22 is required")
	}
	runPath, err := locateModule(ctx, node, packDir, policyPackModule)
	if err != nil {
		return err
	}

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	// The engine talks to the pack through this proxy: it answers the engine's
	// handshake and stack configuration itself, which the pack (an older protocol)
	// reads from the environment, then forwards every other call to the pack.
	proxy, packStdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("starting the policy pack proxy: %w", err)
	}
	stack, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("waiting for the stack configuration of the policy pack: %w", err)
	}
	ro := h.runtimeOptions(info)
	env, err := policyPackEnv(req.GetEnv(), stack, ro)
	if err != nil {
		return err
	}

	args := append([]string{}, ro.nodeargs...)
	args = append(args, runPath)
	args = append(args, req.GetArgs()...) // the engine address
	args = append(args, packDir)

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopAfter := context.AfterFunc(h.ctx, cancel)
	defer stopAfter()

	cmd := exec.CommandContext(runCtx, node, args...)
	cmd.Dir = packDir // packs resolve their own node_modules from their directory
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = packStdout, stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second

	h.opts.logf(5, "running policy pack %s: %s %s (in %s)", req.GetName(), node, strings.Join(args, " "), packDir)
	if err := cmd.Start(); err != nil {
		proxy.Abort(err)
		return fmt.Errorf("starting policy pack %s: %w", req.GetName(), err)
	}
	// Attach reads the pack's port from its stdout, connects, and returns when the pack exits.
	if err := proxy.Attach(ctx, cmd); err != nil {
		return fmt.Errorf("policy pack %s: %w", req.GetName(), err)
	}
	return closer.Close()
}

// policyPackEnv is the engine's environment for the pack plus the stack
// settings @pulumi/pulumi's runtime reads (pulumi.getStack(), new pulumi.Config()).
func policyPackEnv(base []string, stack *pulumirpc.AnalyzerStackConfigureRequest, ro runtimeOptions) ([]string, error) {
	env := append([]string{}, base...)
	env = append(env, "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(ro.typescript))
	if ro.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+ro.tsconfig)
	}
	if stack == nil { // e.g. `pulumi policy publish`: no stack
		return env, nil
	}
	set := func(k, v string) {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	set("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
	set("PULUMI_NODEJS_PROJECT", stack.GetProject())
	set("PULUMI_NODEJS_STACK", stack.GetStack())
	set("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
	if stack.GetConfig() != nil {
		config, err := json.Marshal(stack.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("encoding the stack config for the policy pack: %w", err)
		}
		set("PULUMI_CONFIG", string(config))
	}
	if keys := stack.GetConfigSecretKeys(); keys != nil {
		secretKeys, err := json.Marshal(keys)
		if err != nil {
			return nil, fmt.Errorf("encoding the secret config keys for the policy pack: %w", err)
		}
		set("PULUMI_CONFIG_SECRET_KEYS", string(secretKeys))
	}
	return env, nil
}
