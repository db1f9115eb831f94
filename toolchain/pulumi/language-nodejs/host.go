package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
)

// exitCodeAlreadyReported is the exit code with which @pulumi/pulumi's
// cmd/run says "the program failed and the error has already been reported
// to the engine": the engine must not print a second error.
const exitCodeAlreadyReported = 32

// runModule is what the Node.js side of the host is: the SDK's program runner.
const runModule = "@pulumi/pulumi/cmd/run"

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	// ctx is cancelled when the host shuts down; it stops running programs.
	ctx  context.Context
	opts options

	mu               sync.Mutex
	engineAddress    string
	rootDirectory    string
	programDirectory string
}

func newHost(ctx context.Context, opts options) *host {
	return &host{ctx: ctx, opts: opts, engineAddress: opts.engineAddress, rootDirectory: opts.root}
}

func hostVersion() string {
	if version.Version != "" {
		return version.Version
	}
	return "0.0.0-dev"
}

func (h *host) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	if req.RootDirectory != nil {
		h.rootDirectory = req.GetRootDirectory()
	}
	if req.ProgramDirectory != nil {
		h.programDirectory = req.GetProgramDirectory()
	}
	h.opts.logf(7, "handshake: engine=%s root=%s program=%s",
		h.engineAddress, h.rootDirectory, h.programDirectory)
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: hostVersion()}, nil
}

// GetRequiredPlugins reports no plugins: the only provider our programs use is
// the bundled pulumi-nodejs dynamic provider, and plugins are never downloaded.
func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages reports no packages, for the same reason.
func (h *host) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// InstallDependencies does nothing: dependencies are installed with npm.
func (h *host) InstallDependencies(
	*pulumirpc.InstallDependenciesRequest, pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	return nil
}

func (h *host) RuntimeOptionsPrompts(
	context.Context, *pulumirpc.RuntimeOptionsRequest,
) (*pulumirpc.RuntimeOptionsResponse, error) {
	return &pulumirpc.RuntimeOptionsResponse{}, nil
}

func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (h *host) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("could not find node on PATH")
	}
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return nil, fmt.Errorf("running %s --version: %w", node, err)
	}
	return &pulumirpc.AboutResponse{
		Executable: node,
		Version:    strings.TrimPrefix(strings.TrimSpace(string(out)), "v"),
		Metadata:   map[string]string{"host": "pulumi-ucaas"},
	}, nil
}

// GetProgramDependencies lists the program's direct package.json dependencies
// with the versions installed in node_modules (or the declared range).
func (h *host) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := req.GetPwd()
	if info := req.GetInfo(); info != nil && info.GetProgramDirectory() != "" {
		dir = info.GetProgramDirectory()
	}
	if dir == "" {
		dir = h.programDir()
	}
	var pkg struct {
		Dependencies    map[string]string `json:"dependencies"`
		DevDependencies map[string]string `json:"devDependencies"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return &pulumirpc.GetProgramDependenciesResponse{}, nil
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, "package.json"), err)
	}
	declared := map[string]string{}
	for name, v := range pkg.DevDependencies {
		declared[name] = v
	}
	for name, v := range pkg.Dependencies {
		declared[name] = v
	}
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for _, name := range names {
		v := declared[name]
		if installed := installedVersion(dir, name); installed != "" {
			v = installed
		}
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: name, Version: v})
	}
	return resp, nil
}

func installedVersion(dir, name string) string {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "node_modules", filepath.FromSlash(name), "package.json"))
		if err == nil {
			var p struct {
				Version string `json:"version"`
			}
			if json.Unmarshal(data, &p) == nil {
				return p.Version
			}
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func (h *host) programDir() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.programDirectory != "" {
		return h.programDirectory
	}
	wd, _ := os.Getwd()
	return wd
}

// runtimeOptions are the `runtime.options` of Pulumi.yaml that we honour.
type runtimeOptions struct {
	typescript bool
	tsconfig   string
	nodeargs   []string
}

func (h *host) runtimeOptions(info *pulumirpc.ProgramInfo) runtimeOptions {
	ro := runtimeOptions{typescript: true, tsconfig: h.opts.tsconfig}
	if h.opts.typescript != nil {
		ro.typescript = *h.opts.typescript
	}
	nodeargs := h.opts.nodeargs
	if info != nil && info.GetOptions() != nil {
		m := info.GetOptions().AsMap()
		switch v := m["typescript"].(type) {
		case bool:
			ro.typescript = v
		case string:
			if b, err := strconv.ParseBool(v); err == nil {
				ro.typescript = b
			}
		}
		if v, ok := m["tsconfig"].(string); ok && v != "" {
			ro.tsconfig = v
		}
		if v, ok := m["nodeargs"].(string); ok && v != "" {
			nodeargs = v
		}
	}
	ro.nodeargs = strings.Fields(nodeargs)
	return ro
}

// Run runs the program with `node <@pulumi/pulumi/cmd/run> <flags> <program> <args>`.
func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir, entry := req.GetPwd(), req.GetProgram()
	h.mu.Lock()
	rootDir, engineAddress := h.rootDirectory, h.engineAddress
	h.mu.Unlock()
	info := req.GetInfo()
	if info != nil {
		if info.GetProgramDirectory() != "" {
			programDir = info.GetProgramDirectory()
		}
		if info.GetEntryPoint() != "" {
			entry = info.GetEntryPoint()
		}
		if info.GetRootDirectory() != "" {
			rootDir = info.GetRootDirectory()
		}
	}
	if programDir == "" {
		programDir = h.programDir()
	}
	if entry == "" {
		entry = "."
	}
	if rootDir == "" {
		rootDir = programDir
	}
	ro := h.runtimeOptions(info)
	if req.GetAttachDebugger() {
		return &pulumirpc.RunResponse{Error: "attaching a debugger is not supported by this Node.js language host"}, nil
	}

	node, err := exec.LookPath("node")
	if err != nil {
		return &pulumirpc.RunResponse{Error: "could not find node on PATH: Node.js >= 22 is required"}, nil
	}
	runPath, err := locateModule(ctx, node, programDir, runModule)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	args := append([]string{}, ro.nodeargs...)
	args = append(args, runPath,
		"--monitor="+req.GetMonitorAddress(),
		"--project="+req.GetProject(),
		"--stack="+req.GetStack(),
		"--pwd="+programDir,
		"--root-directory="+rootDir,
		"--parallel="+strconv.Itoa(int(req.GetParallel())),
	)
	if engineAddress != "" {
		args = append(args, "--engine="+engineAddress)
	}
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if h.opts.tracing != "" {
		args = append(args, "--tracing="+h.opts.tracing)
	}
	args = append(args, entry)
	args = append(args, req.GetArgs()...)

	env, err := programEnv(req, ro)
	if err != nil {
		return nil, err
	}

	// Stop the program if the engine cancels the call or the host shuts down.
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	stopAfter := context.AfterFunc(h.ctx, cancel)
	defer stopAfter()

	cmd := exec.CommandContext(runCtx, node, args...)
	cmd.Dir = programDir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second

	h.opts.logf(5, "running %s %s (in %s)", node, strings.Join(args, " "), programDir)
	err = cmd.Run()
	return runResponse(err), nil
}

// runResponse maps the way the Node.js process ended to the engine's answer.
func runResponse(err error) *pulumirpc.RunResponse {
	if err == nil {
		return &pulumirpc.RunResponse{}
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited due to signal: %v", ws.Signal())}
		}
		code := exitErr.ExitCode()
		if code == exitCodeAlreadyReported {
			return &pulumirpc.RunResponse{Bail: true}
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", code)}
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("Problem executing program (could not run language executor): %v", err)}
}

// programEnv is the inherited environment plus the settings cmd/run reads.
func programEnv(req *pulumirpc.RunRequest, ro runtimeOptions) ([]string, error) {
	config := req.GetConfig()
	if config == nil {
		config = map[string]string{}
	}
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, fmt.Errorf("encoding config: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secretsJSON, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("encoding secret config keys: %w", err)
	}
	env := os.Environ()
	env = append(env,
		"PULUMI_CONFIG="+string(configJSON),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretsJSON),
		"PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(ro.typescript),
	)
	if ro.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+ro.tsconfig)
	}
	return env, nil // exec keeps the last value of a duplicated key
}

// locateModule finds a module of @pulumi/pulumi (e.g. cmd/run) for the program
// in dir: first the usual node_modules lookup walking up from dir, then Node's
// own resolution (for NODE_PATH and other setups).
func locateModule(ctx context.Context, node, dir, module string) (string, error) {
	rel := filepath.Join("node_modules", filepath.FromSlash(module), "index.js")
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, rel)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	cmd := exec.CommandContext(ctx, node, "-e", "console.log(require.resolve(process.argv[1]))", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if p := strings.TrimSpace(string(out)); err == nil && p != "" {
		return p, nil
	}
	return "", fmt.Errorf("it looks like the Pulumi SDK has not been installed: could not find %s from %s. "+
		"Have you run npm install?", module, dir)
}
